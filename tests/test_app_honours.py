"""AppTest of 优质企业 and of the enterprise list it opens; expected figures come from the named queries."""

import re
from urllib.parse import unquote

import pytest

import queries
from analysis import honours as hn
from analysis.scope import Scope
from components import enterprise_search as es
from harness.apptest import page_app


@pytest.fixture()
def app(app_store, monkeypatch):
    return page_app("pages/honours.py", monkeypatch)


def table(at, name: str) -> list[list[str]]:
    """The rows of the HTML table ``data-table=name`` as cell lists (markup removed, links kept as hrefs)."""
    body = next(h.proto.body for h in at.get("html") if f'data-table="{name}"' in h.proto.body)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>")[1], re.S):
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        rows.append(
            [
                re.sub(r"<[^>]+>", "", c)
                + (f" @{unquote(m.group(1))}" if (m := re.search(r'href="([^"]+)"', c)) else "")
                for c in cells
            ]
        )
    return rows


def number(cell: str) -> int:
    return int(cell.split(" @")[0].replace(",", ""))


@pytest.mark.parametrize("year", [2021, 2025])
def test_scope_table_matches_the_counts_and_links_to_the_lists(app, con, year):
    app.selectbox(key="year").select(year).run()
    assert not app.exception
    assert app.title[0].value == f"优质企业 · 安徽省 · {year}年"
    counts = queries.run(con, "honour_scope_counts", year=year)
    province = counts[counts.level == "省"].set_index("honour")
    rows = {r[0]: r for r in table(app, "scope")}
    assert len(rows) == 9
    for honour in ("专精特新中小企业", "国家高新技术企业", "配套“伙伴”企业"):
        assert number(rows[honour][1]) == province.enterprises[honour]
        assert number(rows[honour][2]) == province.in_clusters[honour]
        assert f"year={year}" in rows[honour][1] and f"honour={honour}" in rows[honour][1]
        assert "member=in" in rows[honour][2]
        assert rows[honour][-2] == f"{province.enterprises[honour] - province.previous[honour]:+,d}"
        assert float(rows[honour][3]) == pytest.approx(
            province.enterprises[honour] / province.firms[honour] * 100, abs=0.051
        )
    # every demo honour is held by a synthetic firm, so it is 示例生成 — even where its count is published
    # (桐城 绿色包装's 13, DOMAIN.md §3): no made-up firm carries a 公开报道 honour (issue 19)
    assert rows["专精特新中小企业"][-1] == f"示例生成 {province.enterprises['专精特新中小企业']:,}"


def test_location_quotient_ranking_leaves_small_counties_unranked(app, con):
    app.segmented_control(key="honour_measure").set_value("lq").run()
    assert not app.exception
    counts = queries.run(con, "honour_scope_counts", year=2025)
    counties = counts[(counts.level == "县区") & (counts.honour == "专精特新中小企业")]
    counties = hn.with_density(counties, counts[counts.level == "省"])
    eligible = counties[counties.firms >= hn.MIN_FIRMS]
    ranking = table(app, "ranking-县区")
    assert ranking[0][1] == eligible.sort_values("lq", ascending=False).name.iloc[0]
    assert float(ranking[0][5]) == pytest.approx(eligible.lq.max(), abs=0.006)
    small = (counties.firms < hn.MIN_FIRMS).sum()
    assert small > 0 and any(f"{small} 个县区样本不足" in m.value for m in app.markdown)
    legend = next(m.value for m in app.markdown if 'class="legend"' in m.value)
    assert f"样本不足（规上企业&lt;{hn.MIN_FIRMS}家）<small>（{small}）</small>" in legend  # the map withholds them too
    assert all(number(r[3]) >= hn.MIN_FIRMS for r in ranking)
    assert [int(r[0]) for r in ranking] == sorted(int(r[0]) for r in ranking)


def test_region_scope_and_the_quality_target(app, con):
    app.radio(key="region").set_value("皖北").run()
    assert not app.exception
    assert app.title[0].value == "优质企业 · 皖北 · 2025年"
    clusters = queries.run(con, "cluster_quality", year=2025, start_year=2022, region="皖北", city=None)
    gaps = hn.quality_gaps(clusters, 20, 2025, 2027)
    status = hn.quality_status(gaps)
    summary = next(m.value for m in app.markdown if "首位产业集群中" in m.value)
    assert f"皖北 {status.clusters} 个首位产业集群中，**{status.met} 个已达标**" in summary
    assert f"合计差 **{status.shortfall}** 家" in summary
    rows = table(app, "quality")
    assert len(rows) == status.clusters - status.met  # met clusters hidden until asked for
    first = gaps.iloc[0]
    assert rows[0][0] == first["name"] and number(rows[0][3]) == first.quality and rows[0][4] == str(first.gap)
    assert f"cluster={first.cluster_id}" in rows[0][3] and "region=皖北" in rows[0][3]
    app.toggle(key="quality_show_met").set_value(True).run()
    assert len(table(app, "quality")) == status.clusters


