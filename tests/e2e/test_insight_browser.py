"""招商研判 in Chromium (issue 22): a county's 招商 officer opens the page, reads what to attract next and why, clicks
a candidate's 招商线索 and lands on 循链招商 with that link chosen; the strong clusters and the growth views draw their
maps, the peers and the 产需对接 their lists; every request goes to the app's own host."""

from __future__ import annotations

from urllib.parse import quote, urlparse

from harness.browser import map_frame
from tests.e2e.conftest import Recorder

TONGCHENG = "340881"


def test_a_county_officer_reads_the_page_and_follows_a_lead(browser, server):
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    recorder = Recorder(page)
    page.goto(f"{server}/insight?adcode={TONGCHENG}")
    page.get_by_role("heading", name="招商研判 · 桐城市 · 2025年").wait_for(timeout=60000)
    table = page.locator('table[data-table="next-links"]')
    table.wait_for(timeout=30000)
    row = table.locator("tbody tr").last  # (not the first: 循链招商 opens on the first gap by itself)
    link_id, name = row.get_attribute("data-link"), row.locator("b").first.inner_text()
    assert table.locator("tbody tr").count() > 1 and "关联密度" in row.inner_text()
    page.get_by_text("可发展的新产业（按产业关联）").wait_for(timeout=30000)
    row.get_by_role("link", name="招商线索").click()
    page.get_by_role("heading", name="循链招商 · 桐城市 · 2025年").wait_for(timeout=60000)
    page.get_by_text("补链招商线索").wait_for(timeout=30000)
    gap = page.get_by_role("combobox", name="要补的环节")
    for _ in range(100):
        if name in gap.input_value():
            break
        page.wait_for_timeout(100)
    assert name in gap.input_value()
    for _ in range(50):  # the page writes its view back to the address
        if f"gap={link_id}" in page.url:
            break
        page.wait_for_timeout(100)
    assert f"gap={link_id}" in page.url
    page.get_by_test_id("stMain").get_by_text("加权评分", exact=True).first.click()  # the leads by the user's weights
    page.get_by_text("加权评分的权重（仅本次会话有效）").wait_for(timeout=30000)
    page.get_by_role("slider").nth(4).wait_for(timeout=30000)  # one per factor

    for tab, check in (
        ("强集群与星级", lambda: map_frame(page)),
        ("增长分解", lambda: map_frame(page)),
        ("同类县区", lambda: page.get_by_text("赛马评价指标对比").wait_for(timeout=30000)),
        ("产需对接", lambda: page.get_by_text("家配套企业").wait_for(timeout=30000)),
    ):
        page.goto(f"{server}/insight?adcode={TONGCHENG}&tab={quote(tab)}")
        page.get_by_role("tab", name=tab, selected=True).wait_for(timeout=60000)
        check()
        assert not page.get_by_test_id("stException").count()
    assert {urlparse(server).netloc} == recorder.hosts()
