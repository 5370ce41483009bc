"""培育与认定 · 动态调整: the 省级 clusters that failed the 赛马 two years running (seed 004 第十四条), the 撤销
procedure (proposal → 公示 → decision) for the 省级管理员, and every 撤销 with its outcome. Checked again in the data
layer (``records.revocation``)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

import store
from analysis import formats
from components import attempt, campaign_views, evaluation_views, session
from records import access, revocation


def render(current: access.User | None) -> None:
    con = store.cursor()
    cfg = evaluation_views.config()
    _, scores = evaluation_views.scored(cfg)
    latest = scores.sort_values("year").groupby("cluster_id").tail(1)
    flagged = latest[latest.flagged & (latest.level == "省级")]
    st.markdown(
        f"**连续两年未通过考核的省级集群：{len(flagged)} 个**（赛马总分低于 {cfg.pass_score:g} 分，评价配置第 {cfg.version} 版；"
        "〔004〕第十四条：连续两年未通过考核，或有弄虚作假、违反相关法律法规的，按程序撤销省级集群称号）"
    )
    if not flagged.empty:
        st.dataframe(
            pd.DataFrame(
                {
                    "集群": flagged.name,
                    "县区": flagged.county,
                    "所属市": flagged.city,
                    "年份": flagged.year,
                    "赛马总分": flagged.total.round(1),
                }
            ),
            hide_index=True,
            width="stretch",
        )
    done = store.live("revocations")
    if current is not None and access.allowed(current, "revoke"):
        propose_form(con, scores, flagged)
        steps(con, done)
    st.markdown(f"**撤销程序（{len(done)} 项）**")
    if done.empty:
        st.caption("尚无撤销程序。")
        return
    st.dataframe(
        pd.DataFrame(
            {
                "编号": done.revocation_id,
                "集群": done.name,
                "县区": done.county,
                "依据": done.grounds,
                "理由": done.reason,
                "状态": done.status,
                "提议日期": formats.days(done.proposed_on),
                "公示开始": formats.days(done.publicity_start),
                "公示结束": formats.days(done.publicity_end),
                "决定": done.decision.fillna(""),
                "调整后级别": done.level_after.fillna(""),
            }
        ),
        hide_index=True,
        width="stretch",
    )


def propose_form(con, scores: pd.DataFrame, flagged: pd.DataFrame) -> None:
    titled = scores[scores.level == "省级"].drop_duplicates("cluster_id").sort_values("name")
    with st.expander("提议撤销省级称号"):
        names = dict(zip(titled.cluster_id, titled.name + "（" + titled.county + "）"))
        first = [c for c in flagged.cluster_id if c in names] + list(names)
        cluster = st.selectbox("集群", list(dict.fromkeys(first)), format_func=names.get, key="revoke_cluster")
        grounds = st.radio("依据（第十四条）", revocation.GROUNDS, horizontal=True, key="revoke_grounds")
        reason = st.text_area("撤销理由", key="revoke_reason", max_chars=2000)
        proposed_on = st.date_input("提议日期", date.today(), key="revoke_day", format="YYYY-MM-DD")
        if st.button("提议撤销", type="primary", key="revoke_propose"):
            attempt.attempt(
                lambda: revocation.propose(con, session.username(), cluster, grounds, reason, proposed_on),
                lambda n: f"已提议撤销（撤销第 {n} 号），下一步为公示。",
            )


def steps(con, done: pd.DataFrame) -> None:
    for r in done[done.status.isin(["已提议", "公示中"])].itertuples():
        with st.expander(f"撤销第 {r.revocation_id} 号 · {r.name} · {r.status}", expanded=True):
            step(con, r)


def step(con, r) -> None:
    """The next step of one 撤销 in progress: its 公示, then the decision."""
    number = int(r.revocation_id)
    if r.status == "已提议":
        start = st.date_input(
            "公示开始日期", campaign_views.next_working_day(), key=f"revoke_start_{number}", format="YYYY-MM-DD"
        )
        if st.button("开始公示（5个工作日）", key=f"revoke_publicity_{number}"):
            attempt.attempt(
                lambda: revocation.start_publicity(con, session.username(), number, start),
                lambda end: f"撤销公示已开始，至 {end:%Y-%m-%d}。",
            )
        return
    st.caption(f"公示期 {r.publicity_start:%Y-%m-%d} 至 {r.publicity_end:%Y-%m-%d}；异议在“认定公示”页登记和处理。")
    decision = st.text_area("决定说明", key=f"revoke_decision_{number}", max_chars=2000)
    yes, no = st.columns(2)
    if yes.button("决定撤销", type="primary", key=f"revoke_yes_{number}", width="stretch"):
        attempt.attempt(lambda: revocation.decide(con, session.username(), number, True, decision), "已撤销省级称号。")
    if no.button("不予撤销", key=f"revoke_no_{number}", width="stretch"):
        attempt.attempt(lambda: revocation.decide(con, session.username(), number, False, decision), "已决定不予撤销。")
