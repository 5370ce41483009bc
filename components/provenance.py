"""Where a page's figures come from: under the KPI scorecard, a cluster's profile and the 赛马 scores, a fold that
lists each source of the year's cluster figures in the scope — 公开报道 with the document, 上报数据 with the confirmed
batch, 示例生成 — with how many figures (and which indicators) each gives. The same text goes into the exports."""

from __future__ import annotations

import html

import streamlit as st

import store
from analysis.provenance import lines, summary


def render(year: int, region: str | None = None, city: str | None = None, cluster: str | None = None) -> None:
    """The fold for the cluster figures of ``year`` in the scope (or of one cluster)."""
    sources = store.query("figure_sources", year=year, region=region, city=city, cluster=cluster)
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines(sources))
    st.html(
        f'<details class="figure-sources"><summary>数据来源（{year}年）：{html.escape(summary(sources))}</summary>'
        f"<ul>{items}</ul></details>"
    )
