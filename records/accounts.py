"""Accounts: login with lock-out, passwords hashed with argon2 (``argon2-cffi``), and the administrator's
user management. Every change checks the acting user's role in the store (``access.require``) and is audited.

Passwords are never stored or logged; a hash is argon2id with the library's current parameters, and a hash made
with older parameters is replaced at the next successful login.
"""

from __future__ import annotations

import os
import re
import secrets
from datetime import datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

import queries
import settings
from records import Refused, access, audit

_hasher = PasswordHasher()
USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,32}$")
MIN_PASSWORD = 8
# A dummy hash verified when the username is unknown, so that the answer takes as long as for a real account.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


class LoginFailed(Exception):
    """A refused login; the message (Chinese) never says whether the username exists."""


class AccountError(Refused, ValueError):
    """An account change that cannot be made (bad name, weak password, unknown region …), in Chinese."""


def now() -> datetime:
    return datetime.now()


def check_password(password: str) -> None:
    """AccountError unless ``password`` has at least 8 characters with both letters and digits."""
    if len(password) < MIN_PASSWORD or not re.search(r"[A-Za-z]", password) or not re.search(r"\d", password):
        raise AccountError(f"密码至少 {MIN_PASSWORD} 位，且须同时包含字母和数字。")


def login(con, username: str, password: str, at: datetime | None = None) -> access.User:
    """The user if ``password`` is right and the account is enabled and not locked; else LoginFailed.

    ``settings.LOGIN_MAX_FAILURES`` wrong passwords in a row lock the account for ``settings.LOGIN_LOCK_MINUTES``.
    """
    at = at or now()
    rows = queries.run(con, "user", username=username)
    if rows.empty:
        _verify(_DUMMY_HASH, password)
        audit.record(con, username, "登录失败", detail="用户名不存在", at=at)
        raise LoginFailed("用户名或密码错误。")
    r = rows.iloc[0]
    if r.disabled:
        audit.record(con, username, "登录失败", detail="账号已停用", at=at)
        raise LoginFailed("账号已停用，请联系省级管理员。")
    if r.locked_until is not None and not _missing(r.locked_until) and r.locked_until.to_pydatetime() > at:
        audit.record(con, username, "登录失败", detail="账号锁定中", at=at)
        raise LoginFailed(f"连续输错密码次数过多，账号已锁定至 {r.locked_until:%H:%M}，请稍后再试。")
    if not _verify(r.password_hash, password):
        failures = int(r.failed_logins) + 1
        locked = (
            at + timedelta(minutes=settings.LOGIN_LOCK_MINUTES) if failures >= settings.LOGIN_MAX_FAILURES else None
        )
        queries.run(
            con, "user_login_result", username=username, failed_logins=0 if locked else failures, locked_until=locked
        )
        audit.record(con, username, "登录失败", detail="密码错误" + ("，账号锁定" if locked else ""), at=at)
        if locked:
            raise LoginFailed(
                f"连续 {settings.LOGIN_MAX_FAILURES} 次密码错误，账号锁定 {settings.LOGIN_LOCK_MINUTES} 分钟。"
            )
        left = settings.LOGIN_MAX_FAILURES - failures
        raise LoginFailed(f"用户名或密码错误（再错 {left} 次将锁定账号）。")
    queries.run(con, "user_login_result", username=username, failed_logins=0, locked_until=None)
    if _hasher.check_needs_rehash(r.password_hash):
        queries.run(
            con,
            "user_password",
            username=username,
            password_hash=_hasher.hash(password),
            must_change=bool(r.must_change_password),
            now=at,
        )
    audit.record(con, username, "登录", at=at)
    return access.load(con, username)


def password_hash(password: str) -> str:
    """The stored form of ``password`` (Argon2id)."""
    return _hasher.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _missing(value) -> bool:
    try:
        return value != value  # NaT / NaN
    except TypeError:
        return False


def create_user(con, actor: str, username: str, display_name: str, role: str, adcode: str | None, password: str) -> str:
    """A new account with a temporary ``password`` (changed at first login); returns its username. Only a
    省级管理员."""
    access.require(con, actor, "manage_users")
    return _create(con, actor, username, display_name, role, adcode, password)


def _create(con, actor: str, username: str, display_name: str, role: str, adcode: str | None, password: str) -> str:
    if not USERNAME.match(username):
        raise AccountError("用户名须为 2–32 位字母、数字或 _ . -。")
    if not queries.run(con, "user", username=username).empty:
        raise AccountError(f"用户名 {username} 已存在。")
    adcode = _check_role(con, role, adcode)
    if not display_name.strip():
        raise AccountError("请填写姓名或单位。")
    check_password(password)
    with queries.transaction(con):
        queries.run(
            con,
            "user_create",
            username=username,
            display_name=display_name.strip(),
            role=role,
            adcode=adcode,
            password_hash=_hasher.hash(password),
            now=now(),
        )
        audit.record(con, actor, "新建用户", detail=f"{username}：{role}" + (f"（{adcode}）" if adcode else ""))
    return username


