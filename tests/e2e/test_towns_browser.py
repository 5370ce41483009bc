"""2010专业镇 in headless Chromium: the counties by whether their 2010 towns' industries continue today, one point
per placed town (57 of the 58 the document names), a town's tooltip, and no request beyond the app."""

from urllib.parse import urlparse

from harness.browser import map_frame, marker_count, marker_frame


def test_towns_map_places_each_named_town_and_stays_on_the_app_host(page, server):
    page.goto(f"{server}/towns2010")
    page.get_by_role("heading", name="2010年省认定产业集群专业镇（“十二五”基线）").wait_for(timeout=30000)
    frame = marker_frame(page, at_least=57)
    assert marker_count(frame) == 57
    assert map_frame(page).locator("path.leaflet-interactive").count() >= 104
    legend = page.get_by_label("图例").inner_text()
    assert "2010年专业镇产业今有同类集群" in legend and "规划未点名本县专业镇" in legend
    table = page.locator("table.plain-table").first.inner_text()  # the document's table, in the page's text
    assert "合计\t37\t合计\t25\t合计\t38" in table.replace(" ", "")
    tooltip = frame.evaluate(
        """() => { const found = [];
          map_div.eachLayer(l => { if (l instanceof L.CircleMarker && l.getTooltip()) found.push(l.getTooltip().getContent()); });
          return found; }"""
    )
    assert any("高沟镇（无为县，2010年）：电线电缆" in t for t in tooltip), tooltip[:3]
    page.wait_for_timeout(1000)
    assert page.recorder.hosts() == {urlparse(server).netloc}, page.recorder.hosts()
