"""Unexpected errors: the full traceback goes to the server log under a short incident id; users see only the id.

A user who reports "事件编号 3f9a1c2e" lets an administrator find the traceback with ``grep 3f9a1c2e`` in the
server's log (stderr of ``./run.sh``), while no traceback or server path ever reaches a browser.
"""

from __future__ import annotations

import logging
import secrets
import sys

log = logging.getLogger("anhui_map")
if not log.handlers:  # Streamlit configures only its own loggers
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    log.propagate = False


count = 0  # incidents recorded by this process (the tests fail a test that records one it did not expect)


def record(error: BaseException | str, where: str, user: str | None = None) -> str:
    """Log ``error`` (an exception, or a traceback as text from a worker process) with where it happened and who
    was acting; returns the incident id to show the user."""
    global count
    count += 1
    incident = secrets.token_hex(4)
    if isinstance(error, BaseException):
        log.error("incident %s in %s (user %s)", incident, where, user or "-", exc_info=error)
    else:
        log.error("incident %s in %s (user %s)\n%s", incident, where, user or "-", error)
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
        log.warning("store unavailable in %s (user %s): %s", where, user or "-", str(error).splitlines()[0][:200])
        return UNAVAILABLE
    return message(record(error, where, user))
