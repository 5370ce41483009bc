"""培育与认定: the policy cycle the department runs (seed 000 §二(一)2, §三(三); seed 004 第五、八–十、十四条) — the
培育库 on the map and its entry steps, the year's 认定 campaign, and 动态调整 (撤销). Each user sees the steps of their
role; the data layer checks every step again."""

import streamlit as st

from components import attempt, campaign_views, pool_views, revocation_views, session, sidebar

filters = sidebar.current(__file__)
current = session.current()
st.title(f"培育与认定 · {filters.name}")
attempt.flash()
pool, campaign, adjust = st.tabs(["培育库", "年度认定", "动态调整"])
with pool:
    pool_views.render(filters, current)
with campaign:
    campaign_views.render(current)
with adjust:
    revocation_views.render(current)
