"""Upload kinds are registered in one place: each kind is one module of uploads/kinds, and nothing else names it.
A toy kind registered here is validated, templated and staged with no other code changed; an unknown kind raises."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from tests.test_uploads import ctx, xlsx
from uploads import files, kinds, parsing, rules, spec, templates, validate
from uploads.problems import ERROR, Checked, Problems
from uploads.sheets import Checking

__all__ = ["ctx"]
PROJECTS = "项目库"
COLUMNS = (
    spec.Column("项目名称", "text", True, "项目全称", "name"),
    spec.Column("区县", "county", True, "所在区县", "adcode"),
    spec.Column("阶段", "choice", True, "线索 / 签约 / 投产", "stage", choices=("线索", "签约", "投产")),
    spec.Column("投资额（亿元）", "number", False, "亿元", "investment", 0.0),
)


def _check(year, s, sheets, context, problems) -> Checked:
    parsed = parsing.parse(s, context)
    adcode = rules.scope(s, parsed, context)
    rules.duplicates(s, parsed[["name"]], "name", "项目名称")
    return Checked(PROJECTS, year, adcode, {"batch_projects": parsed[~s.bad]}, problems, rows=len(s.sheet.cells))


@pytest.fixture()
def projects(monkeypatch):
    kind = kinds.Kind(
        PROJECTS,
        (spec.Template(PROJECTS, COLUMNS),),
        _check,
        lambda batch_id, checked: {"batch_projects": checked.tables["batch_projects"]},
        ("name", "项目名称"),
        {"stage": "阶段"},
        lambda checked: checked.tables["batch_projects"],
        None,
        None,
        None,
        None,
        None,
    )
    monkeypatch.setitem(kinds.REGISTRY, PROJECTS, kind)
    return kind


def test_a_kind_registered_in_one_place_is_validated_and_templated(ctx, projects):
    rows = [
        {"项目名称": "新能源电池项目", "区县": "桐城市", "阶段": "签约", "投资额（亿元）": "12亿元"},
        {"项目名称": "新能源电池项目", "区县": "桐城市", "阶段": "开工", "投资额（亿元）": "-1"},
    ]
    checked = validate.check(PROJECTS, 2025, files.read("项目.xlsx", xlsx({PROJECTS: rows})), ctx)
    assert [p.text() for p in checked.problems if p.level == ERROR] == [
        "项目.xlsx › 项目库 · 第 3 行 · C 列「阶段」：“开工”不在可选值中。",
        "项目.xlsx › 项目库 · 第 3 行 · D 列「投资额（亿元）」：不能为负数。",
        "项目.xlsx › 项目库 · 第 3 行 · A 列「项目名称」：项目名称与第 2 行重复。",
    ]
    assert checked.adcode == "340881" and checked.tables["batch_projects"].investment.tolist() == [12.0]
    book = load_workbook(io.BytesIO(templates.template(PROJECTS, {"adcode": ["桐城市"]})))
    assert [c.value for c in book[PROJECTS][1]] == [c.name for c in COLUMNS]
    stage_list = [v for v in book[PROJECTS].data_validations.dataValidation if str(v.sqref).startswith("C2")]
    options = book[spec.OPTIONS_SHEET]
    column = next(c[0].column_letter for c in options.columns if c[0].value == "stage")
    assert stage_list and [c.value for c in options[column][1:4]] == ["线索", "签约", "投产"]


def test_an_unknown_kind_or_column_kind_raises(ctx):
    with pytest.raises(ValueError, match="unknown upload kind '项目'"):
        validate.check("项目", 2025, [], ctx)
    sheet = files.read("x.csv", "名称\n甲\n".encode())[0]
    odd = Checking(sheet, (spec.Column("名称", "money", True, "", "name"),), Problems())
    with pytest.raises(ValueError, match="unknown kind 'money'"):
        parsing.parse(odd, ctx)


def test_every_registered_kind_is_complete():
    for kind in kinds.REGISTRY.values():
        assert kind.sheets[0].name == kind.name and kind.columns
        assert all(
            callable(f)
            for f in (
                kind.check,
                kind.staged,
                kind.proposed,
                kind.submitted,
                kind.confirmed,
                kind.publish,
                kind.rollback,
            )
        ), kind.name
        assert kind.diff_key[0] in {c.key for c in kind.columns} and set(kind.diff_fields) <= {
            c.key for t in kind.sheets for c in t.columns
        } | {"link_id", "revenue"}
    assert kinds.NAMES == (spec.CLUSTERS, spec.ENTERPRISES, spec.PROJECTS, spec.TALENTS)
    assert isinstance(kinds.empty(["a"]), pd.DataFrame)
