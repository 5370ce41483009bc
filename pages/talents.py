"""人才库: the talents and teams of a 人才计划 the counties filed (县申报 → 市审核 → 省确认, upload kind 人才库), in
numbers for every reader — by county on the map, by level, by county or cluster — and by name only for the roles that
handle them, each in their region (``records.talents``: checked in the data layer)."""

import html

import streamlit as st

import store
from components import downloads, session, sidebar, talent_views, url_state

filters = sidebar.current(__file__)
current = session.current()
GROUPS = {"区县": "county", "集群": "cluster"}
view = url_state.View(
    "talents",
    [url_state.Field("talent_industry", "industry"), url_state.Field("talent_group", "by", "区县")],
)
st.title(f"人才库 · {filters.name}")
st.caption(
    "各县（市、区）上报、市级审核、省级确认的人才计划入选人才和团队（数据上报 → 人才库）。"
    "统计数字对所有人公开；姓名属于个人信息，只向负责上报和审核的账号在其范围内显示。"
)
counts = store.query("talent_counts")
counts = counts[filters.covers(counts)]
counties = store.query("counties")
counties = counties[filters.covers(counties)]
industries = sorted(set(counts.industry))
view.take("talent_industry", industries)
view.take("talent_group", list(GROUPS))
industry = st.selectbox("产业", industries, key="talent_industry", index=None, placeholder="全部产业")
rows = counts[counts.industry == industry] if industry else counts
people = int(rows.talents[rows.kind == "个人"].sum())
teams = int(rows.talents[rows.kind == "团队"].sum())
st.html(
    f'<p class="list-count" data-talents="{people}" data-teams="{teams}"><b>个人 {people:,} 名、团队 {teams:,} 个</b>'
    f"　<span>合计 {int(rows.members.sum()):,} 人 · {html.escape(industry or '全部产业')}</span></p>"
)
if counts.empty:
    st.info("人才库尚无记录。各县（市、区）在“数据上报”中选择“人才库”上报，经市级审核、省级确认后在此显示。")
    view.stop(filters)

left, right = st.columns([3, 2], gap="medium")
with left:
    talent_views.county_map(rows, counties.adcode, key="talents_map")
with right:
    st.markdown("#### 按人才计划层级")
    levels = talent_views.by_level(rows)
    st.dataframe(levels, hide_index=True, width="stretch", key="talents_levels")
    st.caption("团队人数为各团队填报人数之和；个人计 1 人。")

group = st.segmented_control("按…汇总", list(GROUPS), key="talent_group") or "区县"
table = talent_views.by_group(rows, GROUPS[group], group)
st.dataframe(table, hide_index=True, width="stretch", height=min(420, 38 + 35 * len(table)), key="talents_groups")
downloads.buttons(table, f"人才库_按{group}汇总_{filters.name}", key="talents_groups_dl", label=f"按{group}汇总")

talent_views.named(current, set(counties.adcode), industry)
view.publish(filters)
