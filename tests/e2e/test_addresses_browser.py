"""Issue 19, item 1 in Chromium: a reading page's view is in its address; a reload, a bookmark or a pasted link
shows the view again, and the browser's own address bar follows every change."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from harness.browser import map_frame


def query(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query, keep_blank_values=True).items()}


def wait_for_query(page, **expected) -> None:
    page.wait_for_function(
        "expected => { const q = new URLSearchParams(location.search);"
        " return Object.entries(expected).every(([k, v]) => q.get(k) === v); }",
        arg={k: str(v) for k, v in expected.items()},
        timeout=15000,
    )


def title(page) -> str:
    return page.locator("h1").first.inner_text().strip()


def test_home_view_survives_a_reload(page, server):
    page.goto(f"{server}/?year=2023&region=皖北")
    map_frame(page)
    assert title(page) == "全省产业地图 · 皖北 · 2023年"
    page.get_by_role("radio", name="专精特新").click()
    wait_for_query(page, year=2023, region="皖北", metric="专精特新企业数")
    box = page.get_by_role("combobox", name="县区")
    box.fill("蒙城")
    page.get_by_role("option", name="蒙城县（亳州市）").click()
    wait_for_query(page, county="341622", metric="专精特新企业数")
    page.locator("h3").filter(has_text="蒙城县").first.wait_for(timeout=15000)
    before = query(page)
    page.reload()
    map_frame(page)
    page.locator("h3").filter(has_text="蒙城县").first.wait_for(timeout=15000)
    assert title(page) == "全省产业地图 · 皖北 · 2023年" and query(page) == before
    assert page.get_by_role("radio", name="专精特新").get_attribute("aria-checked") == "true"


def test_a_pasted_link_opens_tiers_honours_and_chains_as_named(page, server):
    page.goto(f"{server}/tiers?year=2024&city=340100&view=临界集群名单&within=35")
    page.get_by_text("距下一梯队不超过 35%").wait_for(timeout=20000)
    assert title(page) == "营收梯队 · 合肥市 · 2024年"
    page.goto(f"{server}/honours?year=2024&region=皖南&honour=国家高新技术企业&county=341021")
    page.get_by_text("优质企业 · 皖南 · 2024年").wait_for(timeout=20000)
    page.locator("p strong").filter(has_text="歙县").first.wait_for(timeout=15000)
    page.goto(f"{server}/chains?year=2025&adcode=341622&industry=电线电缆&order=距离")
    page.get_by_text("循链招商 · 蒙城县 · 2025年").wait_for(timeout=20000)  # the county, not "安徽省"
    wait_for_query(page, adcode="341622", industry="电线电缆", order="距离")
