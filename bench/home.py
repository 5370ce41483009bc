"""Home page figures: map payload sent to the browser, warm server run, navigation → map drawn in Chromium."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def map_payload_bytes(db_path: Path) -> int:
    """Bytes of what st_folium hands the browser for the default home map (script, header, html)."""
    from streamlit_folium import _get_header, _get_html, _get_map_string

    import queries
    from geo import boundaries, choropleth
    from server import routes

    con = queries.connect(db_path)
    metrics = queries.run(con, "county_metrics", year=2025)
    counties = boundaries.counties()[["adcode", "geometry"]].merge(metrics, on="adcode")
    fmap, _ = choropleth.build_map(
        counties, choropleth.METRICS["集群营收合计"], counties.adcode.notna(), static_url=routes.static_url()
    )
    fmap.get_root().render()
    parts = (_get_html(fmap), _get_header(fmap), _get_map_string(fmap))
    con.close()
    return sum(len(p.encode("utf-8")) for p in parts)


def warm_run_ms(db_path: Path, runs: int = 7) -> float:
    """Median time of a home-page script run once caches are warm (AppTest runs the real script)."""
    from streamlit.testing.v1 import AppTest

    import settings

    settings.DB_PATH = db_path
    settings.OPEN_BROWSING = True  # the map as a meeting room sees it, not the login page
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()  # cold: opens the store, fills the caches
    if not at.title or not at.title[0].value.startswith("全省产业地图"):
        raise RuntimeError(f"expected the home map, got {[t.value for t in at.title]}")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    import store

    store.connection().close()  # free the file for the server process of map_drawn_s
    store.connection.clear()
    return statistics.median(times)


def map_drawn_s(db_path: Path, runs: int = 5) -> dict[str, list[float]]:
    """Seconds from navigation to 104 county shapes drawn in headless Chromium at 1920×1080.

    ``first_visit``: a new browser profile each time (nothing cached); ``return_visit``: the same profile again,
    with Streamlit's and Leaflet's files in the browser cache, as on a meeting-room PC that has opened the map
    before. The server has served the page once before either, as it has after its first visitor.
    """
    from harness.browser import chromium, map_frame, served

    times: dict[str, list[float]] = {"first_visit": [], "return_visit": []}
    viewport = {"width": 1920, "height": 1080}
    with served(db_path) as url, chromium() as browser:

        def drawn(context) -> float:
            page = context.new_page()
            start = time.perf_counter()
            page.goto(f"{url}/")
            map_frame(page, timeout=60)
            elapsed = time.perf_counter() - start
            page.close()
            return elapsed

        returning = browser.new_context(viewport=viewport)
        drawn(returning)  # the server's first run fills its caches; it also fills this profile's cache
        for _ in range(runs):
            fresh = browser.new_context(viewport=viewport)
            times["first_visit"].append(drawn(fresh))
            fresh.close()
            times["return_visit"].append(drawn(returning))
    return times


def main() -> None:
    import store

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.duckdb"
        store.open_store(db_path).close()
        print(f"home_map_payload: {map_payload_bytes(db_path) / 1024:.0f} KB")
        print(f"home_warm_server_run: {warm_run_ms(db_path):.0f} ms")
        for visit, seconds in map_drawn_s(db_path).items():
            print(f"home_map_drawn_{visit}_median_of_{len(seconds)}: {statistics.median(seconds):.2f} s")
