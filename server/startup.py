"""Before the first request: open the store, so that a process that cannot use it stops at once with a message
saying why, instead of starting, answering ``/_stcore/health`` and then failing every page.

The common case is a second process started on the same DuckDB file: DuckDB lets one process hold a file, and the
second gets "Could not set lock on file … Conflicting lock is held in … (PID n)".
"""

from __future__ import annotations

import logging
import os
import re
import sys
from contextlib import asynccontextmanager

import anyio
import duckdb
from streamlit import config

import logs
import settings

EXIT_CODE = 3  # what uvicorn returns for a failed start-up too
POSTGRESQL_REASONS = {  # libpq's words → what the administrator reads (anything else is shown as libpq says it)
    "connection refused": "连接被拒绝，该地址和端口上没有数据库在监听",
    "password authentication failed": "用户名或密码错误",
    "does not exist": "数据库或用户不存在",
    "could not translate host name": "主机名无法解析",
    "timeout expired": "连接超时",
    "no pg_hba.conf entry": "数据库服务器不允许从本机连接（pg_hba.conf）",
    "invalid connection option": "地址格式有误",
    'missing "=" after': "地址格式有误",
    "invalid dsn": "地址格式有误",
}


def refusal(error: BaseException, path=None) -> str:
    """The Chinese message of a store that cannot be opened at start-up."""
    from queries import postgres

    text = str(error)
    if settings.DATABASE_URL and path is None:
        where = postgres.describe(settings.DATABASE_URL)
        reason = next((said for known, said in POSTGRESQL_REASONS.items() if known in text.lower()), None) or (
            text.strip().splitlines()[0][:300] if text.strip() else type(error).__name__
        )
        return (
            f"无法启动：连不上 PostgreSQL 数据库 {where}（ANHUI_MAP_DATABASE_URL）：{reason}。"
            "请核对地址、端口、库名、用户名与密码，以及数据库是否在运行。"
        )
    path = path or settings.DB_PATH
    if isinstance(error, duckdb.IOException) and "lock" in text.lower():
        holder = re.search(r"PID (\d+)", text)
        who = f"进程 {holder.group(1)} " if holder else "另一个进程"
        return (
            f"无法启动：数据库文件 {path} 已被{who}打开。一个 DuckDB 文件只能由一个服务进程使用；"
            "多进程或多台服务器部署请使用 PostgreSQL（设置 ANHUI_MAP_DATABASE_URL）。"
        )
    return f"无法启动：数据库 {path} 打不开（{type(error).__name__}: {text[:300]}）。"


@asynccontextmanager
async def lifespan(_app):
    """st.App's lifespan: open the store (migrations, demo data on a new file, the search index) before serving."""
    import store  # here, not at import: its caches are declared once Streamlit's runtime exists
    from records import sso

    if problem := sso.configuration_problem():
        stop(problem)
    try:
        await anyio.to_thread.run_sync(store.connection)
    except Exception as error:  # noqa: BLE001  (any reason the store cannot be used: say it and stop)
        stop(refusal(error))
    logs.event(
        "start",
        f"安徽省县域产业集群地图 {settings.VERSION} 已启动：{address()}",
        version=settings.VERSION,
        backend="PostgreSQL" if settings.DATABASE_URL else "DuckDB",
        address=address(),
        pid=os.getpid(),
        settings=logs.public_settings(),
    )
    yield
    logs.event("stop", "服务进程退出", pid=os.getpid())


def stop(reason: str) -> None:
    """End the process at start-up with ``reason``: a log line, and the sentence alone on stderr for whoever ran it."""
    logs.event("start_failed", reason, logging.ERROR, pid=os.getpid())
    print(reason, file=sys.stderr, flush=True)
    sys.stdout.flush()
    os._exit(EXIT_CODE)  # (a SystemExit here would add the server framework's traceback to the message)


def address() -> str:
    """The address this process serves (Streamlit's own banner, which would look up the machine's public address on
    the internet, is off: .streamlit/config.toml)."""
    host = config.get_option("server.address") or "0.0.0.0"
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"http://{host}:{config.get_option('server.port')}/{base}"
