"""A real app server on a free port over a copy of the demo store, and headless Chromium to drive it."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from harness.browser import CHROMIUM, chromium, served


@pytest.fixture(scope="session")
def server(store_path, tmp_path_factory):
    copy = tmp_path_factory.mktemp("e2e") / "app.duckdb"
    shutil.copy(store_path, copy)
    with served(copy) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: the test command installs it (apt-get install chromium)")
    with chromium() as b:
        yield b


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
