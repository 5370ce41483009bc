"""The 县域首位产业集群培育库 (seed 000 §二(一)2: 县申报、市审核、省确认; seed 004 第五条: 省集群培育库, 定期调度、
考核评价和动态调整).

A county's filer applies a cluster of the county (its confirmed data) with the case for it; the city's reviewer
approves or returns it; the province confirms it, and the cluster enters the pool (入库), or returns it. The
province administrator can roll a confirmation back while nothing else has happened to the entry since. In the pool
a cluster moves 入库 → 培育 (the province takes it into its 调度) → 省级认定 (``records.recognition``) → 撤销
(``records.revocation``), or 退出 (withdrawn, with a reason). Every step checks the acting user's role and region
in the store, runs in one transaction, writes a line of the cluster's history and one of the audit log.
"""

from __future__ import annotations

from datetime import date

import queries
from records import access, audit, policy
from records.policy import PolicyError

ACTIVE = ("入库", "培育", "省级认定")  # statuses of a cluster in the pool now (撤销 and 退出 have left it)


def apply(con, username: str, cluster_id: str, year: int, note: str, today: date | None = None) -> int:
    """A county's application of one of its clusters to the pool (已提交); returns its number."""
    note = policy.text(note, "申报理由（首位产业布局与培育方案）")
    with policy.step(con):
        cluster = policy.cluster(con, cluster_id)
        access.require(con, username, "submit", cluster.adcode)
        if cluster.pool_status in ACTIVE:
            raise PolicyError(f"{cluster['name']}已在培育库中（{cluster.pool_status}），无需再申报。")
        if not queries.run(con, "pool_applications_open", cluster_id=cluster_id).empty:
            raise PolicyError(f"{cluster['name']}已有一份申报在审核中，请等待审核结果。")
        application = int(
            queries.run(
                con,
                "pool_application_insert",
                cluster_id=cluster_id,
                adcode=cluster.adcode,
                year=year,
                note=note,
                username=username,
                now=policy.now(),
            ).application_id.iloc[0]
        )
        policy.event(con, username, cluster_id, "县申报", detail=note, reference=_reference(application), today=today)
        audit.record(
            con, username, "培育库申报", adcode=cluster.adcode, year=year, detail=_detail(cluster, application)
        )
    return application


def city_review(con, username: str, application_id: int, approve: bool, comment: str = "", today=None) -> None:
    """The city's decision on an application: 市级通过, or 市级退回 with a comment saying why."""
    _review(con, username, application_id, approve, comment, "city_review", "已提交", ("市级通过", "市级退回"), today)


def province_review(con, username: str, application_id: int, approve: bool, comment: str = "", today=None) -> None:
    """The province's decision on a city-approved application: 已确认 (the cluster enters the pool, 入库), or 省级退回
    with a comment."""
    _review(
        con, username, application_id, approve, comment, "province_review", "市级通过", ("已确认", "省级退回"), today
    )


def _review(con, username, application_id, approve, comment, action, expected, outcomes, today) -> None:
    comment = policy.text(comment, "退回理由" if not approve else "审核意见", required=not approve)
    day = today or date.today()
    with policy.step(con):
        application = _application(con, application_id)
        access.require(con, username, action, application.adcode)
        if application.status != expected:
            raise PolicyError(
                f"培育库申报第 {application_id} 号当前状态为“{application.status}”，不能{access.ACTIONS[action].name}。"
            )
        status = outcomes[0] if approve else outcomes[1]
        queries.run(
            con,
            "pool_application_set_status",
            application_id=application_id,
            status=status,
            comment=comment,
            now=policy.now(),
        )
        reference = _reference(application_id)
        step = {"已确认": "入库"}.get(status, status)
        if status == "已确认":
            queries.run(
                con,
                "pool_enter",
                cluster_id=application.cluster_id,
                adcode=application.adcode,
                today=day,
                reference=reference,
                source_id=f"pool-application-{application_id}",
            )
        policy.event(
            con,
            username,
            application.cluster_id,
            step,
            status="入库" if status == "已确认" else None,
            detail=comment,
            reference=reference,
            today=day,
        )
        audit.record(
            con,
            username,
            f"培育库{step}",
            adcode=application.adcode,
            year=int(application.year),
            detail=_detail(application, application_id) + (f"：{comment}" if comment else ""),
        )


