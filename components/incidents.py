"""Unexpected errors: the full traceback goes to the server log under a short incident id; users see only the id.

A user who reports "事件编号 3f9a1c2e" lets an administrator find the traceback with ``grep 3f9a1c2e`` in the
server's log (``logs.py``: JSON lines on stdout of ``./run.sh``, and ``ANHUI_MAP_LOG_FILE``), while no traceback or
server path ever reaches a browser.
"""

from __future__ import annotations

import logging
import secrets

import logs

count = 0  # incidents recorded by this process (the tests fail a test that records one it did not expect)


def record(error: BaseException | str, where: str, user: str | None = None) -> str:
    """Log ``error`` (an exception, or a traceback as text from a worker process) with where it happened and who
    was acting; returns the incident id to show the user."""
    global count
    count += 1
    incident = secrets.token_hex(4)
    fields = {"incident": incident, "where": where, "user": user or "-"}
    if isinstance(error, BaseException):
        logs.event("incident", f"incident {incident} in {where}", logging.ERROR, exc_info=error, **fields)
    else:  # a worker process's traceback, as text
        logs.event("incident", f"incident {incident} in {where}", logging.ERROR, traceback=error, **fields)
    return incident


def message(incident: str) -> str:
    """What the user reads (Chinese, no detail of the server)."""
    return f"系统出现内部错误（事件编号 {incident}）。请刷新页面核对操作结果；如再次出现，请把事件编号告知管理员。"


UNAVAILABLE = "数据库暂时无法连接，请稍后刷新页面。已提交的数据保存在数据库中，不会丢失；如持续出现，请告知管理员。"


def shown(error: BaseException, where: str, user: str | None = None) -> str:
    """What the user reads for ``error`` escaping a page run: the store being unreachable for a while (PostgreSQL
    restarting, the network) is said as such; anything else is an incident (``record``, ``message``)."""
    import store  # (here: store imports the records, which report incidents)

    if store.unavailable(error):
        logs.event(
            "store",
            "store unavailable",
            logging.WARNING,
            where=where,
            user=user or "-",
            reason=str(error).splitlines()[0][:200] if str(error) else type(error).__name__,
        )
        return UNAVAILABLE
    return message(record(error, where, user))