def test_seed_001_targets_and_cluster_table(app, con):
    rows = {r[0]: r for r in table(app, "targets")}
    totals = queries.run(con, "cluster_honour_totals").set_index("year").loc[2025]
    assert number(rows["高新技术企业"][2]) == totals.high_tech
    assert rows["高新技术企业"][1] == "2025年 2,400"
    assert rows["省级以上专精特新企业"][4] == f"差 {1200 - totals.srdi:,}"
    assert "honour=专精特新中小企业,专精特新“小巨人”" in rows["省级以上专精特新企业"][2]
    app.toggle(key="honour_clusters").set_value(True).run()
    clusters = table(app, "clusters")
    assert len(clusters) == len(queries.run(con, "cluster_quality", year=2025, start_year=2022, region=None, city=None))


def test_clicking_a_county_on_the_map_shows_its_honours(app, con):
    app.session_state["honour_map"] = {"last_active_drawing": {"properties": {"adcode": "340881"}}}
    app.run()
    assert not app.exception
    rows = {r[0]: r for r in table(app, "county")}
    counts = queries.run(con, "county_honour_counts", adcode="340881", year=2025).set_index("honour").enterprises
    assert number(rows["专精特新中小企业"][1]) == counts["专精特新中小企业"]
    assert "adcode=340881" in rows["专精特新中小企业"][1]


def test_the_list_opens_with_the_filters_of_a_link(app_store, monkeypatch, con):
    at = page_app("pages/enterprises.py", monkeypatch)
    assert not at.exception
    at.query_params.update({"year": "2025", "adcode": "340881", "honour": "专精特新中小企业"})
    at.run()
    assert not at.exception
    wanted = es.Search(adcodes=("340881",), honours=("专精特新中小企业",))
    found = queries.run(con, "enterprise_search", **es.query_args(wanted, Scope(2025, None, None, None), limit=10_000))
    count = next(h.proto.body for h in at.get("html") if "list-count" in h.proto.body)
    assert f'data-matches="{len(found)}"' in count and "桐城市" in count
    assert at.multiselect(key="ent_adcodes").value == ["340881"]
    assert at.multiselect(key="ent_honours").value == ["专精特新中小企业"]
    assert sorted(at.dataframe[0].value["统一社会信用代码"]) == sorted(found.uscc)
    # the user narrows the list: the widgets now lead, and the URL follows them
    at.selectbox(key="ent_member").select("in").run()
    assert at.query_params["member"] == "in" and at.multiselect(key="ent_adcodes").value == ["340881"]
    assert len(at.dataframe[0].value) == (found.cluster.notna()).sum()


def test_the_list_ignores_what_does_not_exist(app_store, monkeypatch):
    at = page_app("pages/enterprises.py", monkeypatch)
    at.query_params.update({"adcode": "999999", "honour": "<b>假</b>", "cluster": "nope", "q": "=HYPERLINK(1)"})
    at.run()
    assert not at.exception
    assert at.multiselect(key="ent_adcodes").value == [] and at.multiselect(key="ent_honours").value == []
    assert at.text_input(key="ent_text").value == "=HYPERLINK(1)"
    count = next(h.proto.body for h in at.get("html") if "list-count" in h.proto.body)
    assert 'data-matches="0"' in count and "“=HYPERLINK(1)”" in count


def test_the_list_keeps_its_filters_when_reopened_from_the_menu(app_store, monkeypatch):
    at = page_app("pages/enterprises.py", monkeypatch)
    at.multiselect(key="ent_honours").select("上市公司").run()
    at.selectbox(key="ent_member").select("out").run()
    before = next(h.proto.body for h in at.get("html") if "list-count" in h.proto.body)
    at.switch_page("pages/honours.py").run()
    assert not at.exception and at.title[0].value.startswith("优质企业")
    at.query_params.clear()  # the menu opens a page without query parameters
    at.switch_page("pages/enterprises.py").run()
    assert at.multiselect(key="ent_honours").value == ["上市公司"] and at.selectbox(key="ent_member").value == "out"
    assert next(h.proto.body for h in at.get("html") if "list-count" in h.proto.body) == before


@pytest.mark.parametrize("city", [None, "340100"])
def test_one_srdi_count_on_this_page_in_present_mode_and_in_the_briefing(app, con, city):
    """专精特新企业 has one definition (小巨人 included, each firm once), the same on 优质企业, 汇报模式 and the PPT/PDF."""
    from exports.briefing import Selection, kpi_strip

    if city:
        app.selectbox(key="city").select(city).run()
    shown = int(
        re.search(
            r'data-srdi="(\d+)"', next(h.proto.body for h in app.get("html") if "srdi-total" in h.proto.body)
        ).group(1)
    )
    tile = next(
        t
        for t in kpi_strip(lambda name, **p: queries.run(con, name, **p), Selection(2025, None, city, None))
        if t.label == "专精特新企业"
    )
    assert f"{shown:,}" == tile.value
    either = queries.run(con, "enterprise_search", **hn_search(city))
    assert shown == len(either)  # the list the count links to holds exactly those firms
    assert any("“小巨人”是国家级专精特新，计入" in c.value for c in app.caption)


def hn_search(city):
    return es.query_args(es.Search(honours=hn.SRDI_HONOURS), Scope(2025, None, city, None), limit=100_000)
