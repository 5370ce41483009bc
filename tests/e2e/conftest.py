"""A real app server on a free port over a copy of the demo store, and headless Chromium to drive it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db_path: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "ANHUI_MAP_DB": str(db_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("the app server did not start within 60 s")


@pytest.fixture(scope="session")
def server(store_path, tmp_path_factory):
    copy = tmp_path_factory.mktemp("e2e") / "app.duckdb"
    shutil.copy(store_path, copy)
    port = free_port()
    process = start_server(copy, port)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(10)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: the test command installs it (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Recorder:
    """Every request and WebSocket a page opens, by host."""

    def __init__(self, page):
        self.urls: list[str] = []
        page.on("request", lambda r: self.urls.append(r.url))
        page.on("websocket", lambda ws: self.urls.append(ws.url))

    def hosts(self) -> set[str]:
        return {urlparse(u).netloc for u in self.urls if not u.startswith(("data:", "blob:", "about:"))}


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, accept_downloads=True)
    p = context.new_page()
    p.recorder = Recorder(p)
    yield p
    context.close()


def map_frame(page, timeout: float = 30):
    """The st_folium iframe once Leaflet has drawn its county shapes."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for frame in page.frames:
            try:
                if frame.locator("path.leaflet-interactive").count() >= 104:
                    return frame
            except Exception:  # frames come and go while Streamlit renders
                pass
        time.sleep(0.2)
    raise AssertionError("the map did not draw 104 county shapes in time")


def screen_point(page, frame, lon: float, lat: float) -> tuple[float, float]:
    """Where on the page a WGS-84 point of the map is drawn (through Leaflet's own projection)."""
    x, y = frame.evaluate("([lat, lon]) => { const p = map_div.latLngToContainerPoint([lat, lon]);"
                          " const r = document.getElementById('map_div').getBoundingClientRect();"
                          " return [p.x + r.left, p.y + r.top]; }", [lat, lon])
    box = frame.frame_element().bounding_box()
    return box["x"] + x, box["y"] + y
