"""What one visitor costs: the bytes a page's first view sends over the websocket (everything Streamlit and the map
hand the browser after the page's static files), and the server memory each open session holds. Measured in
headless Chromium against a server over the demo store, for 全省产业地图 and 按图索企."""

from __future__ import annotations

import gc
import statistics
import tempfile
from pathlib import Path

PAGES = {"home": "/", "enterprises": "/enterprises"}  # page: its address
SESSIONS = 10


def drawn(page) -> None:
    """Wait until the page's map has drawn: the county shapes (home) or the enterprises' circles (按图索企)."""
    from harness.browser import map_frame, marker_frame

    if page.url.rstrip("/").endswith("/enterprises"):
        marker_frame(page, at_least=1, timeout=60)
    else:
        map_frame(page, timeout=60)


def first_view_bytes(browser, url: str) -> int:
    """Websocket bytes received from navigation until the map has drawn and the page is quiet for 2 s."""
    received = [0]
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.on(
        "websocket",
        lambda ws: ws.on("framereceived", lambda payload: received.__setitem__(0, received[0] + len(payload))),
    )
    page.goto(url)
    drawn(page)
    last = -1
    while last != received[0]:  # until nothing more arrives for 2 s
        last = received[0]
        page.wait_for_timeout(2000)
    context.close()
    return received[0]


def memory_per_session_mib(browser, url: str, server_pid: int) -> float:
    """Server memory growth per session, with ``SESSIONS`` sessions open at once, each with its map drawn."""
    from harness.browser import rss_mb

    warm = browser.new_context()
    drawn(_open(warm, url))  # the server's caches filled by a first visitor
    before = rss_mb(server_pid)
    contexts = []
    for _ in range(SESSIONS):
        context = browser.new_context(viewport={"width": 1920, "height": 1080})
        drawn(_open(context, url))
        contexts.append(context)
    after = rss_mb(server_pid)
    for context in contexts:
        context.close()
    warm.close()
    return (after - before) / SESSIONS


def _open(context, url: str):
    page = context.new_page()
    page.goto(url)
    return page


def main() -> None:
    import store
    from harness.browser import chromium, serving

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.duckdb"
        store.open_store(db_path).close()
        gc.collect()
        for name, path in PAGES.items():
            with serving(db_path) as (url, server), chromium() as browser:
                sizes = [first_view_bytes(browser, url + path) for _ in range(3)]
                print(f"session_first_view_{name}_median_of_3: {statistics.median(sizes) / 1024:,.0f} KB")
                per_session = memory_per_session_mib(browser, url + path, server.pid)
                print(f"session_server_memory_{name}_per_session_{SESSIONS}_open: {per_session:.1f} MiB")
