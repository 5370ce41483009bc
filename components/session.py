"""Who is using this browser tab: login form, the login cookie, idle expiry, logout, and which pages their role sees.

A login is a session in the store (``records.sessions``). This tab's Streamlit session keeps only its id; a new tab,
a reload or a bookmark finds it through the login cookie, which the page sets right after the login by posting a
one-time code to ``/auth/claim`` (``claim_frame``). Every run checks the session (open, not idle) and reads the
user's role from the store (``access.load``), so a logout in one tab, or an account disabled meanwhile, logs every
tab out at its next click. What a role may *do* is checked again in the data layer by every write
(``access.require``); this module only decides what to show.
"""

from __future__ import annotations

import json
import time

import streamlit as st

import settings
import store
from components import plain
from records import access, accounts, sessions, sso
from server import routes

KEY = "auth"  # {"session": the store session's id, "username": its user}
CLAIM = "auth_claim"  # (the one-time code, when it was issued): the cookie is still to be set
CURRENT = "current_user"  # this run's user, set by app.py
SSO_OUT = "sso_out"  # the single sign-on name this tab does not log in as again (logged out, or refused)
EXPIRED_MESSAGE = f"超过 {settings.SESSION_MINUTES} 分钟未操作，登录已失效，请重新登录。"


def cookie() -> str | None:
    """The login cookie this tab's browser sent when it connected (None without one)."""
    value = st.context.cookies.get(sessions.COOKIE)
    return value if isinstance(value, str) else None  # AppTest's context has no real cookies


def headers():
    """The headers of the request that opened this tab's websocket (through the proxy); none in AppTest."""
    try:
        return st.context.headers
    except Exception:  # noqa: BLE001  (no request behind this run)
        return {}


def single_sign_on(con) -> None:
    """With 统一身份认证 on (``records.sso``): log this tab in as the user the proxy names, unless this tab logged out
    (it stays out until it is opened again) or that user was refused here before. Another name than the logged-in
    one (the proxy's user changed) ends the old session first."""
    name = sso.asserted_user(headers())
    if not name or st.session_state.get(SSO_OUT) == name:
        return
    auth = st.session_state.get(KEY)
    if auth and auth["username"] == name:
        return
    if auth:
        sessions.end(con, auth["session"])
        st.session_state.pop(KEY, None)
    try:
        found, session_id = sso.log_in(con, name)
    except accounts.LoginFailed as failed:
        st.session_state["auth_message"] = str(failed)
        st.session_state[SSO_OUT] = name  # refused once per tab, not audited again at every click
        return
    st.session_state[KEY] = {"session": session_id, "username": found.username}


def user() -> access.User | None:
    """The logged-in user of this tab, or None (never logged in, logged out anywhere, expired or disabled)."""
    con = store.cursor()
    if sso.enabled():
        single_sign_on(con)
    auth = st.session_state.get(KEY)
    if auth:
        found = sessions.find(con, session_id=auth["session"])
    else:
        token = cookie()
        if not token or st.session_state.get("auth_refused") == token:
            return None
        found = sessions.find(con, token=token)
        if found.status != sessions.OPEN:
            st.session_state["auth_refused"] = token  # not looked up again in this tab
    if found.status != sessions.OPEN:
        st.session_state.pop(KEY, None)
        if found.status == sessions.EXPIRED:
            st.session_state["auth_message"] = EXPIRED_MESSAGE
        elif auth and found.status == sessions.ENDED:
            st.session_state["auth_message"] = "已在其他页面退出登录。"
        return None
    current = access.load(con, found.username)
    if current is None:
        sessions.end(con, found.session_id)
        st.session_state.pop(KEY, None)
        st.session_state["auth_message"] = "账号已停用，请联系省级管理员。"
        return None
    st.session_state[KEY] = {"session": found.session_id, "username": found.username}
    return current


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


def login_page(wanted: str | None = None) -> None:
    """The login form (a page of its own: the only one shown until a login when open browsing is off); with
    ``wanted``, it stands at the address of that page, which opens after the login."""
    st.title("安徽省县域产业集群地图 · 登录")
    if message := st.session_state.pop("auth_message", None):
        st.info(message)
    if wanted:
        st.info(f"请先登录，再打开“{wanted}”。")
    with st.form("login", border=True, width=480):
        name = st.text_input("用户名", key="login_username", max_chars=32)
        password = st.text_input("密码", type="password", key="login_password", max_chars=128)
        submitted = st.form_submit_button("登录", type="primary", width="stretch")
    if submitted:
        try:
            found, session_id, code = sessions.log_in(store.cursor(), name.strip(), password)
        except accounts.LoginFailed as failed:
            st.error(str(failed))
            return
        st.session_state[KEY] = {"session": session_id, "username": found.username}
        st.session_state[CLAIM] = (code, time.time())
        st.session_state.pop("auth_refused", None)
        st.rerun()
    st.caption(
        f"连续 {settings.LOGIN_MAX_FAILURES} 次输错密码，账号锁定 {settings.LOGIN_LOCK_MINUTES} 分钟。"
        "首次运行时，管理员 admin 的初始密码写在服务器上以数据库命名的 ….initial-admin-password.txt 文件中"
        "（默认 var/anhui.duckdb.initial-admin-password.txt）。"
    )


def logout() -> None:
    """End the session in the store: this tab and every other one (they see it at their next click)."""
    auth = st.session_state.pop(KEY, None)
    if auth:
        sessions.end(store.cursor(), auth["session"])
    st.session_state.pop(CLAIM, None)
    st.session_state["auth_message"] = "已退出登录。"
    if auth and sso.enabled() and sso.asserted_user(headers()) == auth["username"]:
        st.session_state[SSO_OUT] = auth["username"]
        st.session_state["auth_message"] = "已退出登录。本页不再自动登录；重新打开本系统时将按统一身份认证再次登录。"


def claim_frame() -> None:
    """After a login, an invisible frame posts the one-time code to /auth/claim, which sets the login cookie (an
    HttpOnly cookie no script of the page can read). Drawn on every run until the code expires, so a quick click
    after the login does not remove it before it has posted."""
    pending = st.session_state.get(CLAIM)
    if not pending:
        return
    code, issued = pending
    if time.time() - issued > sessions.CLAIM_SECONDS:
        st.session_state.pop(CLAIM, None)
        return
    url = routes.path("/auth/claim")
    st.iframe(
        f"""<script>fetch({json.dumps(url)}, {{method: "POST", credentials: "same-origin",
        headers: {{"Content-Type": "application/x-www-form-urlencoded"}}, body: "code=" + {json.dumps(code)}}});
        </script>""",
        height=1,
    )


def sidebar_box(current: access.User | None) -> None:
    """Who is logged in, with 退出 (or 登录 when browsing without an account)."""
    with st.sidebar:
        if current is not None:
            st.caption(f"当前用户：{plain.md(current.label)}")
            st.button("退出登录", key="logout", on_click=logout, width="stretch")
            claim_frame()
        elif settings.OPEN_BROWSING:
            st.caption("未登录：可浏览已确认的数据。上报、审核与管理须登录。")
