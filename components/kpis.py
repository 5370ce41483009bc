"""The KPI scorecard: clusters, revenue and tier counts of a selection, against the 2025 and 2027 targets.

Drawn as one HTML table rather than many ``st.metric`` columns: one element reaches the browser sooner, and a
table keeps the targets (with their documents) next to the values in the narrow column beside the map.
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

import store
from analysis.scope import Scope
from analysis.scorecard import KPIS, TARGET_YEARS, Kpi, target_gap, value_text


def target_cell(targets: pd.DataFrame, kpi: Kpi, year: int, value: float) -> str:
    """e.g. '45〔001〕/50〔000〕 差 21' — every document's figure, and how far the value is from the lowest."""
    gap = target_gap(targets, kpi.metric, year, value)
    if gap is None:
        return "—"
    figures = "/".join(f"{value_text(v, kpi.unit)}〔{html.escape(d)}〕" for v, d in gap.figures)
    return f'{figures} <span class="{"met" if gap.met else "gap"}">{gap.status(kpi.unit)}</span>'


def scorecard_html(counts: pd.Series, year: int, targets: pd.DataFrame | None) -> str:
    """The table for one row of ``tier_counts``; ``targets`` None leaves the target columns out (city, region)."""
    years = TARGET_YEARS if targets is not None else ()
    head = "".join(f"<th>{y}年目标</th>" for y in years)
    rows = []
    for k in KPIS:
        value = counts[k.field]
        cells = "".join(f"<td>{target_cell(targets, k, y, value)}</td>" for y in years)
        rows.append(
            f'<tr data-kpi="{k.field}"><th>{k.label}</th>'
            f'<td class="kpi-value">{value_text(value, k.unit)}<small>{k.unit}</small></td>{cells}</tr>'
        )
    table = (
        f'<table class="kpi-table" aria-label="集群指标"><thead><tr><th></th><th>{year}年</th>{head}</tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )
    if targets is not None:
        docs = targets.drop_duplicates("source_doc").sort_values("source_doc")
        items = "".join(
            f"<li>〔{html.escape(d)}〕{html.escape(t)}</li>" for d, t in zip(docs.source_doc, docs.source_title)
        )
        table += (
            f'<details class="kpi-sources"><summary>目标来源：〔〕内为政策文件编号；“差”按较低的目标计</summary>'
            f"<ul>{items}</ul></details>"
        )
    return table


@store.derived
def scorecard(year: int, region: str | None, city: str | None) -> str:
    """The scorecard's HTML for a selection; targets are provincial, so only for the whole province."""
    counts = store.query("tier_counts", year=year, region=region, city=city).iloc[0]
    targets = store.query("policy_targets") if region is None and city is None else None
    return scorecard_html(counts, year, targets)


def render(filters: Scope) -> None:
    """Draw the scorecard for the filtered selection."""
    st.html(scorecard(filters.year, filters.region, filters.city))