def update_user(
    con, actor: str, username: str, display_name: str, role: str, adcode: str | None, disabled: bool
) -> None:
    """Change an account's name, role, region, or disable/enable it. Only a 省级管理员; never their own role."""
    access.require(con, actor, "manage_users")
    rows = queries.run(con, "user", username=username)
    if rows.empty:
        raise AccountError(f"用户 {username} 不存在。")
    if username == actor and (disabled or role != access.PROVINCE_ADMIN):
        raise AccountError("不能停用自己的账号或取消自己的管理员角色。")
    adcode = _check_role(con, role, adcode)
    with queries.transaction(con):
        queries.run(
            con,
            "user_update",
            username=username,
            display_name=display_name.strip() or username,
            role=role,
            adcode=adcode,
            disabled=disabled,
        )
        audit.record(
            con,
            actor,
            "停用用户" if disabled else "修改用户",
            detail=f"{username}：{role}" + (f"（{adcode}）" if adcode else ""),
        )


def reset_password(con, actor: str, username: str) -> str:
    """A new temporary password for ``username`` (returned once, to hand over; changed at next login)."""
    access.require(con, actor, "manage_users")
    return _reset(con, actor, username)


def operator_reset_password(con, username: str, operator: str) -> str:
    """``reset_password`` from the server's command line (``./admin.sh reset-password``): the way back in when the
    last administrator's password is lost. Not checked against a logged-in role: whoever runs it on the server holds
    the store already; audited under ``operator`` (命令行（OS user）)."""
    return _reset(con, operator, username)


def operator_create_admin(con, username: str, display_name: str, operator: str) -> str:
    """A new 省级管理员 from the server's command line (``./admin.sh create-admin``), with a temporary password
    (returned); audited under ``operator``."""
    password = temporary_password()
    _create(con, operator, username, display_name, access.PROVINCE_ADMIN, None, password)
    return password


def _reset(con, actor: str, username: str) -> str:
    if queries.run(con, "user", username=username).empty:
        raise AccountError(f"用户 {username} 不存在。")
    password = temporary_password()
    with queries.transaction(con):
        queries.run(
            con, "user_password", username=username, password_hash=_hasher.hash(password), must_change=True, now=now()
        )
        audit.record(con, actor, "重置密码", detail=username)
    return password


def change_password(con, username: str, old: str, new: str) -> None:
    """The user's own password change (the only way out of a temporary password)."""
    rows = queries.run(con, "user", username=username)
    if rows.empty or rows.disabled.iloc[0] or not _verify(rows.password_hash.iloc[0], old):
        raise AccountError("原密码不正确。")
    if new == old:
        raise AccountError("新密码不能与原密码相同。")
    check_password(new)
    with queries.transaction(con):
        queries.run(
            con, "user_password", username=username, password_hash=_hasher.hash(new), must_change=False, now=now()
        )
        audit.record(con, username, "修改密码")


def temporary_password() -> str:
    """A random password that passes ``check_password`` (12 characters, letters and digits)."""
    while True:
        password = secrets.token_urlsafe(9).replace("-", "x").replace("_", "7")
        if re.search(r"[A-Za-z]", password) and re.search(r"\d", password):
            return password


def ensure_admin(con) -> str | None:
    """On a store without accounts, create ``admin`` (省级管理员) with a temporary password, written to
    ``admin_password_file()`` for whoever installed the app; returns it (None when accounts exist)."""
    if queries.run(con, "users").shape[0]:
        return None
    password = settings.ADMIN_PASSWORD or temporary_password()
    with queries.transaction(con):
        queries.lock(con, "accounts")  # processes starting together on one new PostgreSQL store: one creates it
        if queries.run(con, "users").shape[0]:
            return None
        queries.run(
            con,
            "user_create",
            username="admin",
            display_name="省级管理员",
            role=access.PROVINCE_ADMIN,
            adcode=None,
            password_hash=_hasher.hash(password),
            now=now(),
        )
        audit.record(con, "admin", "新建用户", detail="首次运行：admin：省级管理员")
    if not settings.ADMIN_PASSWORD:
        path = admin_password_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)  # created anew, readable by this account only from its first byte
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w", encoding="utf-8") as out:
            out.write(f"admin\n{password}\n")
    return password


def admin_password_file() -> Path:
    """Where the first administrator's password is written: ``settings.ADMIN_PASSWORD_FILE``, else a file named
    after the store, so that two stores never share one: ``anhui.duckdb.initial-admin-password.txt`` beside a DuckDB
    file, ``var/postgresql-HOST-PORT-DBNAME.initial-admin-password.txt`` for a PostgreSQL database."""
    if settings.ADMIN_PASSWORD_FILE:
        return Path(settings.ADMIN_PASSWORD_FILE)
    if settings.DATABASE_URL:
        from psycopg.conninfo import conninfo_to_dict

        try:
            parts = conninfo_to_dict(settings.DATABASE_URL)
        except Exception:  # noqa: BLE001  (the store opened with it, so this does not happen; a name all the same)
            parts = {}
        name = "-".join(
            str(parts.get(key) or default)
            for key, default in (("host", "localhost"), ("port", 5432), ("dbname", parts.get("user") or "postgres"))
        )
        safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in name)
        return settings.ROOT / "var" / f"postgresql-{safe}.initial-admin-password.txt"
    return Path(settings.DB_PATH).parent / f"{Path(settings.DB_PATH).name}.initial-admin-password.txt"


def _check_role(con, role: str, adcode: str | None) -> str | None:
    if role not in access.ROLES:
        raise AccountError(f"角色须为 {'、'.join(access.ROLES)} 之一。")
    level = access.SCOPED.get(role)
    if level is None:
        return None
    found = queries.run(con, "region", adcode=adcode or "")
    if found.empty or found.level.iloc[0] != level:
        raise AccountError(f"{role}须指定所属{'地级市' if level == '市' else '区县'}。")
    return adcode
