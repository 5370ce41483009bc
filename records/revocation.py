"""动态调整: 撤销 a cluster's 省级 title (seed 004 第十四条: 连续两年未通过考核, 或有弄虚作假、违反相关法律法规的,
按程序撤销省级集群称号), as a procedure: proposal (with grounds and reason) → 公示 5 working days, objections
recorded and handled (``records.publicity``) → decision after the 公示. A decision to revoke puts the cluster back
to the level it had before its 认定 (市级 when the store never recorded one) and its pool status to 撤销, in one
transaction, audited; 不予撤销 leaves both.

The two-year ground is checked against the 赛马 scores in the store: the cluster must have failed its latest scored
year and the year before (``analysis.evaluation``, the configuration in force).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

import queries
from analysis import evaluation as ev
from records import access, audit, evaluation_config, policy, publicity
from records.policy import PolicyError

GROUNDS = ("连续两年未通过考核", "弄虚作假", "违反相关法律法规")
FALLBACK_LEVEL = "市级"


def propose(
    con,
    username: str,
    cluster_id: str,
    grounds: str,
    reason: str,
    proposed_on: date | None = None,
    today: date | None = None,
) -> int:
    """A proposal to revoke ``cluster_id``'s 省级 title, dated ``proposed_on`` (its document; default today, never
    later); returns its number."""
    today = today or date.today()
    proposed_on = proposed_on or today
    if proposed_on > today:
        raise PolicyError("提议日期不能晚于今天。")
    reason = policy.text(reason, "撤销理由")
    if grounds not in GROUNDS:
        raise PolicyError(f"撤销依据须为{'、'.join(GROUNDS)}之一（第十四条）。")
    with policy.step(con):
        cluster = policy.cluster(con, cluster_id)
        access.require(con, username, "revoke", cluster.adcode)
        if cluster.level != "省级":
            raise PolicyError(f"{cluster['name']}是{cluster.level}集群，没有可撤销的省级称号。")
        if not queries.run(con, "revocations_open", cluster_id=cluster_id).empty:
            raise PolicyError(f"{cluster['name']}已有一项撤销程序在进行中。")
        if grounds == GROUNDS[0] and not failed_twice(con, cluster_id):
            raise PolicyError(f"{cluster['name']}最近两年没有连续未通过考核（赛马评价），不能以此为依据撤销。")
        number = int(
            queries.run(
                con,
                "revocation_insert",
                cluster_id=cluster_id,
                grounds=grounds,
                reason=reason,
                proposed_on=proposed_on,
                username=username,
                now=policy.now(),
            ).revocation_id.iloc[0]
        )
        policy.event(
            con,
            username,
            cluster_id,
            "撤销提议",
            detail=f"{grounds}：{reason}",
            reference=_reference(number),
            today=today,
        )
        audit.record(con, username, "提议撤销集群称号", adcode=cluster.adcode, detail=f"{cluster['name']}，{grounds}")
    return number


def failed_twice(con, cluster_id: str) -> bool:
    """Whether the cluster failed the 赛马 pass score in its latest scored year and the year before."""
    scores = ev.score(queries.run(con, "cluster_indicators"), evaluation_config.current(con))
    own = scores[scores.cluster_id == cluster_id].sort_values("year")
    return bool(len(own) and own.flagged.iloc[-1])


def start_publicity(con, username: str, revocation_id: int, start: date, today: date | None = None) -> date:
    """The proposal goes to 公示 from ``start`` for 5 working days; returns its last day."""
    today = today or date.today()
    with policy.step(con):
        revocation = _revocation(con, revocation_id, "已提议")
        access.require(con, username, "revoke", revocation.adcode)
        begin, end = policy.publicity(start, publicity.day(revocation.proposed_on), today)
        queries.run(con, "revocation_publicity", revocation_id=int(revocation_id), start=begin, end=end)
        policy.event(
            con,
            username,
            revocation.cluster_id,
            "撤销公示",
            detail=f"{begin} 至 {end}",
            reference=_reference(revocation_id),
            today=today,
        )
        audit.record(
            con, username, "撤销公示", adcode=revocation.adcode, detail=f"{revocation['name']}：{begin} 至 {end}"
        )
    return end


def decide(con, username: str, revocation_id: int, revoke: bool, decision: str, today: date | None = None) -> None:
    """The decision after the 公示: 撤销 (the level goes back, the pool status becomes 撤销) or 不予撤销."""
    today = today or date.today()
    decision = policy.text(decision, "决定说明")
    with policy.step(con):
        revocation = _revocation(con, revocation_id, "公示中")
        access.require(con, username, "revoke", revocation.adcode)
        publicity.may_decide(con, "撤销", revocation_id, publicity.day(revocation.publicity_end), today)
        before = after = None
        if revoke:
            if revocation.level != "省级":
                raise PolicyError(f"{revocation['name']}现为{revocation.level}集群，没有可撤销的省级称号。")
            earlier = queries.run(con, "level_before_recognition", cluster_id=revocation.cluster_id)
            before = "省级"
            after = (
                earlier.level_before.iloc[0]
                if len(earlier) and pd.notna(earlier.level_before.iloc[0])
                else FALLBACK_LEVEL
            )
            queries.run(con, "cluster_set_level", cluster_id=revocation.cluster_id, level=after, recognised_year=None)
        status = "已撤销" if revoke else "不予撤销"
        queries.run(
            con,
            "revocation_decide",
            revocation_id=int(revocation_id),
            revocation_status=status,
            username=username,
            decision=decision,
            now=policy.now(),
            level_before=before,
            level_after=after,
        )
        in_pool = policy.cluster(con, revocation.cluster_id).pool_status is not None
        policy.event(
            con,
            username,
            revocation.cluster_id,
            "撤销" if revoke else "不予撤销",
            status="撤销" if revoke and in_pool else None,
            detail=decision + (f"（级别由省级调整为{after}）" if revoke else ""),
            reference=_reference(revocation_id),
            today=today,
        )
        audit.record(con, username, status, adcode=revocation.adcode, detail=f"{revocation['name']}：{decision}")


def _revocation(con, revocation_id: int, status: str) -> pd.Series:
    found = queries.run(con, "revocation", revocation_id=int(revocation_id))
    if found.empty:
        raise PolicyError(f"撤销第 {revocation_id} 号不存在。")
    revocation = found.iloc[0]
    if revocation.status != status:
        raise PolicyError(f"撤销第 {revocation_id} 号当前为“{revocation.status}”，这一步要在“{status}”时进行。")
    return revocation


def _reference(revocation_id: int) -> str:
    return f"撤销第 {revocation_id} 号"
