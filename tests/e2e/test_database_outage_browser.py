"""PostgreSQL stopped under a running app process, then started again: /readyz says 503 with a Chinese reason; a
logged-in user reads a Chinese message, not a traceback; a leader browsing without a login still sees the map from
the process's read copy; when PostgreSQL is back the process recovers by itself, the login and the submitted batch
intact. Stops the real test cluster (pg_ctlcluster) and always starts it again."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from harness.browser import free_port, start_server
from tests.conftest import drop_database, new_database
from tests.e2e.test_login_browser import logged_in_as


def cluster(action: str) -> None:
    """``pg_ctlcluster`` ``action`` on the cluster the tests use (the one on $PGPORT)."""
    listing = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True).stdout
    for line in listing.splitlines():
        version, name, port = line.split()[:3]
        if port == os.environ.get("PGPORT"):
            subprocess.run(
                ["pg_ctlcluster", version, name, action, *(["-m", "fast"] if action == "stop" else [])], check=True
            )
            return
    pytest.fail(f"no PostgreSQL cluster on port {os.environ.get('PGPORT')}")


def readyz(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"{url}/readyz", timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def until(check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while not (result := check()):
        assert time.monotonic() < deadline, what
        time.sleep(0.5)
    return result


def test_postgresql_away_and_back(browser, pg_accounts_template, tmp_path):
    name = new_database(pg_accounts_template)
    port = free_port()
    server = start_server(
        tmp_path / "unused.duckdb", port, {"ANHUI_MAP_DATABASE_URL": f"dbname={name}", "ANHUI_MAP_REFRESH_SECONDS": "1"}
    )
    url = f"http://127.0.0.1:{port}"
    stopped = False
    try:
        staff = browser.new_context(viewport={"width": 1600, "height": 900})
        page = staff.new_page()
        page.goto(url)
        page.get_by_role("link", name="登录").click()
        page.get_by_label("用户名").fill("tc")
        page.get_by_label("密码").fill("Passw0rd1")
        page.get_by_role("button", name="登录").click()
        logged_in_as(page, "tc用户")
        until(lambda: any(c["name"] == "anhui_map_session" for c in staff.cookies()), 10, "no login cookie")

        cluster("stop")
        stopped = True
        status, reason = until(lambda: (r := readyz(url))[0] == 503 and r, 20, "/readyz stayed 200")
        assert reason.startswith("未就绪：") and "Traceback" not in reason
        page.reload()
        page.get_by_text("数据库暂时无法连接").wait_for(timeout=30000)
        assert "Traceback" not in page.locator("body").inner_text()
        leader = browser.new_context(viewport={"width": 1600, "height": 900}).new_page()
        leader.goto(url)  # no login: the map is read from the process's copy
        leader.get_by_text("全省产业地图 · 安徽省").first.wait_for(timeout=30000)
        assert "数据库暂时无法连接" not in leader.locator("body").inner_text()

        cluster("start")
        stopped = False
        until(lambda: readyz(url) == (200, "ready"), 60, "/readyz did not recover")
        page.reload()
        logged_in_as(page, "tc用户")  # the login was in PostgreSQL all along
    finally:
        if stopped:
            cluster("start")
        server.terminate()
        server.wait(15)
        drop_database(name)
