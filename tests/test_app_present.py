"""AppTest of 汇报模式: the deck's slides in order, their tiles from the named queries, the editor for the province."""

import re

import pytest

import queries
from harness.apptest import admin_app, page_app
from records import deck

SLIDES = deck.load_default()


@pytest.fixture()
def app(app_store, monkeypatch):
    return page_app("pages/present.py", monkeypatch)


def slide_title(at) -> str:
    body = next(h.proto.body for h in at.get("html") if "slide-title" in h.proto.body)
    return re.search(r'<h1 class="slide-title">(.*?)</h1>.*?(\d+) / (\d+)', body, re.S).group(1, 2, 3)


def tiles(at) -> dict[str, str]:
    body = next(h.proto.body for h in at.get("html") if 'class="tiles"' in h.proto.body)
    return dict(re.findall(r'<div class="label">(.*?)</div><div class="value">(.*?)<small>', body))


def test_buttons_step_through_the_deck_in_order(app):
    assert not app.exception
    seen = [slide_title(app)]
    while not app.button(key="slide_next").disabled:
        app.button(key="slide_next").click().run()
        assert not app.exception
        seen.append(slide_title(app))
    total = str(len(SLIDES))
    assert seen == [(s.title, str(n), total) for n, s in enumerate(SLIDES, start=1)]
    assert app.query_params["slide"] == total  # the URL opens this slide again
    app.button(key="slide_prev").click().run()
    assert slide_title(app) == (SLIDES[-2].title, str(len(SLIDES) - 1), total)


def test_map_slide_tiles_are_the_selection_figures(app, con):
    year = int(queries.run(con, "data_years").year.max())
    counts = queries.run(con, "tier_counts", year=year, region=None, city=None).iloc[0]
    shown = tiles(app)
    assert shown["集群数"] == f"{int(counts.clusters):,}"
    assert shown["百亿级"] == f"{int(counts.clusters_100):,}"
    hefei = next(n for n, s in enumerate(SLIDES) if s.city == "340100")
    for _ in range(hefei):
        app.button(key="slide_next").click().run()
    city = queries.run(con, "tier_counts", year=year, region=None, city="340100").iloc[0]
    assert tiles(app)["集群数"] == f"{int(city.clusters):,}"


def test_chain_slide_counts_missing_links(app, con):
    n, chain = next((n, s) for n, s in enumerate(SLIDES) if s.kind == "产业链")
    for _ in range(n):
        app.button(key="slide_next").click().run()
    year = int(queries.run(con, "data_years").year.max())
    links = queries.run(
        con, "chain_coverage", industry=chain.industry, year=year, region=chain.region, city=chain.city, adcode=None
    )
    shown = tiles(app)
    assert shown["链上环节"] == str(len(links))
    assert shown["缺失环节"] == str(int((links.local == 0).sum()))
    assert shown["链上企业"] == f"{int(links.local.sum()):,}"


def test_the_editor_is_for_province_roles_only(app):
    assert not any("编辑汇报页" in e.label for e in app.expander)  # an anonymous visitor (open browsing)


def test_the_administrator_sees_the_editor_and_a_saved_deck_is_shown(app_store, monkeypatch):
    import store

    at = admin_app("pages/present.py", monkeypatch)
    connection = store.connection()
    assert any("编辑汇报页（第 1 版" in e.label for e in at.expander)
    at.button(key="deck_save").click().run()  # saving the table unchanged stores the same slides as version 2
    assert not at.exception and "第 2 版" in at.success[0].value
    assert deck.current(connection) == (2, SLIDES)
    deck.save(connection, "admin", [deck.Slide("芜湖市", city="340200"), *SLIDES])
    at.run()
    assert slide_title(at) == ("芜湖市", "1", str(len(SLIDES) + 1))


def test_chart_rows_are_the_largest_counties_above_zero(con):
    from components import presentation
    from geo.choropleth import METRICS

    counties = queries.run(con, "county_metrics", year=2025)
    hefei = counties[counties.city_adcode == "340100"]
    rows = presentation.top_counties(hefei, METRICS["集群营收合计"])
    expected = hefei[hefei.cluster_revenue > 0].sort_values("cluster_revenue", ascending=False)
    assert list(rows.label) == list(expected.name) and list(rows.value) == list(expected.cluster_revenue)
    province = presentation.top_counties(counties, METRICS["集群营收合计"])
    first = counties.loc[counties.cluster_revenue.idxmax()]
    assert len(province) == 10 and province.label[0] == f"{first['name']}（{first.city}）"
    leading = presentation.top_counties(counties, METRICS["首位产业"])
    assert leading.value.sum() <= 104 and leading.value.iloc[0] == counties.leading_industry.value_counts().iloc[0]
