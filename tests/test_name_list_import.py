"""A published 名单 read in the upload worker and decided on its page (issue 21, item 5): a list as the department
prints it (title row, 序号, 所在市, 县区, no codes) is understood; bad cells are errors by file, sheet, row and column
and nothing is matched; on the page the 省级管理员 sees the matches, must choose for a row matching two firms, and
only then writes; other roles cannot open the page, and the data layer refuses them anyway."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

import queries
from analysis import name_matching as nm
from records import access, name_lists
from tests.test_app_workflow import as_user, staff  # noqa: F401  (the fixture)

HONOUR = "专精特新中小企业"
TONGCHENG = "340881"


def workbook(
    rows: list[list], title: str | None = "2024年度安徽省专精特新中小企业名单", sheet: str = "Sheet1"
) -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    if title:
        ws.append([title])
    ws.append(["序号", "企业名称", "所在市", "县区"])
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def county_firms(con, n: int = 4) -> pd.DataFrame:
    sql = (
        f"select uscc, name from enterprises where adcode = '{TONGCHENG}' and uscc not in "
        f"(select uscc from enterprise_honours where honour = '{HONOUR}') order by uscc limit {n}"
    )
    return queries.postgres.run(con, sql, {}) if queries.is_postgres(con) else con.execute(sql).df()


def test_a_list_as_published_is_read_and_matched(staff):  # noqa: F811
    firms = county_firms(staff)
    data = workbook(
        [
            [1, firms.name[0], "安庆市", "桐城市"],
            [2, firms.name[1].replace("有限公司", "有限责任公司"), "安庆市", "桐城"],  # as lists often print it
            [3, "安徽省没有这家企业有限公司", "安庆市", "桐城市"],
        ]
    )
    checked = name_lists.read(staff, "admin", "名单.xlsx", data)
    assert checked.error_count == 0, checked.report()
    matched = checked.tables["名单"]
    assert matched.row_number.tolist() == [3, 4, 5]  # (the title row and the header above them)
    assert matched.status.tolist() == [nm.NAME, nm.NEAR, nm.NONE]
    assert matched.uscc_matched[:2].tolist() == firms.uscc[:2].tolist() and set(matched.adcode) == {TONGCHENG}


def test_bad_cells_are_named_and_nothing_is_matched(staff):  # noqa: F811
    firms = county_firms(staff)
    data = workbook([[1, firms.name[0], "安庆市", "桐城"], [2, "", "安庆市", "桐城"], [3, firms.name[0], "", "桐城市"]])
    data_codes = (
        "企业名称,区县,统一社会信用代码\n"
        f"{firms.name[0]},火星县,\n"
        f"{firms.name[1]},桐城市,91340881ABCDEFGH12\n"
        "=HYPERLINK(1),桐城市,\n"
    ).encode("gbk")
    checked = name_lists.read(staff, "admin", "名单.xlsx", data)
    assert "名单" not in checked.tables and checked.error_count == 2
    texts = [p.text() for p in checked.errors]
    assert texts == [
        "名单.xlsx › Sheet1 · 第 4 行 · B 列「企业名称」：必填项为空。",
        "名单.xlsx › Sheet1 · 第 5 行 · B 列「企业名称」：同一区县的同名企业与第 3 行重复。",
    ]
    checked = name_lists.read(staff, "admin", "名单.csv", data_codes)
    texts = [p.text() for p in checked.errors]
    assert len(texts) == 2 and "名单.csv · 第 2 行 · B 列「区县」：未知的区县“火星县”" in texts[0]
    assert "第 3 行 · C 列「统一社会信用代码」" in texts[1] and "名单" not in checked.tables
    nothing = name_lists.read(staff, "admin", "空.csv", "序号,单位\n1,某公司\n".encode())
    assert nothing.error_count == 1 and "找不到“企业名称”列" in nothing.errors[0].message


def test_only_the_province_admin_reads_a_list(staff):  # noqa: F811
    data = workbook([[1, "某某有限公司", "安庆市", "桐城市"]])
    for username in ("prov", "aq", "tc", "view"):
        with pytest.raises(access.PermissionDenied):
            name_lists.read(staff, username, "名单.xlsx", data)


def test_the_page_waits_for_a_choice_then_writes(staff):  # noqa: F811
    firms = county_firms(staff, 2)
    twin = firms.name[0].replace("有限公司", "有限责任公司")  # two firms of one name: the list row matches both
    staff.execute(
        "insert into enterprises (uscc, name, adcode, industry, above_scale, source_id) "
        "select '91340881MA2TWIN00X', ?, adcode, industry, above_scale, source_id from enterprises where uscc = ?",
        [twin, firms.uscc[1]],
    )
    staff.execute("update enterprises set name = ? where uscc = ?", [twin, firms.uscc[1]])
    data = workbook([[1, twin, "安庆市", "桐城市"], [2, firms.name[0], "安庆市", "桐城市"]])
    for username in ("prov", "tc"):
        with pytest.raises(ValueError):  # not in their navigation at all
            as_user(username).switch_page("pages/lists.py")
    at = as_user("admin", "Admin1234").switch_page("pages/lists.py").run()
    at.text_input(key="list_title").input("2024年度安徽省专精特新中小企业名单").run()
    at.file_uploader(key="list_file").set_value(("名单.xlsx", data, "application/octet-stream")).run()
    assert not at.exception
    summary = next(h.proto.body for h in at.get("html") if "list-summary" in h.proto.body)
    assert "<b>多个候选</b> 1" in summary and "<b>名称</b> 1" in summary
    assert at.button(key="list_write").disabled and any("须逐行选定" in w.value for w in at.warning)
    pick = next(s for s in at.selectbox if s.key.startswith("list_choices_"))
    assert pick.value == "（请选择）" and set(pick.options[1:3]) >= {f"{twin}（91340881MA2TWIN00X，相似度 1.00）"}
    pick.set_value(firms.uscc[1]).run()
    assert not at.button(key="list_write").disabled
    at.button(key="list_write").click().run()
    assert not at.exception and any("已写入 2 项" in s.value for s in at.success)
    written = staff.execute(
        "select uscc, year from enterprise_honours where honour = ? and uscc in (?, ?, ?) order by uscc",
        [HONOUR, firms.uscc[0], firms.uscc[1], "91340881MA2TWIN00X"],
    ).df()
    assert sorted(written.uscc) == sorted([firms.uscc[0], firms.uscc[1]]) and set(written.year) == {2025}
    log = staff.execute("select action, detail from audit_log order by rowid desc limit 2").df()
    assert set(log.action) == {"导入名单", "名单匹配·人工确认"} and firms.uscc[1] in " ".join(log.detail)


def test_mutated_lists_end_as_checked_lists_or_chinese_refusals(staff):  # noqa: F811
    """The upload fuzzer's mutations of a list (as printed, .xlsx and GBK .csv): every case ends as a checked list or
    a refusal naming the file, in the worker's limits; nothing is written by reading."""
    import random

    from tests.test_upload_fuzz import mutate
    from tests.test_upload_normalisation import tables_but_the_audit_log
    from uploads import files, sandbox

    firms = county_firms(staff)
    originals = [
        ("名单.xlsx", workbook([[i, n, "安庆市", "桐城市"] for i, n in enumerate(firms.name, start=1)])),
        ("名单.csv", "序号,企业名称,县区\n1,{},桐城市\n2,{},桐城\n".format(*firms.name[:2]).encode("gb18030")),
    ]
    rng, before, outcomes = random.Random(20261203), tables_but_the_audit_log(staff), {"checked": 0, "refused": 0}
    for case in range(40):
        name, data = rng.choice(originals)
        mutated, what = mutate(rng, name, data)
        try:
            name_lists.read(staff, "admin", name, mutated)
            outcomes["checked"] += 1
        except sandbox.WorkerFailed as failed:
            pytest.fail(f"case {case} ({what}): the worker ended by a limit: {failed}")
        except files.UnreadableFile as refused:
            assert str(refused).startswith(name), (case, what, str(refused))
            outcomes["refused"] += 1
    assert min(outcomes.values()) > 3, outcomes
    assert tables_but_the_audit_log(staff) == before
