"""The app under a sub-path behind real nginx with TLS, as a provincial intranet serves it
(``./run.sh --processes 1 --base anhui --tls-cert … --tls-key …``): the maps draw (Leaflet from the app's own static
folder under the sub-path), pages link to each other and to 按图索企 under it, downloads arrive, 汇报模式 steps
through its views, and every request of the browser goes to https://host/anhui/… and nothing else."""

from __future__ import annotations

import os
import shutil
import signal
import ssl
import subprocess
import time
import urllib.request
from urllib.parse import urlparse

import pytest

from harness.browser import free_port, launcher_command, map_frame
from tests.conftest import ROOT

BASE = "anhui"


def ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/readyz", timeout=5, context=ssl._create_unverified_context()) as reply:
            return reply.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def proxied(store_path, tmp_path_factory):
    """The URL of the app under /anhui behind nginx with a self-signed certificate (one process, a DuckDB store)."""
    folder = tmp_path_factory.mktemp("subpath")
    store = folder / "app.duckdb"
    shutil.copy(store_path, store)
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    port = free_port()
    env = {**os.environ, "ANHUI_MAP_DB": str(store), "ANHUI_MAP_OPEN_BROWSING": "1"}
    launcher = subprocess.Popen(
        launcher_command(
            1, port, free_port(), folder / "nginx", "--base", BASE, "--tls-cert", str(cert), "--tls-key", str(key)
        ),
        cwd=ROOT,
        env=env,
    )
    url = f"https://127.0.0.1:{port}/{BASE}"
    try:
        deadline = time.time() + 120
        while time.time() < deadline and launcher.poll() is None and not ready(url):
            time.sleep(0.5)
        assert launcher.poll() is None and ready(url), "the launcher did not come up"
        yield url
    finally:
        launcher.send_signal(signal.SIGTERM)
        launcher.wait(30)


@pytest.fixture()
def tab(browser, proxied):
    context = browser.new_context(
        viewport={"width": 1600, "height": 900}, ignore_https_errors=True, accept_downloads=True
    )
    page = context.new_page()
    page.requests, page.failures = [], []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("websocket", lambda ws: page.requests.append(ws.url))
    page.on("response", lambda r: r.status >= 400 and page.failures.append(f"{r.status} {r.url}"))
    yield page
    context.close()
    outside = [
        u
        for u in page.requests
        if not u.startswith(("data:", "blob:", "about:"))
        and not u.startswith((proxied + "/", proxied.replace("https://", "wss://") + "/"))
    ]
    assert outside == [], outside  # everything under https://host/anhui/, nothing elsewhere
    # No 404 for a static file or a page. (Streamlit's front end, opened at a page's own address, first asks
    # /anhui/PAGE/_stcore/health and host-config to find the base path, then /anhui/_stcore/…: those two are its way.)
    failures = [f for f in page.failures if not f.endswith(("/_stcore/health", "/_stcore/host-config"))]
    assert failures == [], failures


def test_the_map_draws_and_pages_link_under_the_sub_path(tab, proxied):
    tab.goto(f"{proxied}/")
    frame = map_frame(tab)
    assert frame.evaluate("() => typeof L !== 'undefined' && L.version") == "1.9.4"  # the app's own Leaflet
    assert any(u.startswith(f"{proxied}/app/static/vendor/leaflet/leaflet.js") for u in tab.requests)
    tab.get_by_role("link", name="营收梯队").click()  # the navigation keeps the sub-path
    tab.wait_for_url(f"{proxied}/tiers*", timeout=30000)
    map_frame(tab)
    tab.goto(f"{proxied}/enterprises?q=电缆")  # a bookmarked 按图索企 search
    tab.locator("p.list-count").wait_for(timeout=30000)
    assert int(tab.locator("p.list-count").get_attribute("data-matches")) > 0


def test_a_download_arrives_under_the_sub_path(tab, proxied):
    tab.goto(f"{proxied}/")
    map_frame(tab)
    with tab.expect_download(timeout=60000) as info:
        tab.get_by_role("button", name="下载地图（PNG）").click()
    with open(info.value.path(), "rb") as png:
        assert png.read(8) == b"\x89PNG\r\n\x1a\n"


def test_present_mode_steps_through_its_views_under_the_sub_path(tab, proxied):
    tab.goto(f"{proxied}/present")
    map_frame(tab)
    first = tab.locator("h1.slide-title").inner_text()
    tab.keyboard.press("ArrowRight")
    tab.wait_for_function(
        "(first) => document.querySelector('h1.slide-title').textContent !== first", arg=first, timeout=20000
    )
    assert urlparse(tab.url).path == f"/{BASE}/present" and "slide=2" in tab.url
