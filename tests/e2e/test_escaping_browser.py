"""Text from uploads is shown as text: an enterprise named like an HTML tag appears literally in the list (the
table and its description), the map tooltip and the enterprise card, and no script of it ever runs."""

from __future__ import annotations

import shutil

import queries
from harness.browser import marker_frame, screen_point, served

PAYLOAD = "<img src=x onerror=alert(1)>"


def test_an_enterprise_named_like_html_shows_as_text(browser, store_path, tmp_path):
    path = tmp_path / "xss.duckdb"
    shutil.copy(store_path, path)
    con = queries.connect(path)
    uscc, lon, lat = con.execute(
        "select uscc, lon, lat from enterprises where adcode = '340881' "
        "and lon is not null order by revenue desc limit 1"
    ).fetchone()
    con.execute(
        "update enterprises set name = $n, name_initials = 'x' where uscc = $u",
        {"n": f"桐城{PAYLOAD}有限公司", "u": uscc},
    )
    con.close()
    dialogs = []
    with served(path) as url:
        context = browser.new_context(viewport={"width": 1920, "height": 1080})
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{url}/enterprises?q=onerror")
        page.locator("p.list-count[data-matches='1']").wait_for(timeout=30000)
        assert "onerror" in page.locator("p.list-count").inner_text()
        grid = page.locator('[data-testid="stDataFrame"]').first  # the list: a canvas grid with an a11y table
        grid.wait_for(timeout=15000)
        cells = grid.locator("td")
        cells.first.wait_for(state="attached", timeout=15000)
        assert any(PAYLOAD in text for text in cells.all_text_contents())
        frame = marker_frame(page, 1)
        page.wait_for_timeout(600)
        x, y = screen_point(page, frame, lon, lat)
        page.mouse.move(x, y)
        tooltip = frame.locator(".leaflet-tooltip")
        tooltip.wait_for(timeout=10000)
        assert PAYLOAD in tooltip.inner_text()  # the tag's characters, shown as text
        page.mouse.click(x, y)
        card = page.locator(".enterprise-card")
        card.wait_for(timeout=15000)
        assert PAYLOAD in card.inner_text()
        for f in page.frames:
            assert f.locator("img[src='x']").count() == 0
        page.wait_for_timeout(500)
        assert dialogs == []
        context.close()
