"""The one normalisation of uploaded cells (README: "What is normalised"), files that hold no data or hold it in the
wrong place, the cap on listed problems, and refused uploads in the audit log."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook

from records import batches
from tests.test_uploads import (
    CLUSTER_HEADER,
    ENTERPRISE_HEADER,
    check_clusters,
    check_firms,
    cluster,
    csv_bytes,
    ctx,
    firm,
    texts,
)
from uploads import cells, files, problems, spec, validate
from uploads.kinds import enterprises
from uploads.problems import WARNING, Checked

__all__ = ["ctx"]  # the module-scoped validation context, shared with test_uploads


def stored(checked, column: str):
    return checked.tables["batch_enterprises"][column].iloc[0]


def test_full_width_and_invisible_characters_in_codes_are_folded(ctx):
    code = ctx.demo.uscc
    wide = "".join(chr(ord(c) + 0xFEE0) for c in code)  # the code typed with a full-width input method
    for typed in (wide, "\ufeff" + code, code[:9] + "\u200b" + code[9:], code[:6] + "－" + code[6:]):
        checked = check_firms(ctx, [firm(ctx, 统一社会信用代码=typed)])
        assert checked.errors == [] and stored(checked, "uscc") == code, typed
    checked = check_firms(ctx, [firm(ctx, 区县="３４０８８１", 规上企业="Ｙ", 经度="１１７．０", 纬度="")])
    assert [p.message for p in checked.errors] == ["只填了经度：经纬度须同时填写或同时留空。"]


def test_headers_with_a_byte_order_mark_or_zero_width_characters_are_recognised(ctx):
    header = [
        "\ufeff" + ENTERPRISE_HEADER[0],
        *ENTERPRISE_HEADER[1:5],
        ENTERPRISE_HEADER[5] + "\u200b",
        *ENTERPRISE_HEADER[6:],
    ]
    row = dict(zip(header, firm(ctx).values()))
    checked = check_firms(ctx, [row], header={spec.ENTERPRISES: header})
    assert checked.errors == [] and checked.warnings == []


def test_control_characters_are_refused_with_row_and_column(ctx):
    rows = [
        firm(ctx),
        firm(ctx, 企业名称="桐城\x07某某公司"),
        firm(ctx, 企业名称="桐城\u202e司公某某"),
        firm(ctx, 产业链环节="\x1b[31m"),
    ]
    checked = validate.check(spec.ENTERPRISES, 2025, files.read("名录.csv", csv_bytes(rows)), ctx)
    assert [t for t in texts(checked) if "控制字符" in t] == [
        "名录.csv · 第 3 行 · B 列「企业名称」：含有不可见的控制字符（U+0007），请删除后重新上传。",
        "名录.csv · 第 4 行 · B 列「企业名称」：含有不可见的控制字符（U+202E），请删除后重新上传。",
        "名录.csv · 第 5 行 · F 列「产业链环节」：含有不可见的控制字符（U+001B），请删除后重新上传。",
    ]


def test_line_breaks_and_tabs_inside_a_cell_become_one_space(ctx):
    checked = check_firms(ctx, [firm(ctx, 企业名称="桐城某某\r\n新材料\t有限公司 ")])
    assert checked.errors == [] and stored(checked, "name") == "桐城某某 新材料 有限公司"


@pytest.mark.parametrize(
    "typed, value",
    [
        ("1,234.5", 1234.5),
        ("12.5亿元", 12.5),
        ("12.5 亿元", 12.5),
        ("１２．５", 12.5),
        ("+3", 3.0),
        ("1e2", 100.0),
        (".5", 0.5),
        ("7", 7.0),
    ],
)
def test_numbers_by_the_one_rule(ctx, typed, value):
    checked = check_firms(ctx, [firm(ctx, **{"营业收入（亿元）": typed})])
    assert checked.errors == [] and stored(checked, "revenue") == value


@pytest.mark.parametrize(
    "typed, message",
    [
        ("120万元", "“120万元”：本列单位为亿元，只填数字（120万元 = 0.012亿元）。"),
        ("3亿", "“3亿”：本列单位为亿元，只填数字（3亿 = 3亿元）。"),
        ("12家", "“12家”：本列单位为亿元，只填数字。"),
        ("1,2", "“1,2”中的逗号不是每三位一个的千位分隔符：小数点请用“.”，或去掉逗号。"),
        ("12,34.5", "“12,34.5”中的逗号不是每三位一个的千位分隔符：小数点请用“.”，或去掉逗号。"),
        ("inf", "“inf”不是数字。"),
        ("NaN", "“NaN”不是数字。"),
        ("1e400", "“1e400”不是有限的数值。"),
        ("－5", "不能为负数。"),
        ("1_000", "“1_000”不是数字。"),
        ("0x10", "“0x10”不是数字。"),
    ],
)
def test_numbers_outside_the_rule_are_refused_with_a_hint(ctx, typed, message):
    checked = check_firms(ctx, [firm(ctx, **{"营业收入（亿元）": typed})])
    assert [p.message for p in checked.errors] == [message]


def test_units_of_their_own_column_years_and_negative_profit(ctx):
    checked = check_clusters(
        ctx,
        [
            cluster(
                ctx,
                年度="2025年",
                **{"研发投入强度（%）": "3.5%", "利润总额（亿元）": "-2.5", "规上企业数（家）": "40家"},
            )
        ],
    )
    assert checked.errors == []
    figures = checked.tables["batch_cluster_figures"].set_index("indicator").value
    assert figures.rd_intensity == 3.5 and figures.profit == -2.5 and figures.firms_above_scale == 40


def test_every_number_kept_is_finite(ctx):
    values, reasons = cells.numbers(pd.Series(["1", "1e308", "1e309", "-1e400", "", "2,000"], dtype=object), "亿元")
    assert np.isfinite(values[[0, 1, 5]]).all() and np.isnan(values[[2, 3, 4]]).all()
    assert [r is None for r in reasons] == [True, True, False, False, True, True]


# Files that hold no data, or hold it elsewhere -------------------------------------------------------------------


def check_book(ctx, sheets: dict[str, list[list]], kind=spec.ENTERPRISES, name="名录.xlsx") -> Checked:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return validate.check(kind, 2025, files.read(name, out.getvalue()), ctx)


def test_a_header_only_csv_is_refused_at_validation_naming_the_file(ctx):
    sheets = files.read("名录.csv", (",".join(ENTERPRISE_HEADER) + "\r\n").encode("utf-8-sig"))
    checked = validate.check(spec.ENTERPRISES, 2025, sheets, ctx)
    assert texts(checked) == ["名录.csv：只有列名、没有数据行：请从第 2 行起填写数据。"] and checked.tables == {}


def test_data_on_another_sheet_than_the_templates_is_named(ctx):
    row = list(firm(ctx).values())
    checked = check_book(
        ctx,
        {
            "填写说明": [["说明"]],
            spec.ENTERPRISES: [ENTERPRISE_HEADER],
            enterprises.HONOURS_SHEET: [["统一社会信用代码", "荣誉", "首次获得年份"]],
            "Sheet2": [ENTERPRISE_HEADER, row],
        },
    )
    assert texts(checked) == ["名录.xlsx › 企业名录：没有数据行；数据在工作表“Sheet2”中，请放在“企业名录”中。"]
    both = check_book(ctx, {spec.ENTERPRISES: [ENTERPRISE_HEADER, row], "Sheet2": [ENTERPRISE_HEADER, row]})
    assert both.errors == [] and texts(both, WARNING) == [
        "名录.xlsx › Sheet2：此工作表的数据不会被读取：只读取“企业名录”表。"
    ]


def test_an_empty_sheet_and_the_other_kinds_template_are_named(ctx):
    empty = check_book(ctx, {spec.ENTERPRISES: [], "备注": [["x"]]})
    assert texts(empty) == ["名录.xlsx › 企业名录：工作表是空的（没有列名和数据）：请使用下载的模板。"]
    other = check_book(ctx, {spec.CLUSTERS: [CLUSTER_HEADER, list(cluster(ctx).values())]})
    assert texts(other) == [
        "名录.xlsx：找不到“企业名录”表：此文件似为“集群年度数据”模板，请确认上报类型，请使用下载的企业名录模板。"
    ]


def test_a_file_of_empty_sheets_is_unreadable_naming_it():
    book = Workbook()
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(files.UnreadableFile, match="空.xlsx：文件中没有数据（每个工作表都是空的）"):
        files.read("空.xlsx", out.getvalue())


def test_problems_beyond_the_listed_number_are_counted_exactly(ctx, monkeypatch):
    monkeypatch.setattr(problems, "LISTED", 50)
    rows = [firm(ctx, 统一社会信用代码="", **{"营业收入（亿元）": "x"}) for _ in range(80)]
    checked = validate.check(spec.ENTERPRISES, 2025, files.read("名录.csv", csv_bytes(rows)), ctx)
    assert checked.error_count == 160 and len(checked.errors) == 51
    assert checked.errors[-1].text() == (
        "名录.csv：另有 110 个错误、0 个警告未列出（每类最多列出 50 个）：请先改正已列出的问题，再重新上传。"
    )


# Refused uploads in the audit log --------------------------------------------------------------------------------


def tables_but_the_audit_log(con) -> dict[str, int]:
    names = [
        r[0] for r in con.execute("select table_name from duckdb_tables() where table_name <> 'audit_log'").fetchall()
    ]
    return {n: con.execute(f'select count(*) from "{n}"').fetchone()[0] for n in names}  # names from the store


def test_refused_uploads_are_audited_and_change_nothing_else(db, ctx):
    before = tables_but_the_audit_log(db)
    bad = csv_bytes([firm(ctx, **{"营业收入（亿元）": "x"}), firm(ctx, 企业名称="")])
    checked = batches.check_upload(db, "tc", spec.ENTERPRISES, 2025, [("名录\n.csv", bad)])
    assert checked.error_count == 3  # the bad revenue, the empty name, the same code twice
    with pytest.raises(files.UnreadableFile):
        batches.check_upload(db, "tc", spec.ENTERPRISES, 2025, [("坏.xlsx", b"PK\x03\x04broken")])
    events = db.execute(
        "select username, action, adcode, year, file_name, file_sha256, detail from audit_log "
        "where action = '上传未通过' order by event_id"
    ).fetchall()
    assert events == [
        (
            "tc",
            "上传未通过",
            "340881",
            2025,
            "名录 .csv",
            files.sha256(bad),
            "企业名录：3 个错误、0 个警告，未写入任何数据",
        ),
        (
            "tc",
            "上传未通过",
            None,
            2025,
            "坏.xlsx",
            files.sha256(b"PK\x03\x04broken"),
            "企业名录：文件未能读取。坏.xlsx：不是有效的 .xlsx 文件（无法作为 Excel 工作簿打开，文件可能已损坏或不完整）。",
        ),
    ]
    assert tables_but_the_audit_log(db) == before


def test_exports_hold_text_with_control_characters_stored_before_the_rule():
    """Uploads refuse control characters now; a name stored earlier (or restored) still exports, as U+FFFD."""
    from openpyxl import load_workbook

    from exports import tables

    book = load_workbook(io.BytesIO(tables.to_xlsx(pd.DataFrame({"企业名称": ["桐城\x07某某", "=1+1"]}))))
    assert [c.value for c in book.active["A"]] == ["企业名称", "桐城\ufffd某某", "=1+1"]
    assert book.active["A3"].data_type == "s"  # still text, never a formula
