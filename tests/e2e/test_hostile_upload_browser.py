"""A crafted file uploaded to a running server, as a county filer would in Chromium: the filer reads a Chinese
message naming the file, the server process neither dies nor swells, and a leader's session on the map keeps
working throughout. The server runs with the row and column limits lifted, so that one file gets past the checks
and makes the reader abort its process: only the worker's child dies."""

from __future__ import annotations

import shutil
import urllib.request

import queries
from harness import hostile_files as hostile
from harness.browser import ROOT, map_frame, rss_mb, screen_point, serving
from tests.e2e.test_home_browser import county_point

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload_as_filer(browser, url: str, name: str, data: bytes) -> str:
    """Log in as the 县级填报 of 桐城市, open 数据上报, upload one file; the text of the error shown."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.goto(url)
    page.get_by_role("link", name="登录").click()
    page.get_by_label("用户名").fill("tc")
    page.get_by_label("密码").fill("Passw0rd1")
    page.get_by_role("button", name="登录").click()
    page.get_by_role("link", name="数据上报").click()
    page.get_by_role("heading", name="数据上报").wait_for(timeout=30000)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": name, "mimeType": XLSX, "buffer": data}]
    )
    alert = page.locator('[data-testid="stAlertContentError"]').filter(has_text=name)
    alert.wait_for(timeout=60000)
    text = alert.inner_text()
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and 'File "' not in body and str(ROOT) not in body
    context.close()
    return text


def click_county(page, adcode: str, name: str) -> None:
    """Click a county on the home map and wait for its profile (a round trip to the server)."""
    frame = map_frame(page)
    page.wait_for_timeout(600)
    page.mouse.click(*screen_point(page, frame, *county_point(adcode)))
    page.locator("[data-testid='stHeadingWithActionElements'] h3").filter(has_text=name).wait_for(timeout=20000)


def test_a_crafted_upload_cannot_take_the_server_down(browser, accounts_store, tmp_path):
    path = tmp_path / "hostile.duckdb"
    shutil.copy(accounts_store, path)
    env = {"ANHUI_MAP_UPLOAD_MAX_ROWS": "2000000", "ANHUI_MAP_UPLOAD_MAX_COLUMNS": "20000"}
    with serving(path, env) as (url, server):
        leader = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()
        leader.goto(url)
        click_county(leader, "340281", "无为市")
        before = rss_mb(server.pid)

        bomb, expected = hostile.cases()["zip_bomb"]
        assert expected in upload_as_filer(browser, url, "炸弹.xlsx", bomb)
        crash = upload_as_filer(browser, url, "越界.xlsx", hostile.far_cells())
        assert crash.startswith("越界.xlsx：读取所需内存超过 2,048 MB 的上限，已中止。")

        assert server.poll() is None  # the server process lives
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as health:
            assert health.status == 200
        assert rss_mb(server.pid) - before < 150
        click_county(leader, "340881", "桐城市")  # the leader's session, open all along, still answers
    con = queries.connect_read_only(path)
    try:
        assert queries.run(con, "batches", year=None, statuses=None).empty
        refused = con.execute(
            "select file_name from audit_log where action = '上传未通过' order by event_id"
        ).fetchall()
        assert refused == [("炸弹.xlsx",), ("越界.xlsx",)]
    finally:
        con.close()
