"""优质企业 in Chromium: clicking a count opens the list of exactly those enterprises, in the same session, and the
list's URL reproduces it in a new tab; its CSV holds the same firms."""

import io
from urllib.parse import parse_qs, urlsplit

import pandas as pd

import queries
from analysis.scope import Scope
from components import enterprise_search as es
from harness.browser import chart_label_clashes, map_frame


def page_search(**filters):
    """What 按图索企 searches for a count's link: the page's own query arguments (components.enterprise_search)."""
    scope = Scope(2025, None, filters.pop("city", None), None)
    return es.query_args(es.Search(**filters), scope, limit=100_000)


def list_count(page) -> int:
    element = page.locator("p.list-count")
    element.wait_for(timeout=20000)
    return int(element.get_attribute("data-matches"))


def test_a_count_opens_its_enterprise_list(page, server, con, browser):
    page.goto(f"{server}/honours")
    map_frame(page)
    page.get_by_text("优质企业 · 安徽省 · 2025年").wait_for()

    # The first county of the ranking: its 专精特新中小企业 count is a link.
    first = page.locator('table[data-table="ranking-县区"] tbody tr').first
    county = first.locator("td").nth(1).inner_text()
    link = first.locator("a.count-link")
    clicked = int(link.inner_text().replace(",", ""))
    session_before = page.evaluate("() => performance.getEntriesByType('navigation').length")
    link.click()
    page.get_by_text("按图索企 · 安徽省 · 2025年").wait_for(timeout=20000)

    adcode = queries.run(con, "county_metrics", year=2025).set_index("name").adcode[county]
    expected = queries.run(con, "enterprise_search", **page_search(adcodes=(adcode,), honours=("专精特新中小企业",)))
    assert list_count(page) == clicked == len(expected)
    params = parse_qs(urlsplit(page.url).query)
    assert params["adcode"] == [adcode] and params["honour"] == ["专精特新中小企业"] and params["year"] == ["2025"]
    # the same document: the click switched page inside the session instead of loading a new one
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == session_before
    assert page.evaluate("() => location.pathname").endswith("/enterprises")

    with page.expect_download() as download:
        page.get_by_text("下载 CSV").click()
    table = pd.read_csv(io.BytesIO(open(download.value.path(), "rb").read()), encoding="utf-8-sig", dtype=str)
    assert sorted(table["统一社会信用代码"]) == sorted(expected.uscc)
    assert set(table["县区"]) == {county} and table["荣誉"].str.contains("专精特新中小企业").all()

    # The URL alone, in a fresh session (a bookmark, a new tab), shows the same list.
    other = page.context.new_page()
    other.goto(page.url)
    other.get_by_text("按图索企 · 安徽省 · 2025年").wait_for(timeout=30000)
    assert list_count(other) == clicked
    assert page.recorder.hosts() == {server.split("//")[1]}


def test_a_city_count_opens_the_list_of_that_city(page, server, con):
    page.goto(f"{server}/honours")
    map_frame(page)
    row = page.locator('table[data-table="ranking-市"] tbody tr').nth(2)
    city = row.locator("td").nth(1).inner_text()
    clicked = int(row.locator("a.count-link").inner_text().replace(",", ""))
    row.locator("a.count-link").click()
    page.get_by_text(f"按图索企 · {city} · 2025年").wait_for(timeout=20000)  # the sidebar took the link's city
    cities = queries.run(con, "cities").set_index("name").adcode
    expected = queries.run(con, "enterprise_search", **page_search(city=cities[city], honours=("专精特新中小企业",)))
    assert list_count(page) == clicked == len(expected)
    page.get_by_role("link", name="优质企业").click()  # back: the page now shows that city
    page.get_by_text(f"优质企业 · {city} · 2025年").wait_for(timeout=20000)


def test_target_labels_never_overlap_or_get_cut(page, server):
    """“目标 2,40” was cut at the edge, 1,20 and 1,00 overlapped (issue 19)."""
    page.goto(f"{server}/honours?year=2025")
    page.locator(".js-plotly-plot .annotation-text").filter(has_text="目标 2,400").wait_for(timeout=30000)
    assert page.locator(".js-plotly-plot .annotation-text").count() == 4
    assert chart_label_clashes(page) == []
