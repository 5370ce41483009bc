"""The audit log: who did what, when, to which batch or account, with the file's name and hash."""

from __future__ import annotations

from datetime import datetime

import logs
import queries


def record(
    con,
    username: str,
    action: str,
    *,
    batch_id: int | None = None,
    adcode: str | None = None,
    year: int | None = None,
    file_name: str | None = None,
    file_sha256: str | None = None,
    detail: str | None = None,
    at: datetime | None = None,
) -> None:
    """Append one event (inside the caller's transaction, if any)."""
    queries.run(
        con,
        "audit_insert",
        happened_at=at or datetime.now(),
        username=username,
        action=action,
        batch_id=batch_id,
        adcode=adcode,
        year=year,
        file_name=file_name,
        file_sha256=file_sha256,
        detail=detail,
    )
    queries.after_commit(
        lambda committed: logs.write(
            action,
            username,
            "成功" if committed else "未完成（已回滚）",
            batch=batch_id,
            county=adcode,
            year=year,
            file=file_name,
            detail=detail,
        )
    )
