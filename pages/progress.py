"""报送进度: for a year, where each county's 集群年度数据 and 企业名录 stand in 县申报 → 市审核 → 省确认, on a map and
in a table (a city's reviewer sees their city first)."""

from datetime import date

import pandas as pd
import streamlit as st

import store
from components import legend, session
from geo import boundaries, choropleth
from uploads import kinds, spec

STAGES = (
    ("未报送", "#e5e7eb"),
    ("已提交", "#fde68a"),
    ("市级退回", "#fca5a5"),
    ("市级通过", "#93c5fd"),
    ("省级退回", "#f87171"),
    ("已确认", "#22c55e"),
    ("已回滚", "#a78bfa"),
    ("已撤回", "#d1d5db"),
)

current = session.current()
st.title("报送进度")
top = st.columns([1, 2])
year = top[0].selectbox(
    "数据年度", list(range(date.today().year, 2018, -1)), index=1, key="progress_year", format_func=lambda y: f"{y}年"
)
kind = top[1].segmented_control("数据类型", list(kinds.NAMES), default=spec.CLUSTERS, key="progress_kind")
kind = kind or spec.CLUSTERS

progress = store.query("submission_progress", year=year)
rows = progress[progress.kind == kind]
counts = rows.status.value_counts()
st.markdown("　".join(f"**{s}** {int(counts.get(s, 0))}" for s, _ in STAGES if counts.get(s, 0)))

counties = boundaries.counties()[["adcode", "geometry"]].merge(
    rows[["adcode", "county", "city", "status"]].rename(columns={"county": "name"}), on="adcode", validate="1:1"
)
counties["leading_industry"] = counties.status
metric = choropleth.Metric(
    "status", f"{kind}报送状态", categorical=True, palette=STAGES, extra=("leading_industry", "状态")
)
selected = pd.Series(True, index=counties.index)
if current is not None and current.city:
    selected = pd.Series(
        (rows.set_index("adcode").city_adcode.reindex(counties.adcode) == current.adcode).to_numpy(),
        index=counties.index,
    )
left, right = st.columns([3, 2], gap="medium")
with left:
    legend.county_map(counties, metric, selected, key="progress_map", title=metric.label, height=600, counted_only=True)
with right:
    table = pd.DataFrame(
        {
            "市": rows.city,
            "区县": rows.county,
            "状态": rows.status,
            "批次": rows.batch_id.map(lambda b: "" if pd.isna(b) else f"第 {int(b)} 批"),
            "更新时间": rows.updated_at.dt.strftime("%Y-%m-%d %H:%M").fillna(""),
        }
    )
    if current is not None and current.city:
        table = pd.concat([table[selected.to_numpy()], table[~selected.to_numpy()]])
    st.dataframe(table, hide_index=True, width="stretch", height=600, key="progress_table")
