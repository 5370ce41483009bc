"""Templates pre-filled with the county's confirmed rows (issue 21, item 6): each kind's template of 桐城市 holds its
confirmed clusters (latest figures up to the year) or its whole 名录 and honours; sent back as it is, it passes every
rule and changes nothing; next year's cluster template sent back untouched warns that the revenue was not updated."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

import queries
from records import access
from tests.test_app_workflow import staff  # noqa: F401  (the fixture)
from uploads import context, files, kinds, spec, templates, validate
from uploads.kinds import clusters, enterprises

TONGCHENG = "340881"
FILER = access.User("tc", "桐城填报", access.COUNTY_FILER, TONGCHENG)


@pytest.fixture(scope="module")
def con(store_path):
    connection = queries.connect_read_only(store_path)
    yield connection
    connection.close()


def options(con) -> dict[str, list[str]]:
    return templates.options_from(
        queries.run(con, "counties"),
        queries.run(con, "industry_names").industry.tolist(),
        queries.run(con, "chain_link_names"),
        queries.run(con, "honour_names").honour.tolist(),
        TONGCHENG,
    )


def prefilled(con, kind: str, year: int) -> bytes:
    return templates.template(kind, options(con), "桐城市", kinds.get(kind).prefill(con, TONGCHENG, year))


def test_the_name_list_comes_back_whole_and_changes_nothing(con):
    data = prefilled(con, spec.ENTERPRISES, 2025)
    book = load_workbook(io.BytesIO(data))
    firms = [r for r in book[spec.ENTERPRISES].iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]
    confirmed = con.execute("select count(*) from enterprises where adcode = ?", [TONGCHENG]).fetchone()[0]
    assert len(firms) == confirmed > 50
    assert all(isinstance(row[0], str) and len(row[0]) == 18 for row in firms)  # codes as text
    assert {row[7] for row in firms} <= {"是", "否"} and {row[2] for row in firms} == {"桐城市"}
    honours = [
        r
        for r in book[enterprises.HONOURS_SHEET].iter_rows(min_row=2, values_only=True)
        if any(v is not None for v in r)
    ]
    assert (
        len(honours)
        == con.execute(
            "select count(*) from enterprise_honours h join enterprises e using (uscc) where e.adcode = ?", [TONGCHENG]
        ).fetchone()[0]
    )
    assert "已预填桐城市已确认的" in book[spec.NOTES_SHEET]["A3"].value
    checked = validate.check(spec.ENTERPRISES, 2025, files.read("名录.xlsx", data), context.build(con, FILER, 2025))
    assert checked.error_count == 0 and checked.warning_count == 0, [p.text() for p in checked.problems][:5]
    changes = kinds.get(spec.ENTERPRISES)
    assert changes.proposed(checked).shape[0] == confirmed


def test_the_cluster_template_starts_from_the_latest_confirmed_year(con):
    data = prefilled(con, spec.CLUSTERS, 2026)  # the 2026 report starts from 2025's confirmed figures
    sheet = load_workbook(io.BytesIO(data))[spec.CLUSTERS]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]
    assert [r["集群名称"] for r in rows] == ["桐城市绿色包装产业集群"]
    revenue = con.execute(
        "select value from cluster_figures where cluster_id = 'C34088100' and year = 2025 and indicator = 'revenue'"
    ).fetchone()[0]
    assert rows[0]["年度"] == 2026 and rows[0]["营业收入（亿元）"] == pytest.approx(revenue)
    assert rows[0]["首位产业"] == "是" and rows[0]["集群级别"] == "省级"
    checked = validate.check(spec.CLUSTERS, 2026, files.read("集群.xlsx", data), context.build(con, FILER, 2026))
    assert checked.error_count == 0
    warnings = [p.text() for p in checked.problems]
    assert any("与上年已确认的营业收入完全相同" in w for w in warnings), warnings


def test_every_kind_prefills(con):
    assert all(kinds.get(kind).prefill(con, TONGCHENG, 2025).sheets for kind in kinds.NAMES)
    assert clusters.KIND.prefill is clusters.prefill and enterprises.KIND.prefill is enterprises.prefill


def test_the_upload_page_offers_the_prefilled_template(staff):  # noqa: F811
    from tests.test_app_workflow import as_user

    at = as_user("tc").switch_page("pages/upload.py").run()
    labels = [b.proto.label for b in at.get("download_button")]
    assert "下载企业名录模板（预填桐城市已确认数据）（.xlsx）" in labels, labels
    at = as_user("admin", "Admin1234").switch_page("pages/upload.py").run()
    assert at.selectbox(key="upload_prefill").value is None  # the administrator picks a county, or none
    labels = [b.proto.label for b in at.get("download_button")]
    assert "下载企业名录模板（.xlsx）" in labels, labels
