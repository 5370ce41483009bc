"""统一身份认证 (a province's single sign-on) through the reverse proxy: optional, off by default.

The proxy (nginx with the province's authentication module, or a gateway in front of it) authenticates the user and
names them in a request header (``settings.SSO_HEADER``, e.g. ``X-Remote-User``). The app believes that header only
when the same request also carries the proxy's shared secret (``X-Anhui-Proxy-Secret`` = ``settings.SSO_SECRET``):
an app process reachable from other machines (several machines behind one proxy) cannot be logged into by a browser
that sends the header itself. The proxy must set both headers on every request it forwards, overwriting what the
browser sent (``config/nginx.conf`` does).

The named user must have an account here (the role and the county come from this app's user list, as for a password
login); an unknown or disabled name is refused and audited. A single sign-on login opens the same kind of store
session as a password login (``records.sessions``), so idle expiry, logout everywhere and "disabled → out at the
next click" hold alike. An account's temporary password is voided at its first single sign-on (nobody should be
able to log in with the password its administrator saw): a password login needs a reset by an administrator then.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from datetime import datetime

import queries
import settings
from records import access, accounts, audit

SECRET_HEADER = "X-Anhui-Proxy-Secret"
MIN_SECRET = 16  # characters


def enabled() -> bool:
    return bool(settings.SSO_HEADER)


def configuration_problem() -> str | None:
    """Why the single sign-on settings cannot be used (the server refuses to start), or None."""
    if settings.SSO_HEADER and len(settings.SSO_SECRET) < MIN_SECRET:
        return (
            f"无法启动：设置了 ANHUI_MAP_SSO_HEADER（统一身份认证），但 ANHUI_MAP_SSO_SECRET 为空或少于 {MIN_SECRET} 个"
            "字符。请设一个随机的长字符串，并让反向代理在每个请求中以 X-Anhui-Proxy-Secret 头发送它。"
        )
    return None


def asserted_user(headers: Mapping[str, str]) -> str | None:
    """The username the proxy vouches for in a request's ``headers``, or None: single sign-on off, the proxy's
    secret missing or wrong, or no name."""
    if not enabled():
        return None
    every = getattr(headers, "get_all", None)  # Streamlit's headers keep repeated ones: a repeated one is refused
    if every is not None and any(len(every(h)) > 1 for h in (SECRET_HEADER, settings.SSO_HEADER)):
        return None
    lower = {str(k).lower(): str(v) for k, v in headers.items()}
    secret = lower.get(SECRET_HEADER.lower(), "")
    if not hmac.compare_digest(secret.encode(), settings.SSO_SECRET.encode()):
        return None
    name = lower.get(settings.SSO_HEADER.lower(), "").strip()
    return name[:64] or None


def log_in(con, username: str, at: datetime | None = None) -> tuple[access.User, str]:
    """Open a store session for ``username`` as vouched for by the proxy: (the user, the session's id).
    Raises ``accounts.LoginFailed`` (audited) for a name without an account here or a disabled account."""
    at = at or accounts.now()
    rows = queries.run(con, "user", username=username)
    if rows.empty or rows.iloc[0].disabled:
        reason = "本系统没有此用户" if rows.empty else "账号已停用"
        audit.record(con, username, "登录失败", detail=f"统一身份认证：{reason}", at=at)
        raise accounts.LoginFailed(f"统一身份认证的用户“{username}”{reason}，请联系省级管理员开通或启用账号。")
    detail = "统一身份认证"
    with queries.transaction(con):
        if rows.iloc[0].must_change_password:  # the temporary password its administrator saw: voided
            queries.run(
                con,
                "user_password",
                username=username,
                password_hash=accounts.password_hash(secrets.token_urlsafe(32)),
                must_change=False,
                now=at,
            )
            detail += "；临时密码已作废"
        session_id = secrets.token_urlsafe(32)
        queries.run(
            con,
            "session_insert",
            session_id=session_id,
            username=username,
            now=at,
            claim_hash=None,
            claim_expires_at=None,
        )
        audit.record(con, username, "登录", detail=detail, at=at)
    return access.load(con, username), session_id
