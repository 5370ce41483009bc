"""培育与认定: the policy cycle the department runs (seed 000 §二(一)2, §三(三); seed 004 第五、八–十、十四条) — the
培育库 on the map and its entry steps, the year's 认定 campaign, and 动态调整 (撤销). Each user sees the steps of their
role; the data layer checks every step again."""

import streamlit as st

from components import attempt, campaign_views, pool_views, revocation_views, session, sidebar, target_views

filters = sidebar.current(__file__)
current = session.current()
st.title(f"培育与认定 · {filters.name}")
attempt.flash()
# The open tab is in the address (?tab=年度认定: a link, a bookmark and the rerun after a step keep it), and only
# the open tab's part runs.
pool, campaign, adjust, goals = st.tabs(
    ["培育库", "年度认定", "动态调整", "目标与缺口"], key="tab", on_change="rerun", bind="query-params"
)
if pool.open:
    with pool:
        pool_views.render(filters, current)
if campaign.open:
    with campaign:
        campaign_views.render(current)
if adjust.open:
    with adjust:
        revocation_views.render(current)
if goals.open:
    with goals:
        target_views.render(filters, current)
