"""AppTest of 营收梯队 for several years and regions; expected figures come from the named queries."""

import re

import pytest

import queries
from analysis import tiers
from harness.apptest import page_app


@pytest.fixture()
def app(app_store, monkeypatch):
    return page_app("pages/tiers.py", monkeypatch)


def band_rows(at) -> dict[str, list[str]]:
    """Scope → its cells, from every band table on the page."""
    rows = {}
    for h in at.get("html"):
        if "band-table" in h.proto.body:
            for cells in re.findall(r"<tr>\s*(<td>.*?)</tr>", h.proto.body, re.S):
                values = re.findall(r"<td>(.*?)</td>", cells)
                rows[values[0]] = values[1:]
    return rows


def progress_rows(at) -> list[list[str]]:
    """The target table's rows as lists of cell texts."""
    body = next(h.proto.body for h in at.get("html") if "progress-table" in h.proto.body)
    return [
        [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td>(.*?)</td>", row)]
        for row in re.findall(r"<tr><td>.*?</tr>", body)
    ]


@pytest.mark.parametrize("year", [2019, 2023, 2025])
def test_bands_and_targets_of_the_province(app, con, year):
    app.selectbox(key="year").select(year).run()
    assert not app.exception
    assert app.title[0].value == f"营收梯队 · 安徽省 · {year}年"
    bands = queries.run(con, "tier_bands", year=year).set_index("scope")
    rows = band_rows(app)
    for scope in ("安徽省", "皖北", "皖中", "皖南", "合肥市", "黄山市"):
        assert rows[scope][0] == str(int(bands.loc[scope, "clusters"]))
        assert float(rows[scope][1].replace(",", "")) == pytest.approx(bands.loc[scope, "revenue"], abs=0.051)
    assert sum(int(rows[s][0]) for s in ("皖北", "皖中", "皖南")) == int(rows["安徽省"][0])
    progress = progress_rows(app)
    docs_2027 = {r[3] for r in progress if r[:2] == ["2027年", "百亿级以上集群"]}
    assert docs_2027 == {"〔000〕", "〔001〕"}  # the documents disagree (50 vs 45): both shown
    now = queries.run(con, "tier_trend", region=None, city=None).set_index("year").loc[year]
    row_2025 = next(r for r in progress if r[:2] == ["2025年", "百亿级以上集群"])
    assert row_2025[4] == f"{int(now.clusters_100)} 个"
    gap = 35 - int(now.clusters_100)
    assert row_2025[6] == ("已达到" if gap <= 0 else f"差 {gap} 个") if year == 2025 else row_2025[6].startswith("预计")


def test_a_region_shows_its_cities_and_no_provincial_targets(app, con):
    app.radio(key="region").set_value("皖北").run()
    assert not app.exception
    rows = band_rows(app)
    cities = queries.run(con, "cities")
    assert set(rows) == {"皖北", *cities[cities.region == "皖北"].name}
    assert not any("progress-table" in h.proto.body for h in app.get("html"))
    assert any("全省目标" in i.value for i in app.info)


def test_drill_down_lists_the_clusters_of_a_band(app, con):
    app.selectbox(key="tier_band").select("百亿级").run()
    shown = app.dataframe[0].value
    expected = queries.run(con, "tier_clusters", year=2025, start_year=2022, region=None, city=None)
    assert sorted(shown["集群"]) == sorted(expected[expected.tier == "百亿级"].name)
    assert ((shown["营收（亿元）"] >= 100) & (shown["营收（亿元）"] < 300)).all()


@pytest.mark.parametrize("year", [2023, 2025])
def test_watch_list_matches_the_rule(app, con, year):
    app.selectbox(key="year").select(year).run()
    app.segmented_control(key="tier_view").set_value("临界集群名单").run()
    app.slider(key="tier_within").set_value(30).run()
    assert not app.exception
    clusters = queries.run(con, "tier_clusters", year=year, start_year=year - 3, region=None, city=None)
    clusters["growth"] = tiers.growth(clusters.revenue, clusters.revenue_start, year - clusters.start_year)
    expected = tiers.watch_list(clusters, 0.30, year, 2027 if year < 2027 else year + 1)
    shown = app.dataframe[0].value
    assert list(shown["集群"]) == list(expected.name) and len(shown) > 0
    assert (shown["差距占比"] <= 0.30).all()


def test_maps_render_for_both_views(app, con):
    without_clusters = int((queries.run(con, "county_metrics", year=2025).clusters == 0).sum())
    for view in ("梯队地图", "百亿县域全覆盖"):
        app.segmented_control(key="tier_view").set_value(view).run()
        assert not app.exception
        legend = next(m.value for m in app.markdown if 'class="legend"' in m.value)
        counts = dict(re.findall(r"</i>([^<]*)<small>（(\d+)）</small>", legend))
        assert sum(int(n) for n in counts.values()) == 104
        if view == "梯队地图":
            assert int(counts["无集群"]) == without_clusters > 0


def test_coverage_lists_counties_without_a_100_cluster(app, con):
    app.segmented_control(key="tier_view").set_value("百亿县域全覆盖").run()
    assert not app.exception
    shown = app.dataframe[0].value
    without = queries.run(con, "tier_trend", region=None, city=None).set_index("year").loc[2025].counties_without_100
    assert len(shown) == without
    assert (shown["距百亿差距（亿元）"] > 0).all() and shown["距百亿差距（亿元）"].is_monotonic_increasing
