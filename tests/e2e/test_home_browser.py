"""The home map in headless Chromium: shapes, tooltip, click → profile, and no request beyond the app."""

import re
from urllib.parse import parse_qs, urlparse

import pytest

from geo import boundaries
from harness.browser import map_frame, screen_point


def county_point(adcode: str) -> tuple[float, float]:
    point = boundaries.counties().set_index("adcode").geometry[adcode].representative_point()
    return point.x, point.y


def test_map_draws_one_shape_per_county_and_stays_on_the_app_host(page, server):
    page.goto(server)
    frame = map_frame(page)
    assert frame.locator("path.leaflet-interactive").count() == 104
    assert frame.locator("img.leaflet-tile").count() == 0  # no basemap unless configured
    scales = frame.locator(".leaflet-control-scale-line")  # one scale bar, in km or m: no English "mi"
    assert scales.count() == 1 and scales.inner_text().strip().endswith(("km", "m")), scales.all_inner_texts()
    font = scales.evaluate("e => getComputedStyle(e).fontFamily")
    assert font.endswith("sans-serif"), font  # the app's sans-serif, not the browser's default serif
    page.wait_for_timeout(1500)  # let late requests (fonts, charts) happen before judging them
    assert page.recorder.urls, "no request was recorded"
    assert page.recorder.hosts() == {urlparse(server).netloc}, page.recorder.hosts()


def test_tooltip_shows_the_county_under_the_pointer(page, server):
    page.goto(server)
    frame = map_frame(page)
    page.mouse.move(*screen_point(page, frame, *county_point("340881")))
    tooltip = frame.locator(".leaflet-tooltip")
    tooltip.wait_for(timeout=5000)
    text = tooltip.inner_text()
    assert "桐城市" in text and "安庆市" in text and "绿色包装" in text


def test_click_opens_profile_and_another_click_switches_it(page, server):
    page.goto(server)
    frame = map_frame(page)
    page.evaluate("window.__no_reload = true")
    page.mouse.click(*screen_point(page, frame, *county_point("340281")))
    heading = page.locator("[data-testid='stHeadingWithActionElements'] h3")
    heading.filter(has_text="无为市").wait_for(timeout=15000)
    # the trend chart (SVG, unlike the canvas table) names the county's clusters
    page.locator(".js-plotly-plot").get_by_text("无为市电线电缆产业集群").first.wait_for(timeout=15000)
    frame = map_frame(page)
    outline = frame.locator('path[stroke="#1d4ed8"]')  # the selected county's outline, drawn in the same run
    outline.wait_for(timeout=15000)
    assert outline.count() == 1
    page.mouse.click(*screen_point(page, frame, *county_point("340881")))
    heading.filter(has_text="桐城市").wait_for(timeout=15000)
    assert page.evaluate("window.__no_reload") is True  # switched without reloading the page
    assert heading.filter(has_text="无为市").count() == 0


@pytest.mark.parametrize("width,height", [(1920, 1080), (1366, 768)])
def test_layout_fits_a_projector_and_a_laptop(browser, server, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(server)
    frame = map_frame(page)
    page.wait_for_timeout(500)
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing runs off to the side
    box = frame.frame_element().bounding_box()
    assert box["y"] < 0.3 * height  # the map starts near the top …
    assert box["y"] + box["height"] <= height  # … and is seen whole without scrolling
    buttons = page.get_by_role("radio").filter(
        has_text=re.compile("集群营收|百亿级集群|专精特新|高新技术企业|首位产业")
    )
    assert buttons.count() == 5  # (segmented-control buttons are radios)
    for button in buttons.all():
        b = button.bounding_box()  # every metric button, first to last, is on screen
        assert b["x"] >= box["x"] - 1 and b["x"] + b["width"] <= width and b["y"] + b["height"] <= box["y"]
    scorecard = page.locator("table.kpi-table").bounding_box()
    assert scorecard["x"] >= box["x"] + box["width"] and scorecard["x"] + scorecard["width"] <= width
    assert scorecard["y"] + scorecard["height"] <= height  # the figures and targets beside the map, on screen
    context.close()


def test_the_home_page_own_address_opens_the_map_with_its_query(page, server):
    page.goto(f"{server}/map?year=2023&metric=专精特新企业数")  # a bookmark of the home page's url_path
    frame = map_frame(page)
    assert frame.locator("path.leaflet-interactive").count() == 104
    assert urlparse(page.url).path in ("", "/"), page.url
    assert parse_qs(urlparse(page.url).query) == {"year": ["2023"], "metric": ["专精特新企业数"]}  # the view kept
    assert page.get_by_text("Page not found").count() == 0


def test_top_ten_county_names_never_break_at_1600_px(browser, server):
    context = browser.new_context(viewport={"width": 1600, "height": 900})
    page = context.new_page()
    page.goto(server)
    map_frame(page)
    cells = page.locator("table.plain-table.names-2 tbody td:nth-child(-n+2)")
    assert cells.count() == 20  # ten counties and their cities
    lines = cells.evaluate_all(
        "cells => cells.map(c => { const r = document.createRange(); r.selectNodeContents(c);"
        " return [c.innerText, new Set([...r.getClientRects()].map(x => Math.round(x.top))).size]; })"
    )
    assert all(n == 1 for _, n in lines), [text for text, n in lines if n != 1]  # "长丰/县" was two lines
    context.close()


def test_city_names_and_borders_then_county_names_where_they_fit(page, server):
    page.goto(server)
    frame = map_frame(page)
    frame.locator(".place-label.city span").first.wait_for(timeout=15000)
    assert frame.locator(".place-label.city").count() == 16 and frame.locator(".place-label.county").count() == 0
    assert frame.locator(".leaflet-borders-pane path").count() >= 16  # the cities' borders, above the fills
    page.goto(f"{server}/?city=340100")  # 合肥市: zoomed in, its counties named
    frame = map_frame(page)
    frame.locator(".place-label.county span").filter(has_text="长丰县").wait_for(timeout=15000)
    assert frame.locator(".place-label.city").count() == 0
    overlaps = frame.evaluate(
        """() => { const r = [...document.querySelectorAll(".place-label span")].map(e => [e.textContent, e.getBoundingClientRect()]);
                   const out = []; r.forEach(([a, x], i) => r.slice(i + 1).forEach(([b, y]) => {
                     if (x.left < y.right && y.left < x.right && x.top < y.bottom && y.top < x.bottom) out.push(a + "/" + b); }));
                   return out; }"""
    )
    assert overlaps == []  # each name inside its own county at this zoom: none covers another
    box = frame.locator(".leaflet-container").bounding_box()
    shown = frame.locator(".place-label.county span").filter(has_text="肥东县").bounding_box()
    assert box["x"] <= shown["x"] and shown["x"] + shown["width"] <= box["x"] + box["width"]
