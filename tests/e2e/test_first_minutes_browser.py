"""Issue 19 in Chromium, on a fresh server: what a leader, a 招商 team and a county filer met in their first ten
minutes, item by item (the addresses, uploader, chart and label items have their own browser tests: see
test_addresses_browser, test_login_browser, test_tiers_browser, test_honours_browser, test_present_browser,
test_home_browser and test_enterprises_browser)."""

from __future__ import annotations

import re

import queries
from analysis import honours as hn
from analysis.scope import Scope
from components import enterprise_search as es
from harness.browser import map_frame, screen_point
from tests.e2e.test_home_browser import county_point


def matches(page) -> int:
    return int(page.locator("p.list-count").get_attribute("data-matches"))


def test_numbers_read_the_same_in_the_tooltip_and_on_the_page(page, server, con):
    """Item 3: the tooltip said 257 亿元 where the page said 256.6; 专精特新 was 1,521 on one page, 1,668 on another."""
    page.goto(server)
    frame = map_frame(page)
    page.mouse.move(*screen_point(page, frame, *county_point("340281")))  # 无为市
    tooltip = frame.locator(".leaflet-tooltip")
    tooltip.wait_for(timeout=10000)
    revenue = queries.run(con, "county_metrics", year=2025).set_index("adcode").cluster_revenue["340281"]
    assert f"{revenue:,.1f} 亿元" in tooltip.inner_text()
    page.goto(f"{server}/honours")
    total = page.locator("p.srdi-total")
    total.wait_for(timeout=30000)
    srdi = int(queries.run(con, "county_metrics", year=2025).srdi.sum())
    assert f"{srdi:,}" in total.inner_text() and "“小巨人”" in total.inner_text()
    page.goto(f"{server}/present?slide=1")
    tile = page.locator(".tile").filter(has_text="专精特新企业")
    tile.wait_for(timeout=30000)
    assert f"{srdi:,}" in tile.inner_text()  # one definition, one number


def test_legend_counts_follow_the_view(page, server, con):
    """Item 5: a city's map counted the province's counties in its legend."""
    page.goto(f"{server}/?city=340100")
    map_frame(page)
    legend = page.locator(".legend")
    legend.wait_for(timeout=15000)
    counts = [int(n) for n in re.findall(r"（(\d+)）", legend.inner_text())]
    in_city = int(queries.run(con, "counties").city_adcode.eq("340100").sum())
    assert sum(counts[:-1]) == in_city and counts[-1] == 104 - in_city  # the last: 筛选范围以外


def test_pinyin_ranks_by_match_and_places_can_be_left_out(page, server, con):
    """Item 6: "tcs" found 1,176 firms headed by a 界首 firm; a city could not be excluded."""
    page.goto(f"{server}/enterprises?q=tcs")
    page.locator("p.list-count").wait_for(timeout=30000)
    assert 0 < matches(page) < 100
    scope = Scope(2025, None, None, None)
    outside = es.Search(honours=("专精特新中小企业",), cities=("340100",), exclude=True)
    expected = len(queries.run(con, "enterprise_search", **es.query_args(outside, scope, limit=100_000)))
    page.goto(f"{server}/enterprises?honour=专精特新中小企业&cities=340100&except=1")
    page.get_by_text("合肥市以外").first.wait_for(timeout=30000)
    assert matches(page) == expected
    assert page.get_by_role("switch", name="排除所选城市和区县").is_checked()


def test_every_reading_page_says_how_fresh_and_where_from(page, server):
    """Item 8: no page said how fresh its data was; KPI totals showed no source."""
    for path in ("/", "/tiers", "/honours", "/enterprises", "/chains", "/ranking"):
        page.goto(server + path)
        page.locator(".data-as-of").wait_for(timeout=30000)
        assert page.locator(".data-as-of").inner_text().startswith("数据截至 2025年"), path
    for path in ("/", "/tiers", "/ranking"):
        page.goto(server + path)
        fold = page.locator("details.figure-sources")
        fold.wait_for(timeout=30000)
        fold.locator("summary").click()
        assert "公开报道：" in fold.inner_text() and "示例生成" in fold.inner_text(), path


def test_the_definition_of_srdi_is_on_the_page(page, server):
    page.goto(f"{server}/honours")
    page.get_by_text(hn.SRDI_DEFINITION[:20]).wait_for(timeout=30000)
