"""集群画像 opened from the map: a county's profile lists its clusters; a click opens one's profile in the same
session, with its scores, radar chart and weak spots, and nothing is fetched from another host."""

from urllib.parse import urlparse

import queries
from analysis import evaluation as ev
from harness.browser import map_frame, screen_point
from tests.e2e.test_home_browser import county_point


def test_a_cluster_profile_opens_from_the_map(page, server, con):
    values = queries.run(con, "cluster_indicators")
    scores = ev.score(values, ev.load_default())
    clusters = values[(values.adcode == "340281") & (values.year == 2025)]
    page.goto(server)
    frame = map_frame(page)
    page.evaluate("window.__no_reload = true")
    page.mouse.click(*screen_point(page, frame, *county_point("340281")))
    link = page.locator("a.cluster-link").first
    link.wait_for(timeout=15000)
    cluster = link.get_attribute("data-cluster")
    assert cluster in set(clusters.cluster_id)
    link.click()
    name = clusters.set_index("cluster_id").name[cluster]
    page.get_by_role("heading", name=f"集群画像 · {name}").wait_for(timeout=20000)
    assert page.evaluate("window.__no_reload") is True  # the same session: no page load
    mine = scores[(scores.cluster_id == cluster) & (scores.year == 2025)].iloc[0]
    page.get_by_text(f"全省第 {mine['rank']} / {mine.n} 名").wait_for(timeout=10000)
    page.locator(".js-plotly-plot .scatterlayer").last.wait_for(timeout=15000)  # the radar is drawn
    assert page.locator(".js-plotly-plot").get_by_text("创新能力领先").count() >= 1
    assert "cluster=" + cluster in page.url
    page.wait_for_timeout(1000)
    assert page.recorder.hosts() == {urlparse(server).netloc}
