"""Two app processes behind real nginx on one real PostgreSQL, started by the launcher as ./run.sh --processes 2
starts them: nginx routes a browser by its anhui_route cookie, so its websocket and its upload reach one process;
a login moves with the browser to the other process; a publish made anywhere reaches every process's read copy
within seconds; a process that dies is marked down and started again; every request goes to nginx's own host."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
import uuid

import pytest

from harness.browser import free_port, launcher_command
from records import batches
from tests.conftest import ROOT, drop_database, new_database
from tests.e2e.test_login_browser import logged_in_as
from tests.test_workflow import county_list, csv_of

REFRESH_SECONDS = 1


def get(url: str, route: str | None = None):
    request = urllib.request.Request(url, headers={"Cookie": f"anhui_route={route}"} if route else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


@pytest.fixture(scope="module")
def cluster(pg_accounts_template, tmp_path_factory):
    """(nginx's URL, the launcher, {process id: a route cookie that reaches it}, the database's name)."""
    name = new_database(pg_accounts_template)
    port, first = free_port(), free_port()
    env = {
        **os.environ,
        "ANHUI_MAP_DATABASE_URL": f"dbname={name}",
        "ANHUI_MAP_OPEN_BROWSING": "1",
        "ANHUI_MAP_REFRESH_SECONDS": str(REFRESH_SECONDS),
    }
    launcher = subprocess.Popen(
        launcher_command(2, port, first, tmp_path_factory.mktemp("nginx")),
        cwd=ROOT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while time.time() < deadline and launcher.poll() is None:
            try:
                if get(f"{url}/readyz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.5)
        assert launcher.poll() is None and get(f"{url}/readyz")[0] == 200, "the launcher did not come up"
        routes: dict[str, str] = {}
        for _ in range(200):  # random cookies until both processes have one
            route = uuid.uuid4().hex
            routes.setdefault(get(f"{url}/readyz", route)[2]["X-Anhui-Process"], route)
            if len(routes) == 2:
                break
        assert len(routes) == 2, "nginx sent every route to one process"
        yield url, launcher, routes, name
    finally:  # (also when the set-up above failed)
        launcher.send_signal(signal.SIGTERM)
        launcher.wait(30)
        drop_database(name)


def context_on(browser, url: str, route: str):
    context = browser.new_context(viewport={"width": 1600, "height": 900})
    context.add_cookies([{"name": "anhui_route", "value": route, "url": url}])
    return context


def matches(page, url: str, route: str, text: str) -> int:
    """How many enterprises 按图索企 finds for ``text`` on the process that ``route`` reaches."""
    page.context.add_cookies([{"name": "anhui_route", "value": route, "url": url}])
    page.goto(f"{url}/enterprises?q={text}")
    count = page.locator("p.list-count")
    count.wait_for(timeout=30000)
    return int(count.get_attribute("data-matches"))


def test_nginx_sets_a_route_cookie_and_a_route_keeps_to_one_process(cluster):
    url, _, routes, _ = cluster
    status, text, headers = get(f"{url}/readyz")
    assert status == 200 and text == "ready"
    assert headers["Set-Cookie"].startswith("anhui_route=") and "HttpOnly" in headers["Set-Cookie"]
    for pid, route in routes.items():
        answers = {get(f"{url}/readyz", route)[2]["X-Anhui-Process"] for _ in range(5)}
        assert answers == {pid}
        assert get(f"{url}/readyz", route)[2]["Set-Cookie"] is None  # a browser with a route keeps it


def test_upload_login_move_and_publish_across_processes(cluster, browser):
    from queries import postgres

    url, _, routes, name = cluster
    first, second = routes.values()
    context = context_on(browser, url, first)
    page = context.new_page()
    hosts = set()
    page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
    page.on("websocket", lambda ws: hosts.add(ws.url.split("/")[2]))
    page.goto(url)
    page.get_by_role("link", name="登录").click()
    page.get_by_label("用户名").fill("tc")
    page.get_by_label("密码").fill("Passw0rd1")
    page.get_by_role("button", name="登录").click()
    logged_in_as(page, "tc用户")
    for _ in range(50):  # the login cookie arrives with the claim's reply
        if any(c["name"] == "anhui_map_session" for c in context.cookies()):
            break
        page.wait_for_timeout(200)

    context.add_cookies([{"name": "anhui_route", "value": second, "url": url}])  # as if the first process died
    page.goto(f"{url}/upload")
    logged_in_as(page, "tc用户")  # the login is in PostgreSQL, not in the first process
    pool = postgres.open_pool(f"dbname={name}", size=2)
    try:
        con = postgres.Connection(pool)
        edited = county_list(con)
        edited.loc[0, "企业名称"] = "桐城多进程测试有限公司"
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            files=[{"name": "名录.csv", "mimeType": "text/csv", "buffer": csv_of(edited)}]
        )
        page.locator(".upload-verdict").wait_for(timeout=60000)  # the upload reached the websocket's process
        assert page.locator(".upload-verdict").get_attribute("data-errors") == "0"
        page.get_by_role("button", name="提交市级审核").click()
        page.get_by_text("已提交第").wait_for(timeout=30000)
        batch = int(con.execute("select max(batch_id) from batches").fetchone()[0])
        assert matches(page, url, first, "多进程测试") == 0  # submitted is not published
        batches.city_review(con, "aq", batch, approve=True)  # the reviewers, in a third process
        batches.province_review(con, "prov", batch, approve=True)
        published = time.monotonic()
        for route in routes.values():  # every process's read copy has the publish within seconds
            while matches(page, url, route, "多进程测试") != 1:
                assert time.monotonic() - published < 15, "a process did not see the publish within 15 s"
                page.wait_for_timeout(500)
    finally:
        pool.close()
    assert hosts == {url.split("/")[2]}, hosts  # nginx's host and nothing else
    context.close()


def test_a_killed_process_is_marked_down_and_started_again(cluster):
    url, _, routes, _ = cluster
    victim = int(next(iter(routes)))
    os.kill(victim, signal.SIGKILL)
    for _ in range(20):  # nginx keeps answering from the other process meanwhile
        assert get(f"{url}/readyz", routes[str(victim)])[0] == 200
        time.sleep(0.2)
    deadline = time.time() + 90
    pids = set()
    while time.time() < deadline and len(pids) < 2:
        pids = {get(f"{url}/readyz", uuid.uuid4().hex)[2]["X-Anhui-Process"] for _ in range(20)}
        time.sleep(1)
    assert len(pids) == 2 and str(victim) not in pids, "the killed process was not started again"
