"""The KPI strip: clusters, revenue and tier counts of a selection, against the policy targets."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import store
from components.sidebar import Filters

# KPI label -> (column of tier_counts, target metric, unit); labels stay short to fit a 1366 px laptop
KPIS = (
    ("集群数", "clusters", "cluster_count", "个"),
    ("营收合计（亿元）", "revenue", "total_revenue", "亿元"),
    ("百亿级", "clusters_100", "clusters_100", "个"),
    ("300–500亿级", "clusters_300_500", "clusters_300_500", "个"),
    ("500亿级以上", "clusters_500", "clusters_500", "个"),
    ("千亿级", "clusters_1000", "clusters_1000", "个"),
)


def target_text(targets: pd.DataFrame, metric: str, years=(2025, 2027)) -> str:
    """e.g. '目标 2025年 35〔001〕 · 2027年 45〔001〕/50〔000〕' for the metric's targets in ``years``."""
    parts = []
    for year in years:
        rows = targets[(targets.metric == metric) & (targets.year == year)]
        if not rows.empty:
            values = "/".join(f"{v:,.0f}〔{d}〕" for v, d in zip(rows.value, rows.source_doc))
            parts.append(f"{year}年 {values}")
    return "目标 " + " · ".join(parts) if parts else ""


def render(filters: Filters) -> None:
    """Draw the strip for the filtered selection; targets are shown for the whole province only."""
    counts = store.query("tier_counts", year=filters.year, region=filters.region, city=filters.city).iloc[0]
    targets = store.query("policy_targets")
    province = filters.region is None and filters.city is None
    columns = st.columns(len(KPIS))
    for column, (label, field, metric, unit) in zip(columns, KPIS):
        value = counts[field]
        text = f"{value:,.0f}" if unit != "亿元" else f"{value:,.1f}"
        with column:
            st.metric(label, text)
            if province:
                st.caption(target_text(targets, metric) or "—")
    if province:
        docs = targets.drop_duplicates("source_doc")
        with st.expander("目标来源（〔000〕〔001〕〔002〕为政策文件编号）"):
            st.markdown("\n".join(f"- 〔{d}〕{t}" for d, t in zip(docs.source_doc, docs.source_title)))
