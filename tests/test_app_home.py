"""AppTest of the home page 全省产业地图: every metric, several years, filters and a county's profile."""

import html
import re
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

import queries
from geo.choropleth import METRICS


@pytest.fixture()
def app(app_store):
    return AppTest.from_file("../app.py", default_timeout=60).run()


def legend_counts(at) -> tuple[str, int]:
    legend = next(m.value for m in at.markdown if 'class="legend"' in m.value)
    title = re.search(r"<b>(.*?)</b>", legend).group(1)
    counts = [int(n) for n in re.findall(r"<small>（(\d+)）</small>", legend)]
    return title, sum(counts)


def scorecard(at) -> str:
    return next(h.proto.body for h in at.get("html") if 'class="kpi-table"' in h.proto.body)


def kpi(at) -> dict[str, str]:
    """The KPI scorecard's values by ``tier_counts`` column, as shown."""
    return dict(re.findall(r'data-kpi="(\w+)">.*?<td class="kpi-value">([^<]*)<small>', scorecard(at)))


def test_home_shows_demo_badge_title_and_kpis(app, con):
    assert not app.exception
    assert app.title[0].value == "全省产业地图 · 安徽省 · 2025年"
    assert any("演示数据" in m.value for m in app.markdown)
    counts = queries.run(con, "tier_counts", year=2025, region=None, city=None).iloc[0]
    values = kpi(app)
    assert values["clusters"] == f"{int(counts.clusters):,}"
    assert values["revenue"] == f"{counts.revenue:,.1f}"
    assert values["clusters_100"] == str(int(counts.clusters_100))
    assert values["clusters_1000"] == str(int(counts.clusters_1000))
    row = re.search(r'<tr data-kpi="clusters_100">.*?</tr>', scorecard(app)).group(0)
    gap = 35 - int(counts.clusters_100)
    assert f"35〔001〕 {'已达到' if gap <= 0 else f'差 {gap}'}" in re.sub(r"<[^>]+>", "", row)  # seed 001, 2025
    assert "45〔001〕/50〔000〕" in row  # the two 2027 targets that disagree, both shown


@pytest.mark.parametrize("name", list(METRICS))
def test_every_metric_draws_a_legend_over_all_counties(app, name):
    app.segmented_control(key="metric").set_value(name).run()
    assert not app.exception
    title, counties = legend_counts(app)
    assert title == METRICS[name].label
    assert counties == 104


@pytest.mark.parametrize("year", [2019, 2022, 2023])
def test_years(app, con, year):
    app.selectbox(key="year").select(year).run()
    assert not app.exception
    assert app.title[0].value == f"全省产业地图 · 安徽省 · {year}年"
    counts = queries.run(con, "tier_counts", year=year, region=None, city=None).iloc[0]
    assert kpi(app)["clusters"] == str(int(counts.clusters))


def test_region_and_city_filters(app, con):
    app.radio(key="region").set_value("皖北").run()
    counts = queries.run(con, "tier_counts", year=2025, region="皖北", city=None).iloc[0]
    assert kpi(app)["clusters"] == str(int(counts.clusters))
    city_options = app.selectbox(key="city").options
    assert "亳州市" in city_options and "合肥市" not in city_options
    app.selectbox(key="city").select("341600").run()  # 亳州市
    counts = queries.run(con, "tier_counts", year=2025, region="皖北", city="341600").iloc[0]
    assert kpi(app)["clusters"] == str(int(counts.clusters))
    assert not app.exception
    legend = next(m.value for m in app.markdown if 'class="legend"' in m.value)
    inside = int(queries.run(con, "counties").city_adcode.eq("341600").sum())
    classes = [int(n) for n in re.findall(r"</i>(?!筛选)[^<]*<small>（(\d+)）</small>", legend)]
    assert sum(classes) == inside  # the legend counts the view's counties (issue 19), not the province's
    assert f"筛选范围以外<small>（{104 - inside}）</small>" in legend
    assert app.title[0].value == "全省产业地图 · 亳州市 · 2025年"
    assert "目标" not in scorecard(app)  # the targets are provincial


def test_county_profile(app, con):
    app.selectbox(key="county").select("340281").run()
    assert not app.exception
    assert app.subheader[0].value == "无为市"
    clusters = app.dataframe[0].value
    assert clusters["集群"].tolist() == queries.run(con, "county_clusters", adcode="340281", year=2025).name.tolist()
    app.selectbox(key="county").select("340881").run()
    assert app.subheader[0].value == "桐城市"
    # every honour count and the 名录 total link to their enterprise lists
    body = next(h.proto.body for h in app.get("html") if "county-honours" in h.proto.body)
    honours = queries.run(con, "county_honour_counts", adcode="340881", year=2025)
    links = re.findall(r'href="enterprises\?([^"]+)"[^>]*>([\d,]+)</a>', body)
    assert len(links) == len(honours) + 1
    for (query, shown), honour, n in zip(links, honours.honour, honours.enterprises):
        params = parse_qs(html.unescape(query))
        assert params == {"year": ["2025"], "adcode": ["340881"], "honour": [honour]} and int(shown) == n
    listed = con.execute("select count(*) from enterprises where adcode = '340881'").fetchone()[0]
    assert int(links[-1][1].replace(",", "")) == listed


def test_without_a_county_the_top_ten_by_revenue_are_listed(app, con):
    table = next(h.proto.body for h in app.get("html") if "plain-table" in h.proto.body)
    shown = re.findall(r"<tr>\s*<td>([^<]*)</td>", table)
    expected = queries.run(con, "county_metrics", year=2025).nlargest(10, "cluster_revenue")
    assert shown == expected.name.tolist()


def test_a_map_click_opens_the_profile_in_the_same_run(app):
    # st_folium stores the clicked feature under its key before the rerun it triggers
    app.session_state["home_map"] = {"last_active_drawing": {"properties": {"adcode": "340281", "name": "无为市"}}}
    app.run()
    assert not app.exception
    assert app.session_state["county"] == "340281"
    assert app.subheader[0].value == "无为市"
    # choosing another county in the selectbox is not undone by the map's remembered click
    app.selectbox(key="county").select("340881").run()
    assert app.subheader[0].value == "桐城市"


def test_clicked_adcode_reads_st_folium_state():
    from components.county_profile import clicked_adcode

    assert clicked_adcode(None) is None
    assert clicked_adcode({"last_active_drawing": None}) is None
    assert clicked_adcode({"last_active_drawing": {"properties": {"adcode": "340281", "name": "无为市"}}}) == "340281"
