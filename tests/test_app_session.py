"""AppTest of logging in: the gate when open browsing is off, the first password change, idle expiry, the pages
each role sees, and the administrator's user management."""

from __future__ import annotations

from datetime import timedelta

import pytest
from streamlit.testing.v1 import AppTest, app_test

import settings
import store
from components import session
from harness.apptest import NavigationPages
from records import access, accounts, sessions

ADMIN_PASSWORD = "FirstRun123"


@pytest.fixture()
def closed(app_store, monkeypatch):
    """The app over a private store with open browsing off and a known first administrator password."""
    monkeypatch.setattr(settings, "OPEN_BROWSING", False)
    monkeypatch.setattr(settings, "ADMIN_PASSWORD", ADMIN_PASSWORD)
    return store.connection()


@pytest.fixture()
def app(monkeypatch):
    """A fresh AppTest of app.py, run once (as a server runs it: app.py before every page, see harness.apptest)."""
    monkeypatch.setattr(app_test, "PagesManager", NavigationPages)
    return lambda: AppTest.from_file("../app.py", default_timeout=60).run()


def log_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(password)
    return at.button[0].click().run()


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def change_password(at: AppTest, old: str, new: str) -> AppTest:
    at.text_input(key="pw_old").input(old)
    at.text_input(key="pw_new").input(new)
    at.text_input(key="pw_again").input(new)
    return at.button[0].click().run()


def test_without_open_browsing_only_the_login_form_shows(closed, app):
    at = app()
    assert not at.exception
    assert titles(at) == ["安徽省县域产业集群地图 · 登录"]
    assert not any("全省产业地图" in t for t in titles(at)) and not at.get("iframe")
    log_in(at, "admin", "wrong-password1")
    assert "用户名或密码错误" in at.error[0].value
    assert titles(at) == ["安徽省县域产业集群地图 · 登录"]


def test_a_temporary_password_is_changed_first_then_the_map_opens(closed, app):
    at = log_in(app(), "admin", ADMIN_PASSWORD)
    assert titles(at) == ["我的账号"] and "临时密码" in at.warning[0].value
    change_password(at, ADMIN_PASSWORD, "Changed456z")
    assert not at.exception and "密码已修改" in at.success[0].value
    at.switch_page("pages/home.py").run()
    assert titles(at)[0].startswith("全省产业地图")
    assert any("当前用户：省级管理员（省级管理员）" in c.value for c in at.sidebar.caption)


def test_an_idle_session_expires(closed, app):
    at = log_in(app(), "admin", ADMIN_PASSWORD)
    change_password(at, ADMIN_PASSWORD, "Changed456z")
    idle = accounts.now() - timedelta(minutes=settings.SESSION_MINUTES, seconds=1)
    closed.execute("update sessions set last_seen_at = ?", [idle])  # the store's session, as every tab sees it
    at.run()
    assert titles(at) == ["安徽省县域产业集群地图 · 登录"]
    assert "登录已失效" in at.info[0].value


def test_a_disabled_account_is_logged_out_at_its_next_click(closed, app):
    accounts.ensure_admin(closed)
    closed.execute("update users set must_change_password = false")
    accounts.create_user(closed, "admin", "tc", "桐城填报", access.COUNTY_FILER, "340881", "Passw0rd1")
    closed.execute("update users set must_change_password = false where username = 'tc'")
    at = log_in(app(), "tc", "Passw0rd1")
    assert titles(at)[0].startswith("全省产业地图")
    accounts.update_user(closed, "admin", "tc", "桐城填报", access.COUNTY_FILER, "340881", disabled=True)
    at.run()
    assert titles(at) == ["安徽省县域产业集群地图 · 登录"] and "已停用" in at.info[0].value


def test_only_the_administrator_gets_user_management(closed, app):
    accounts.ensure_admin(closed)
    closed.execute("update users set must_change_password = false")
    accounts.create_user(closed, "admin", "view", "浏览者", access.VIEWER, None, "Passw0rd1")
    closed.execute("update users set must_change_password = false")
    at = log_in(app(), "view", "Passw0rd1")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/admin.py")  # not in a viewer's navigation (and its actions check the role again)

    at = log_in(app(), "admin", ADMIN_PASSWORD)
    at.switch_page("pages/admin.py").run()
    assert not at.exception and [t.label for t in at.tabs] == ["用户列表", "新建用户", "审计日志", "备份与恢复"]
    at.text_input(key="new_username").input("aq")
    at.text_input(key="new_name").input("安庆市工信局")
    at.selectbox(key="new_role").select(access.CITY_REVIEWER).run()
    at.selectbox(key=f"new_region_{access.CITY_REVIEWER}").select("340800").run()
    at.button(key="new_create").click().run()
    assert not at.exception and "已新建用户 aq" in at.success[0].value
    assert "aq" in set(at.dataframe[0].value["用户名"])  # the list shows the new user at once (issue 19)
    assert at.text_input(key="new_username").value == ""  # the form is empty again: a second click creates nothing
    temporary = at.code[0].value
    created = closed.execute("select role, adcode, must_change_password from users where username = 'aq'").fetchone()
    assert created == (access.CITY_REVIEWER, "340800", True)
    assert accounts.login(closed, "aq", temporary).must_change_password
    assert "新建用户" in set(at.dataframe[1].value["操作"])  # the audit log tab


def test_a_new_tab_with_the_cookie_is_logged_in_and_a_logout_ends_every_tab(closed, app, monkeypatch):
    """A second tab (a reload, a bookmark) sends the login cookie: the same login, no form. A logout in the first
    tab logs the second out at its next click."""
    accounts.ensure_admin(closed)
    closed.execute("update users set must_change_password = false")
    first = log_in(app(), "admin", ADMIN_PASSWORD)
    assert titles(first)[0].startswith("全省产业地图")
    code, _ = first.session_state[session.CLAIM]  # what the page posts to /auth/claim
    token = sessions.claim(closed, code)
    assert token and sessions.claim(closed, code) is None  # once only
    monkeypatch.setattr(session, "cookie", lambda: token)
    second = app()
    assert titles(second)[0].startswith("全省产业地图")
    assert any("当前用户：省级管理员" in c.value for c in second.sidebar.caption)
    assert session.CLAIM not in second.session_state  # logged in by the cookie: nothing to claim
    first.button(key="logout").click().run()
    assert titles(first) == ["安徽省县域产业集群地图 · 登录"] and "已退出登录" in first.info[0].value
    second.run()
    assert titles(second) == ["安徽省县域产业集群地图 · 登录"] and "已在其他页面退出登录" in second.info[0].value
    assert titles(app()) == ["安徽省县域产业集群地图 · 登录"]  # the cookie no longer logs a new tab in
