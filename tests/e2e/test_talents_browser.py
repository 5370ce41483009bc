"""人才库 in Chromium (issue 21, item 2): a visitor sees the counts and the map and no name (the page says who may
see them); 桐城's filer, logged in, gets the list of 桐城's talents only; both pages speak to the app's host only."""

from __future__ import annotations

import shutil
from urllib.parse import urlparse

import queries
from harness.browser import map_frame, serving
from tests.e2e.conftest import Recorder
from tests.e2e.test_recognition_browser import log_in


def test_counts_for_a_visitor_names_for_the_county_filer(browser, accounts_store, tmp_path):
    path = tmp_path / "talents.duckdb"
    shutil.copy(accounts_store, path)
    con = queries.connect_read_only(path)
    named = queries.run(con, "talents_named")
    counts = queries.run(con, "talent_counts")
    con.close()
    own = named[named.adcode == "340881"]
    with serving(path) as (url, _):  # (open browsing, as the harness starts it)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        recorder = Recorder(page)
        page.goto(f"{url}/talents")
        page.get_by_role("heading", name="人才库 · 安徽省").wait_for(timeout=60000)
        count = page.locator("p.list-count")
        count.wait_for(timeout=30000)
        assert count.get_attribute("data-talents") == str(int(counts.talents[counts.kind == "个人"].sum()))
        assert map_frame(page).locator("path.leaflet-interactive").count() == 104
        page.get_by_text("人才姓名属于个人信息").wait_for(timeout=30000)
        body = page.locator("body").inner_text()
        assert "人才与团队名单" not in body and not [n for n in named.name if n in body]
        assert {urlparse(url).netloc} == recorder.hosts()
        page.close()

        page = log_in(browser, url, "tc")
        recorder = Recorder(page)
        page.goto(f"{url}/talents")
        page.get_by_text(f"人才与团队名单（{len(own)} 条").wait_for(timeout=60000)
        assert "人才姓名属于个人信息，仅" not in page.locator("body").inner_text()
        assert {urlparse(url).netloc} == recorder.hosts()
