"""Who is using this browser session: login form, idle expiry, logout, and which pages their role sees.

The session holds only the username and the time of its last page run; the user's role is read from the store on
every run (``access.load``), so an account disabled meanwhile is logged out at its next click. What a role may
*do* is checked again in the data layer by every write (``access.require``); this module only decides what to show.
"""

from __future__ import annotations

import time

import streamlit as st

import settings
import store
from components import plain
from records import access, accounts

KEY = "auth"
CURRENT = "current_user"  # this run's user, set by app.py


def user() -> access.User | None:
    """The logged-in user of this session, or None (never logged in, logged out, expired or disabled)."""
    auth = st.session_state.get(KEY)
    if not auth:
        return None
    if time.time() - auth["last_seen"] > settings.SESSION_MINUTES * 60:
        st.session_state.pop(KEY)
        st.session_state["auth_message"] = f"超过 {settings.SESSION_MINUTES} 分钟未操作，登录已失效，请重新登录。"
        return None
    found = access.load(store.cursor(), auth["username"])
    if found is None:
        st.session_state.pop(KEY)
        st.session_state["auth_message"] = "账号已停用，请联系省级管理员。"
        return None
    auth["last_seen"] = time.time()
    return found


def current() -> access.User | None:
    """The user ``app.py`` found for this page run (``user()`` is called once per run, before the page)."""
    return st.session_state.get(CURRENT)


def guard(action: str) -> access.User:
    """The logged-in user if the data layer would let them take ``action`` somewhere; else an error and the page
    stops (their every step is checked again by the function that takes it)."""
    try:
        return access.require(store.cursor(), username(), action)
    except access.PermissionDenied as denied:
        st.error(plain.md(denied))
        st.stop()


def username() -> str | None:
    """The logged-in username (what the data layer's checks are given), or None."""
    auth = st.session_state.get(KEY)
    return auth["username"] if auth else None


def may_browse(current: access.User | None) -> bool:
    """Whether the reading pages are open: to any logged-in user, and to everyone when open browsing is on."""
    return current is not None or settings.OPEN_BROWSING


def login_page() -> None:
    """The login form (a page of its own: the only one shown until a login when open browsing is off)."""
    st.title("安徽省县域产业集群地图 · 登录")
    if message := st.session_state.pop("auth_message", None):
        st.info(message)
    with st.form("login", border=True, width=480):
        name = st.text_input("用户名", key="login_username", max_chars=32)
        password = st.text_input("密码", type="password", key="login_password", max_chars=128)
        submitted = st.form_submit_button("登录", type="primary", width="stretch")
    if submitted:
        try:
            found = accounts.login(store.cursor(), name.strip(), password)
        except accounts.LoginFailed as failed:
            st.error(str(failed))
            return
        st.session_state[KEY] = {"username": found.username, "last_seen": time.time()}
        st.rerun()
    st.caption(f"连续 {settings.LOGIN_MAX_FAILURES} 次输错密码，账号锁定 {settings.LOGIN_LOCK_MINUTES} 分钟。"
               "首次运行时，管理员 admin 的初始密码写在服务器上数据库旁的 initial-admin-password.txt 中。")


def logout() -> None:
    st.session_state.pop(KEY, None)
    st.session_state["auth_message"] = "已退出登录。"


def sidebar_box(current: access.User | None) -> None:
    """Who is logged in, with 退出 (or 登录 when browsing without an account)."""
    with st.sidebar:
        if current is not None:
            st.caption(f"当前用户：{plain.md(current.label)}")
            st.button("退出登录", key="logout", on_click=logout, width="stretch")
        elif settings.OPEN_BROWSING:
            st.caption("未登录：可浏览已确认的数据。上报、审核与管理须登录。")
