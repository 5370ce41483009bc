"""培育与认定 · 培育库: the pool laid out on the map and listed by status, in the sidebar's scope, with exports; and,
for staff, the steps of entry (县申报 → 市审核 → 省确认, rollback) and the province's 培育 / 退出. Every step is
checked again in the data layer (``records.cultivation``)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

import store
from analysis import cultivation as cv
from analysis import formats
from analysis.scope import Scope
from components import attempt, downloads, legend, plain, session
from geo import boundaries, choropleth
from records import access, cultivation

METRIC = choropleth.Metric(
    "status",
    "培育库布局",
    categorical=True,
    palette=cv.PALETTE,
    detail="detail",
    extra=("leading_industry", "首位产业"),
)
COLUMNS = {
    "name": "集群",
    "county": "县区",
    "city": "所属市",
    "industry": "产业",
    "level": "级别",
    "status": "培育库状态",
    "entered_on": "入库日期",
    "updated_on": "状态变更日期",
    "reference": "依据",
    "revenue": "营业收入（亿元）",
    "revenue_year": "营收年份",
}


def render(filters: Scope, current: access.User | None) -> None:
    entries = store.live("pool_entries")
    counties = store.query("county_metrics", year=filters.year)
    inside = filters.covers(counties)
    shown = entries[entries.adcode.isin(set(counties[inside].adcode))]
    counts = cv.counts(shown)
    st.markdown(
        f"**{filters.name}培育库 {sum(counts[s] for s in cv.STATUSES[:3])} 个集群**："
        + "　".join(f"{s} **{n}**" for s, n in counts.items())
        + "　<small>（〔000〕县申报、市审核、省确认；〔004〕第五条 定期调度、考核评价和动态调整）</small>",
        unsafe_allow_html=True,
    )
    left, right = st.columns([3, 2], gap="medium")
    with left:
        layout = cv.county_layout(entries, counties.adcode)
        shapes = boundaries.counties()[["adcode", "geometry"]].merge(
            counties[["adcode", "name", "city", "leading_industry"]].merge(layout, on="adcode"), on="adcode"
        )
        selected = pd.Series(inside.to_numpy(), index=shapes.index)
        legend.county_map(shapes, METRIC, selected, key="pool_map", title="各县培育库集群的最高状态")
    with right:
        picked = st.multiselect("状态", cv.STATUSES, default=cv.STATUSES[:3], key="pool_statuses")
        table = shown[shown.status.isin(picked)][list(COLUMNS)]
        table = table.assign(entered_on=formats.days(table.entered_on), updated_on=formats.days(table.updated_on))
        table = table.rename(columns=COLUMNS)
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            height=460,
            column_config={"营业收入（亿元）": st.column_config.NumberColumn(format="%,.1f")},
        )
        downloads.buttons(table, f"培育库_{filters.name}", key="pool_list", label="培育库名单")
    if current is not None:
        staff(current, entries)


def staff(current: access.User, entries: pd.DataFrame) -> None:
    con = store.cursor()
    if access.allowed(current, "submit"):
        apply_form(con, current, entries)
    stage = "city_review" if access.allowed(current, "city_review") else "province_review"
    if access.allowed(current, stage):
        review(con, current, stage)
    if access.allowed(current, "manage_pool"):
        manage(con, entries)


def apply_form(con, current: access.User, entries: pd.DataFrame) -> None:
    clusters = store.query("cluster_names")
    active = set(entries[entries.status.isin(cultivation.ACTIVE)].cluster_id)
    open_ = set(store.live("pool_applications", statuses=["已提交", "市级通过"]).cluster_id)
    options = clusters[~clusters.cluster_id.isin(active | open_)]
    if current.county:
        options = options[options.adcode == current.county]
    with st.expander(f"申报入库（县申报；可申报的集群 {len(options)} 个）"):
        if options.empty:
            st.caption("本县的集群都已在培育库中或在审核中。")
            return
        names = dict(zip(options.cluster_id, options.name))
        cluster = st.selectbox("集群", list(names), format_func=names.get, key="pool_apply_cluster")
        note = st.text_area("申报理由（首位产业布局与培育方案）", key="pool_apply_note", max_chars=2000)
        if st.button("提交申报", type="primary", key="pool_apply"):
            attempt.attempt(
                lambda: cultivation.apply(con, session.username(), cluster, date.today().year, note),
                lambda n: f"已提交培育库申报第 {n} 号，等待市级审核。",
            )


def review(con, current: access.User, stage: str) -> None:
    city = stage == "city_review"
    waiting = store.live("pool_applications", statuses=["已提交" if city else "市级通过"])
    if city:
        waiting = waiting[waiting.city_adcode == current.city]
    name = "市级审核" if city else "省级确认"
    with st.expander(f"培育库申报待{name}（{len(waiting)} 份）", expanded=not waiting.empty):
        if waiting.empty:
            st.caption(f"没有待{name}的申报。")
            return
        labels = {
            int(r.application_id): f"第 {r.application_id} 号 · {r.name}（{r.county}）" for r in waiting.itertuples()
        }
        chosen = st.selectbox("申报", list(labels), format_func=labels.get, key="pool_review_pick")
        row = waiting.set_index("application_id").loc[chosen]
        st.markdown(f"**{plain.md(row['name'])}**　{row.submitter}，{row.submitted_at:%Y-%m-%d}")
        st.markdown(f"申报理由：{plain.md(row.note)}")
        comment = st.text_area("审核意见（退回时必填）", key=f"pool_review_comment_{chosen}", max_chars=2000)
        step = cultivation.city_review if city else cultivation.province_review
        ok, back = st.columns(2)
        if ok.button("审核通过" if city else "确认入库", type="primary", key="pool_review_ok", width="stretch"):
            attempt.attempt(
                lambda: step(con, session.username(), chosen, True, comment),
                f"第 {chosen} 号已{'市级通过' if city else '确认入库'}。",
            )
        if back.button("退回", key="pool_review_back", width="stretch"):
            attempt.attempt(lambda: step(con, session.username(), chosen, False, comment), f"第 {chosen} 号已退回。")


def manage(con, entries: pd.DataFrame) -> None:
    with st.expander("调整培育库（纳入培育、退出、回滚入库）"):
        movable = entries[entries.status.isin(["入库", "培育"])]
        names = {r.cluster_id: f"{r.name}（{r.status}）" for r in movable.itertuples()}
        if names:
            cluster = st.selectbox("集群", list(names), format_func=names.get, key="pool_manage_cluster")
            reference = st.text_input("文号（可选）", key="pool_manage_reference", max_chars=100)
            reason = st.text_input("退出理由（退出时必填）", key="pool_manage_reason", max_chars=2000)
            into, out = st.columns(2)
            if into.button("纳入培育（定期调度）", key="pool_cultivate", width="stretch"):
                attempt.attempt(
                    lambda: cultivation.cultivate(con, session.username(), cluster, reference), "已纳入培育。"
                )
            if out.button("退出培育库", key="pool_withdraw", width="stretch"):
                attempt.attempt(
                    lambda: cultivation.withdraw(con, session.username(), cluster, reason, reference), "已退出培育库。"
                )
        confirmed = store.live("pool_applications", statuses=["已确认"])
        if not confirmed.empty:
            labels = {
                int(r.application_id): f"第 {r.application_id} 号 · {r.name}（{r.county}）"
                for r in confirmed.itertuples()
            }
            chosen = st.selectbox("回滚已确认的入库", list(labels), format_func=labels.get, key="pool_rollback_pick")
            if st.button("回滚这次入库", key="pool_rollback"):
                attempt.attempt(
                    lambda: cultivation.rollback(con, session.username(), chosen), f"第 {chosen} 号的入库已回滚。"
                )
