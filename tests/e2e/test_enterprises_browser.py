"""按图索企 and 循链招商 in Chromium: a search draws its points on the map, a click on one opens its card, the
export holds the expected rows; a chain's gap lists its leads. Only the app's own host is contacted."""

import io

import pandas as pd

import queries
from analysis.scope import Scope
from components import enterprise_search as es
from harness.browser import marker_count, marker_frame, screen_point

# what the page searches for ?q=wwdl: the same arguments, so the expected rows are the page's own
SEARCH = es.query_args(es.Search(text="wwdl"), Scope(2025, None, None, None), limit=100_000)


def test_a_search_draws_its_points_and_exports_them(page, server, con):
    expected = queries.run(con, "enterprise_search", **SEARCH)
    assert 10 < len(expected) < 1000
    page.goto(f"{server}/enterprises?q=wwdl")
    page.get_by_text("按图索企 · 安徽省 · 2025年").wait_for(timeout=30000)
    assert int(page.locator("p.list-count").get_attribute("data-matches")) == len(expected)
    frame = marker_frame(page, len(expected))
    assert marker_count(frame) == len(expected)  # one point per enterprise found, no more
    assert frame.locator("canvas").count() >= 1  # drawn on a canvas, not as 1 SVG node each

    first = expected.iloc[0]
    page.wait_for_timeout(600)  # let fitBounds finish its zoom animation before aiming at a point
    page.mouse.click(*screen_point(page, frame, first.lon, first.lat))
    card = page.locator(".enterprise-card")
    card.wait_for(timeout=15000)
    assert card.get_attribute("data-uscc") in set(expected.uscc)  # a point sits on or next to it

    with page.expect_download() as download:
        page.get_by_text("下载 CSV").click()
    table = pd.read_csv(io.BytesIO(open(download.value.path(), "rb").read()), encoding="utf-8-sig", dtype=str)
    assert sorted(table["统一社会信用代码"]) == sorted(expected.uscc)
    assert page.recorder.hosts() == {server.split("//")[1]}


def test_a_chain_gap_lists_its_leads(page, server, con):
    page.goto(f"{server}/chains?adcode=340281&industry=电线电缆")
    page.locator(".chain-stages").wait_for(timeout=30000)
    missing = page.locator(".chain-link.missing")
    assert missing.count() >= 1
    first_gap = missing.first.get_attribute("data-link")
    page.locator("table[data-table=leads]").wait_for(timeout=15000)
    leads = queries.run(
        con, "chain_leads", link=first_gap, year=2025, region=None, city=None, adcode="340281", lon=0.0, lat=0.0
    )
    assert page.locator("table[data-table=leads] tbody tr").count() == min(30, len(leads))
    assert set(page.locator("table[data-table=leads] tbody tr td:nth-child(2)").all_inner_texts()) <= set(leads.name)
    assert page.recorder.hosts() == {server.split("//")[1]}


def test_the_first_view_draws_cells_and_stays_light(browser, server, con):
    """Opened with no filter, the list's map sums the scope's enterprises in grid cells (each with a tooltip)
    instead of sending every firm of the province as a point: the first view stays within 600 KB."""
    from analysis.scope import Scope
    from bench.session_cost import first_view_bytes
    from components import enterprise_search as es
    from geo import points

    sent = first_view_bytes(browser, f"{server}/enterprises")
    assert sent <= 600 * 1024, f"first view sent {sent / 1024:.0f} KB"
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(f"{server}/enterprises")
    firms = con.execute("select count(*) from enterprises").fetchone()[0]
    cells = len(
        queries.run(
            con,
            "enterprise_cells",
            **es.query_args(es.Search(), Scope(2025, None, None, None), cell=points.cell_size(None, None, 0)),
        )
    )
    assert int(page.locator("p.list-count").get_attribute("data-matches")) == firms
    frame = marker_frame(page, 1)
    page.wait_for_timeout(1000)
    assert marker_count(frame) == cells and 100 < cells < firms / 5  # cells, not one point per firm
    page.close()


def test_a_single_result_shows_its_county_outlined_and_named(page, server, con):
    """One firm sat alone on a blank map at 3 km with no outline or name (issue 19)."""
    firm = queries.run(con, "enterprise_search", **es.query_args(es.Search(), Scope(2025, None, None, None), limit=1))
    page.goto(f"{server}/enterprises?q={firm.uscc.iloc[0]}")
    frame = marker_frame(page, 1)
    frame.locator(".place-label.county span").filter(has_text=firm.county.iloc[0]).wait_for(timeout=15000)
    outlined = frame.evaluate(  # (drawn on the canvas: asked of Leaflet, not of the DOM)
        """() => { const map = Object.keys(window).filter(k => k.startsWith("map_")).map(k => window[k])[0];
                   return Object.values(map._layers).filter(l => l.feature && l.options.color === "#1d4ed8").length; }"""
    )
    assert outlined == 1  # its county, outlined
    scale = frame.locator(".leaflet-control-scale-line").inner_text().strip()
    assert scale.endswith("km") and int(scale.split()[0]) >= 5, scale  # the county in view, not a 3 km close-up


def test_firms_without_coordinates_are_counted_and_drawn_at_their_county(browser, store_path, tmp_path):
    """A 名录 may leave 经度/纬度 empty: such firms stay in the list's count and are drawn as one dashed box at
    their county's centre saying how many (issue 21, item 6), never dropped from the map."""
    import shutil

    import queries
    from harness.browser import serving

    path = tmp_path / "unplaced.duckdb"
    shutil.copy(store_path, path)
    con = queries.connect(path)
    con.execute(
        "update enterprises set lon = null, lat = null "
        "where uscc in (select uscc from enterprises where adcode = '340881' order by uscc limit 5)"
    )
    con.close()
    with serving(path) as (url, _):
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.goto(f"{url}/enterprises?adcode=340881")
        count = page.locator("p.list-count")
        count.wait_for(timeout=30000)
        assert count.get_attribute("data-unplaced") == "5"
        assert "其中 5 家未填坐标" in count.inner_text()
        boxes = None
        for _ in range(100):
            for frame in page.frames:
                try:
                    if frame.locator(".unplaced-firms").count():
                        boxes = frame.locator(".unplaced-firms")
                except Exception:  # frames come and go while Streamlit renders
                    pass
            if boxes is not None:
                break
            page.wait_for_timeout(200)
        assert boxes is not None and boxes.all_inner_texts() == ["无坐标 5"]
        page.close()


def test_a_click_on_the_chain_network_opens_the_links_firms(page, server):
    """循链招商's 全景网络图: a click on a link opens 按图索企 filtered to that link in the county (issue 21, item 3)."""
    from urllib.parse import parse_qs, urlparse

    page.goto(f"{server}/chains?adcode=340881&industry=绿色包装&view=全景网络图")
    points = page.locator(".js-plotly-plot .scatterlayer .trace .points path")
    points.first.wait_for(timeout=30000)
    assert points.count() == 9  # every link of the chain
    box = points.nth(1).bounding_box()  # (plotly's drag layer takes the click, at the point's place)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/enterprises?**", timeout=30000)
    query = parse_qs(urlparse(page.url).query)
    assert query["adcode"] == ["340881"] and query["industry"] == ["绿色包装"] and query["link"][0].startswith("K")
    page.locator("p.list-count").wait_for(timeout=30000)
