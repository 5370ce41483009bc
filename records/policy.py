"""What the policy cycle's writers share (``records.cultivation``: the 培育库; ``records.recognition``: the yearly
认定; ``records.revocation``: 撤销): the refusal they raise, one serialised workflow step, the checks of typed text,
and the pool's history, to which every step of the three adds a line."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime

import pandas as pd

import queries
from analysis import workdays
from records import Refused, batches
from uploads import cells

MAX_NOTE = 2000  # characters of a note, reason, objection or handling


class PolicyError(Refused, ValueError):
    """A step of the policy cycle that cannot be taken now (status, dates, scope, a missing reason …), in Chinese."""


@contextmanager
def step(con):
    """One write of the cycle: serialised with every other workflow write (in this process, and across processes on
    PostgreSQL), in one transaction that the block's refusal rolls back."""
    with batches.WRITE, queries.transaction(con):
        queries.lock(con, "workflow")
        yield


def text(value: str | None, field: str, required: bool = True, limit: int = MAX_NOTE) -> str | None:
    """Typed text as stored: invisible characters and line breaks tidied; refused if it holds a control character,
    is longer than ``limit`` or (``required``) empty."""
    raw = value or ""
    if cells.CONTROL.search(raw):
        raise PolicyError(f"“{field}”含有不可见的控制字符（{cells.control_name(raw)}），请删除后再提交。")
    cleaned = cells.clean(raw)
    if len(cleaned) > limit:
        raise PolicyError(f"“{field}”不能超过 {limit:,} 个字（现为 {len(cleaned):,} 个）。")
    if required and not cleaned:
        raise PolicyError(f"请填写“{field}”。")
    return cleaned or None


def calendar() -> workdays.Calendar:
    return workdays.load()


def publicity(start: date, earliest: date, today: date) -> tuple[date, date]:
    """The days of a 公示 that starts on ``start`` (a working day, not before ``earliest``, at most 30 days ahead):
    (start, its fifth working day)."""
    if start < earliest:
        raise PolicyError(f"公示开始日期不能早于 {earliest:%Y-%m-%d}。")
    if (start - today).days > 30:
        raise PolicyError("公示开始日期不能晚于今天之后 30 天。")
    try:
        if not calendar().is_working_day(start):
            raise PolicyError(f"{start:%Y-%m-%d} 不是工作日：公示须从工作日开始。")
        return start, calendar().publicity_end(start)
    except workdays.CalendarMissing as missing:
        raise PolicyError(str(missing)) from None


def cluster(con, cluster_id: str) -> pd.Series:
    """The cluster as the store has it now, with its county, city, region and pool status; refused if unknown."""
    found = queries.run(con, "policy_cluster", cluster_id=cluster_id)
    if found.empty:
        raise PolicyError(f"集群 {cluster_id} 不存在。")
    return found.iloc[0]


def event(
    con,
    username: str,
    cluster_id: str,
    step: str,
    status: str | None = None,
    detail: str | None = None,
    reference: str | None = None,
    today: date | None = None,
) -> None:
    """One line of the cluster's history in the pool (and its new status there, if ``status``)."""
    day = today or date.today()
    queries.run(
        con,
        "pool_event_insert",
        cluster_id=cluster_id,
        happened_on=day,
        username=username,
        step=step,
        status=status,
        detail=detail,
        reference=reference,
    )
    if status is not None:
        queries.run(con, "pool_set_status", cluster_id=cluster_id, pool_status=status, today=day, reference=reference)


def now() -> datetime:
    return datetime.now()
