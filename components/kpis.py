"""The KPI scorecard: clusters, revenue and tier counts of a selection, against the 2025 and 2027 targets.

Drawn as one HTML table rather than many ``st.metric`` columns: one element reaches the browser sooner, and a
table keeps the targets (with their documents) next to the values in the narrow column beside the map.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd
import streamlit as st

import store
from components.sidebar import Filters

TARGET_YEARS = (2025, 2027)


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


def value_text(value: float, unit: str) -> str:
    """Counts as integers; 亿元 with one decimal unless whole (targets are round figures)."""
    return f"{value:,.1f}" if unit == "亿元" and not float(value).is_integer() else f"{value:,.0f}"


def target_cell(targets: pd.DataFrame, kpi: Kpi, year: int, value: float) -> str:
    """e.g. '45〔001〕/50〔000〕 差 21' — every document's figure, and how far the value is from the lowest."""
    rows = targets[(targets.metric == kpi.metric) & (targets.year == year)].sort_values("value")
    if rows.empty:
        return "—"
    figures = "/".join(f"{value_text(v, kpi.unit)}〔{html.escape(d)}〕" for v, d in zip(rows.value, rows.source_doc))
    gap = rows.value.iloc[0] - value
    status = ('<span class="met">已达到</span>' if gap <= 0
              else f'<span class="gap">差 {value_text(gap, kpi.unit)}</span>')
    return f"{figures} {status}"


def scorecard_html(counts: pd.Series, year: int, targets: pd.DataFrame | None) -> str:
    """The table for one row of ``tier_counts``; ``targets`` None leaves the target columns out (city, region)."""
    years = TARGET_YEARS if targets is not None else ()
    head = "".join(f"<th>{y}年目标</th>" for y in years)
    rows = []
    for k in KPIS:
        value = counts[k.field]
        cells = "".join(f"<td>{target_cell(targets, k, y, value)}</td>" for y in years)
        rows.append(f'<tr data-kpi="{k.field}"><th>{k.label}</th>'
                    f'<td class="kpi-value">{value_text(value, k.unit)}<small>{k.unit}</small></td>{cells}</tr>')
    table = (f'<table class="kpi-table" aria-label="集群指标"><thead><tr><th></th><th>{year}年</th>{head}</tr>'
             f'</thead><tbody>{"".join(rows)}</tbody></table>')
    if targets is not None:
        docs = targets.drop_duplicates("source_doc").sort_values("source_doc")
        items = "".join(f"<li>〔{html.escape(d)}〕{html.escape(t)}</li>"
                        for d, t in zip(docs.source_doc, docs.source_title))
        table += (f'<details class="kpi-sources"><summary>目标来源：〔〕内为政策文件编号；“差”按较低的目标计</summary>'
                  f'<ul>{items}</ul></details>')
    return table


def render(filters: Filters) -> None:
    """Draw the scorecard for the filtered selection; targets are provincial, so only for the whole province."""
    counts = store.query("tier_counts", year=filters.year, region=filters.region, city=filters.city).iloc[0]
    province = filters.region is None and filters.city is None
    targets = store.query("policy_targets") if province else None
    st.html(scorecard_html(counts, filters.year, targets))
