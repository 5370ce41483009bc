"""The KPI strip: clusters, revenue and tier counts of a selection, against the policy targets.

Drawn as one block of HTML rather than six ``st.metric`` columns: one element reaches the browser faster than
twenty, and its type can be sized for a projector.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd
import streamlit as st

import store
from components.sidebar import Filters


@dataclass(frozen=True)
class Kpi:
    label: str
    field: str  # column of the ``tier_counts`` query
    metric: str  # target metric in ``targets``
    unit: str


KPIS = (
    Kpi("集群数", "clusters", "cluster_count", "个"),
    Kpi("营收合计", "revenue", "total_revenue", "亿元"),
    Kpi("百亿级", "clusters_100", "clusters_100", "个"),
    Kpi("300–500亿级", "clusters_300_500", "clusters_300_500", "个"),
    Kpi("500亿级以上", "clusters_500", "clusters_500", "个"),
    Kpi("千亿级", "clusters_1000", "clusters_1000", "个"),
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


def value_text(value: float, unit: str) -> str:
    return f"{value:,.1f}" if unit == "亿元" else f"{value:,.0f}"


def strip_html(counts: pd.Series, targets: pd.DataFrame | None) -> str:
    """The strip for one row of ``tier_counts``; ``targets`` None leaves the targets out (a city or region)."""
    cards = []
    for k in KPIS:
        target = target_text(targets, k.metric) if targets is not None else ""
        cards.append(
            f'<div class="kpi" data-kpi="{k.field}"><div class="kpi-label">{k.label}</div>'
            f'<div class="kpi-value">{value_text(counts[k.field], k.unit)}<small>{k.unit}</small></div>'
            f'<div class="kpi-target">{html.escape(target) or "&nbsp;"}</div></div>')
    strip = f'<div class="kpi-strip" role="group" aria-label="集群指标">{"".join(cards)}</div>'
    if targets is not None:
        docs = targets.drop_duplicates("source_doc")
        items = "".join(f"<li>〔{html.escape(d)}〕{html.escape(t)}</li>" for d, t in zip(docs.source_doc,
                                                                                      docs.source_title))
        strip += f'<details class="kpi-sources"><summary>目标来源（〔〕内为政策文件编号）</summary><ul>{items}</ul></details>'
    return strip


def render(filters: Filters) -> None:
    """Draw the strip for the filtered selection; targets are shown for the whole province only."""
    counts = store.query("tier_counts", year=filters.year, region=filters.region, city=filters.city).iloc[0]
    province = filters.region is None and filters.city is None
    targets = store.query("policy_targets") if province else None
    st.markdown(strip_html(counts, targets), unsafe_allow_html=True)
