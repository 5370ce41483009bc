"""认定公示: what is (or was) in 公示 — the year's 入围名单 (seed 004 第十条(三): 公示5个工作日) and each 撤销
(第十四条) — open to everyone allowed to read; the objections and their handling; the notice and the final list."""

import streamlit as st

import store
from components import attempt, publicity_views, session, sidebar

sidebar.current(__file__)  # (a first visit straight to this address goes through app.py first)
current = session.current()
st.title("认定公示")
attempt.flash()
con = store.cursor()
campaigns = store.live("campaigns")
campaigns = campaigns[campaigns.status.isin(["公示中", "已确定"])]
revocations = store.live("revocations")
revocations = revocations[revocations.publicity_start.notna()]
if campaigns.empty and revocations.empty:
    st.info("目前没有公示。省级集群认定的入围名单和撤销省级称号的决定在公示期内在此发布。")
choices = {
    f"c{r.campaign_id}": f"{r.year}年度省级集群认定 · {publicity_views.stage(r)}" for r in campaigns.itertuples()
}
choices |= {
    f"r{r.revocation_id}": f"撤销{r.name}省级称号 · {publicity_views.stage(r)}" for r in revocations.itertuples()
}
if choices:
    picked = st.selectbox("公示", list(choices), format_func=choices.get, key="publicity_pick")
    if picked.startswith("c"):
        row = campaigns.set_index("campaign_id").loc[int(picked[1:])].copy()
        row["campaign_id"] = int(picked[1:])
        publicity_views.campaign(con, current, row)
    else:
        row = revocations.set_index("revocation_id").loc[int(picked[1:])].copy()
        row["revocation_id"] = int(picked[1:])
        publicity_views.revocation(con, current, row)
