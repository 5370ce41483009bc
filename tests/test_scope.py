"""One Scope (analysis/scope.py): the sidebar's choice, a briefing's selection and a slide of the deck cover the same
counties for the same year, region and city."""

from __future__ import annotations

import pandas as pd

from analysis.scope import Scope
from exports.briefing import Selection
from records.deck import Slide

COUNTIES = pd.DataFrame(
    {
        "adcode": ["340881", "340827", "341202", "340104"],
        "region": ["皖中", "皖中", "皖北", "皖中"],
        "city_adcode": ["340800", "340800", "341200", "340100"],
    }
)


def test_a_scope_covers_its_counties_and_names_itself():
    assert Scope(2025).covers(COUNTIES).tolist() == [True, True, True, True] and Scope(2025).name == "安徽省"
    assert Scope(2025, "皖中").within(COUNTIES).adcode.tolist() == ["340881", "340827", "340104"]
    anqing = Scope(2025, "皖中", "340800", "安庆市")
    assert anqing.within(COUNTIES).adcode.tolist() == ["340881", "340827"] and anqing.name == "安庆市"
    assert Scope(2025, "皖北").name == "皖北" and not anqing.province and Scope(2024).province


def test_a_selection_and_a_slide_are_scopes():
    slide = Slide("安庆市", region="皖中", city="340800", year=2024)
    selection = Selection(**vars(slide.scope(2024, "安庆市")), metric="专精特新")
    assert isinstance(selection, Scope) and selection.metric == "专精特新"
    assert selection.within(COUNTIES).adcode.tolist() == Scope(2024, "皖中", "340800").within(COUNTIES).adcode.tolist()
    assert selection.name == "安庆市" and selection.year == 2024
