"""数据截至 on every reading page (issue 19, item 8): the latest year of each kind of data it shows, and the last
confirmed batch of that kind, or that the figures are demo data."""

from __future__ import annotations

import pandas as pd
import pytest

from components import freshness
from harness.apptest import page_app


def rows(**confirmed) -> pd.DataFrame:
    base = {
        "kind": ["集群年度数据", "企业名录"],
        "data_year": [2025, 2025],
        "batch_year": [pd.NA, pd.NA],
        "confirmed_at": [pd.NaT, pd.NaT],
        "batch_id": [pd.NA, pd.NA],
        "counties": [0, 0],
        "demo": [True, True],
    }
    frame = pd.DataFrame(base)
    for column, value in confirmed.items():
        frame.loc[0, column] = value
    return frame


def test_the_line_names_the_last_confirmed_batch_or_says_demo():
    demo = freshness.text(rows(), ("集群年度数据", "企业名录"))
    assert demo == "数据截至 2025年 · 演示数据，尚无省级确认的上报批次"  # the same for both kinds: said once
    confirmed = rows(batch_year=2025, confirmed_at=pd.Timestamp("2026-11-20 10:00"), batch_id=12, counties=3)
    assert freshness.text(confirmed, ("集群年度数据",)) == (
        "数据截至 2025年 · 最近确认 2026-11-20（第 12 批；2025年已确认 3 个区县），其余为演示数据"
    )
    assert freshness.text(confirmed, ("集群年度数据", "企业名录")) == (
        "数据截至：集群数据 2025年（最近确认 2026-11-20（第 12 批；2025年已确认 3 个区县），其余为演示数据）；"
        "企业与荣誉 2025年（演示数据，尚无省级确认的上报批次）"
    )


@pytest.mark.parametrize("page", ["home", "tiers", "honours", "enterprises", "chains", "cluster", "ranking", "present"])
def test_every_reading_page_says_how_fresh_its_data_is(app_store, monkeypatch, page):
    at = page_app(f"pages/{page}.py", monkeypatch)
    line = next((m.value for m in at.markdown if "data-as-of" in m.value), "")
    assert "数据截至 2025年 · 演示数据，尚无省级确认的上报批次" in line, line
    assert freshness.KINDS["" if page == "home" else page]  # (each page names the kinds it shows)
