"""公示 and its objections, shared by the 认定 list (``records.recognition``) and a 撤销 (``records.revocation``).

A 公示 lasts 5 working days (seed 004 第十条(三); ``analysis.workdays``). An objection is recorded by the province
with the day it was received, which must fall within the 公示, and the cluster it concerns; it is then handled (成立
or 不成立, with what was checked). The list is decided only after the 公示 has ended and every objection is handled.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

import queries
from records import access, audit, policy
from records.policy import PolicyError

SUBJECTS = ("认定", "撤销")


def day(value) -> date | None:
    """A stored date (a date, a timestamp or text, as each backend returns it) as a date; None for none."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date()


def objections(con, subject: str, subject_id: int) -> pd.DataFrame:
    return queries.run(con, "objections", subject=subject, subject_id=int(subject_id))


def unhandled(con, subject: str, subject_id: int) -> int:
    return int(objections(con, subject, subject_id).finding.isna().sum())


def record(
    con,
    username: str,
    subject: str,
    subject_id: int,
    cluster_id: str,
    received_on: date,
    objector: str,
    content: str,
) -> int:
    """An objection received during the 公示 of ``subject`` ``subject_id``; returns its number."""
    objector = policy.text(objector, "异议人（单位或个人，可写“匿名”）", limit=100)
    content = policy.text(content, "异议内容")
    with policy.step(con):
        access.require(con, username, "record_objection")
        start, end, listed = _publicity(con, subject, subject_id)
        if not start <= received_on <= end:
            raise PolicyError(f"收到日期 {received_on:%Y-%m-%d} 不在公示期（{start:%Y-%m-%d} 至 {end:%Y-%m-%d}）内。")
        if cluster_id not in listed:
            raise PolicyError("异议所指的集群不在本次公示名单中。")
        number = int(
            queries.run(
                con,
                "objection_insert",
                subject=subject,
                subject_id=int(subject_id),
                cluster_id=cluster_id,
                received_on=received_on,
                objector=objector,
                content=content,
                username=username,
            ).objection_id.iloc[0]
        )
        policy.event(
            con, username, cluster_id, "公示异议", detail=f"{objector}：{content}", reference=f"异议第 {number} 号"
        )
        audit.record(con, username, "登记公示异议", detail=f"{subject}公示，集群 {cluster_id}，异议第 {number} 号")
    return number


def handle(con, username: str, objection_id: int, upheld: bool, handling: str) -> None:
    """How an objection was handled: 成立 (the cluster leaves the list) or 不成立, with what was checked."""
    handling = policy.text(handling, "核实情况与处理意见")
    with policy.step(con):
        access.require(con, username, "record_objection")
        found = queries.run(con, "objection", objection_id=int(objection_id))
        if found.empty:
            raise PolicyError(f"异议第 {objection_id} 号不存在。")
        objection = found.iloc[0]
        _publicity(con, objection.subject, int(objection.subject_id))  # still in 公示 (not decided)
        finding = "成立" if upheld else "不成立"
        queries.run(
            con,
            "objection_handle",
            objection_id=int(objection_id),
            finding=finding,
            handling=handling,
            username=username,
        )
        policy.event(
            con,
            username,
            objection.cluster_id,
            f"异议{finding}",
            detail=handling,
            reference=f"异议第 {objection_id} 号",
        )
        audit.record(con, username, "处理公示异议", detail=f"异议第 {objection_id} 号：{finding}。{handling}")


def _publicity(con, subject: str, subject_id: int) -> tuple[date, date, set[str]]:
    """The days of the 公示 and the clusters it lists; refused unless the subject is in 公示 now."""
    if subject == "认定":
        found = queries.run(con, "campaign", campaign_id=int(subject_id))
        listed = queries.run(con, "candidates", campaign_id=int(subject_id))
        listed = set(listed[listed.shortlisted.astype(bool)].cluster_id)
    elif subject == "撤销":
        found = queries.run(con, "revocation", revocation_id=int(subject_id))
        listed = set(found.cluster_id)
    else:
        raise PolicyError(f"未知的公示类型“{subject}”。")
    if found.empty:
        raise PolicyError(f"{subject}第 {subject_id} 号不存在。")
    if found.status.iloc[0] != "公示中":
        raise PolicyError(f"{subject}第 {subject_id} 号当前为“{found.status.iloc[0]}”，不在公示中。")
    return day(found.publicity_start.iloc[0]), day(found.publicity_end.iloc[0]), listed


def may_decide(con, subject: str, subject_id: int, end: date, today: date) -> None:
    """Refused unless the 公示 ended before ``today`` and every objection is handled."""
    if today <= end:
        raise PolicyError(f"公示期到 {end:%Y-%m-%d} 结束，{end:%Y-%m-%d} 之后才能确定。")
    if left := unhandled(con, subject, subject_id):
        raise PolicyError(f"还有 {left} 条异议未处理，处理后才能确定。")
