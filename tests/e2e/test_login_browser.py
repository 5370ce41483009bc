"""A login survives what a browser does (a reload, a new tab, a bookmarked staff page) through an HttpOnly,
SameSite=Strict cookie that no script of the page can read; a logout in one tab logs every tab out at its next
click; the cookie-setting route refuses another site's page and a used code."""

from __future__ import annotations

import shutil
import urllib.error
import urllib.request

from harness.browser import serving
from records import sessions


def logged_in_as(page, label: str) -> None:
    page.get_by_text(f"当前用户：{label}").wait_for(timeout=30000)


def post_claim(url: str, code: str, origin: str) -> int:
    request = urllib.request.Request(
        f"{url}/auth/claim",
        data=f"code={code}".encode(),
        method="POST",
        headers={"Origin": origin, "Content-Type": "application/x-www-form-urlencoded"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_login_survives_reload_new_tab_and_bookmark_and_logout_ends_all(browser, accounts_store, tmp_path):
    path = tmp_path / "login.duckdb"
    shutil.copy(accounts_store, path)
    with serving(path, {"ANHUI_MAP_OPEN_BROWSING": "0"}) as (url, _):
        context = browser.new_context(viewport={"width": 1600, "height": 900})
        page = context.new_page()
        page.goto(url)
        page.get_by_label("用户名").fill("tc")
        page.get_by_label("密码").fill("Passw0rd1")
        page.get_by_role("button", name="登录").click()
        logged_in_as(page, "tc用户")
        for _ in range(50):  # the page posts its one-time code; the cookie comes with the reply
            if any(c["name"] == sessions.COOKIE for c in context.cookies()):
                break
            page.wait_for_timeout(200)
        (cookie,) = [c for c in context.cookies() if c["name"] == sessions.COOKIE]
        assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
        assert sessions.COOKIE not in page.evaluate("document.cookie")  # no script of the page reads it

        page.reload()
        logged_in_as(page, "tc用户")
        bookmark = context.new_page()
        bookmark.goto(f"{url}/upload")  # a staff page opened straight from a bookmark, in a new tab
        bookmark.get_by_role("heading", name="数据上报").wait_for(timeout=30000)
        logged_in_as(bookmark, "tc用户")

        page.get_by_role("button", name="退出登录").click()
        page.get_by_text("已退出登录").wait_for(timeout=20000)
        bookmark.get_by_role("link", name="全省产业地图").click()  # the other tab's next click
        bookmark.get_by_text("已在其他页面退出登录").wait_for(timeout=20000)
        fresh = context.new_page()
        fresh.goto(url)  # the cookie is still in the browser but logs nobody in
        fresh.get_by_role("button", name="登录").wait_for(timeout=30000)
        assert fresh.get_by_text("当前用户").count() == 0
        context.close()

        assert post_claim(url, "made-up-code", origin=url) == 403
        assert post_claim(url, "made-up-code", origin="http://elsewhere.example") == 403


def test_an_administrator_sees_every_page_in_the_navigation_with_no_view_more(browser, accounts_store, tmp_path):
    """Streamlit folds a long navigation behind an English "View more"; the app lists every page instead."""
    path = tmp_path / "nav.duckdb"
    shutil.copy(accounts_store, path)
    with serving(path, {"ANHUI_MAP_OPEN_BROWSING": "0"}) as (url, _):
        page = browser.new_page(viewport={"width": 1600, "height": 900})
        page.goto(url)
        page.get_by_label("用户名").fill("admin")
        page.get_by_label("密码").fill("Admin1234")
        page.get_by_role("button", name="登录").click()
        logged_in_as(page, "管理员")
        nav = page.get_by_test_id("stSidebarNav")
        for title in ("全省产业地图", "汇报模式", "我的账号", "数据上报", "审核确认", "报送进度", "用户与日志"):
            assert nav.get_by_role("link", name=title).is_visible(), title
        assert "View" not in nav.inner_text()
        page.close()


def test_every_page_has_a_working_address_for_every_visitor(browser, accounts_store, tmp_path):
    """A staff page's address opened before a login shows the login form, then the page itself; a page outside
    the role is refused in Chinese; never Streamlit's English "Page not found" (issue 19)."""
    path = tmp_path / "addresses.duckdb"
    shutil.copy(accounts_store, path)
    with serving(path) as (url, _):  # open browsing: the reading pages need no login
        page = browser.new_page(viewport={"width": 1600, "height": 900})
        page.goto(f"{url}/upload")
        page.get_by_text("请先登录，再打开“数据上报”。").wait_for(timeout=30000)
        assert "Page not found" not in page.locator("body").inner_text()
        page.get_by_label("用户名").fill("tc")
        page.get_by_label("密码").fill("Passw0rd1")
        page.get_by_role("button", name="登录").click()
        page.get_by_role("heading", name="数据上报").wait_for(timeout=30000)
        assert page.url.rstrip("/").endswith("/upload")
        shown = page.get_by_test_id("stFileUploaderDropzone").evaluate(  # what the uploader shows, not its DOM text
            """zone => [zone.querySelector("button p"), zone.querySelector("[data-testid=stFileUploaderDropzoneInstructions] span")]
                .map(e => [getComputedStyle(e).fontSize, getComputedStyle(e, "::after").content])"""
        )
        assert shown == [["0px", '"选择文件"'], ["0px", '"或把文件拖放到这里"']]  # not "Upload", "20MB per file"
        page.goto(f"{url}/admin")  # a 县级填报 account may not manage users
        page.get_by_text("不能打开“用户与日志”").wait_for(timeout=30000)
        page.goto(f"{url}/login")  # logged in already: on to the map
        page.get_by_role("heading", name="全省产业地图").first.wait_for(timeout=30000)
        for address in ("/tiers", "/review", "/account"):
            page.goto(url + address)
            page.locator("h1").first.wait_for(timeout=30000)
            page.wait_for_timeout(1000)
            assert "Page not found" not in page.locator("body").inner_text(), address
        page.close()
