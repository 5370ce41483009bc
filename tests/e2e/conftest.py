"""A real app server on a free port over a copy of the demo store, and headless Chromium to drive it."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from harness.browser import CHROMIUM, CHROMIUM_ARGS, free_port, start_server


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