def rollback(con, username: str, application_id: int, today: date | None = None) -> None:
    """Undo the confirmation of an application (a 省级管理员): the cluster leaves the pool, or goes back to the
    status it had before, provided nothing has happened to its entry since."""
    with policy.step(con):
        application = _application(con, application_id)
        access.require(con, username, "rollback", application.adcode)
        if application.status != "已确认":
            raise PolicyError(
                f"培育库申报第 {application_id} 号当前状态为“{application.status}”，只有已确认的申报可以回滚。"
            )
        reference = _reference(application_id)
        entry = queries.run(con, "pool_entry_event", cluster_id=application.cluster_id, reference=reference)
        if entry.empty or bool(entry.later.iloc[0]):
            raise PolicyError(f"{application['name']}入库后已有后续环节（培育、推荐、认定或退出），不能回滚这次入库。")
        before = queries.run(
            con, "pool_status_before", cluster_id=application.cluster_id, event_id=int(entry.event_id.iloc[0])
        )
        if before.empty:
            queries.run(con, "pool_delete", cluster_id=application.cluster_id)
        queries.run(
            con,
            "pool_application_set_status",
            application_id=application_id,
            status="已回滚",
            comment=None,
            now=policy.now(),
        )
        policy.event(
            con,
            username,
            application.cluster_id,
            "回滚",
            status=None if before.empty else before.status.iloc[0],
            detail=f"撤销第 {application_id} 号申报的入库确认",
            reference=reference,
            today=today,
        )
        audit.record(
            con,
            username,
            "培育库回滚",
            adcode=application.adcode,
            year=int(application.year),
            detail=_detail(application, application_id),
        )


def cultivate(con, username: str, cluster_id: str, reference: str | None = None, today=None) -> None:
    """The province takes a cluster of the pool into its 定期调度 (入库 → 培育)."""
    _move(con, username, cluster_id, ("入库",), "培育", "培育", "纳入定期调度", reference, today)


def withdraw(con, username: str, cluster_id: str, reason: str, reference: str | None = None, today=None) -> None:
    """A cluster leaves the pool at the county's request or the province's decision (退出), with the reason."""
    reason = policy.text(reason, "退出理由")
    _move(con, username, cluster_id, ("入库", "培育"), "退出", "退出", reason, reference, today)


def _move(con, username, cluster_id, allowed_from, status, step, detail, reference, today) -> None:
    reference = policy.text(reference, "文号", required=False, limit=100)
    with policy.step(con):
        cluster = policy.cluster(con, cluster_id)
        access.require(con, username, "manage_pool", cluster.adcode)
        if cluster.pool_status not in allowed_from:
            now = cluster.pool_status or "不在培育库中"
            raise PolicyError(f"{cluster['name']}当前为“{now}”，不能改为“{status}”。")
        policy.event(con, username, cluster_id, step, status=status, detail=detail, reference=reference, today=today)
        audit.record(con, username, f"培育库{step}", adcode=cluster.adcode, detail=f"{cluster['name']}：{detail}")


def _application(con, application_id: int):
    found = queries.run(con, "pool_application", application_id=int(application_id))
    if found.empty:
        raise PolicyError(f"培育库申报第 {application_id} 号不存在。")
    return found.iloc[0]


def _reference(application_id: int) -> str:
    return f"培育库申报第 {application_id} 号"


def _detail(row, application_id: int) -> str:
    return f"{row['name']}（{row.county}），{_reference(application_id)}"
