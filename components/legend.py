"""The map legend, drawn as HTML beside the map (large type for projectors)."""

from __future__ import annotations

import html

import streamlit as st

from geo.choropleth import OUTSIDE, LegendItem


def render(title: str, items: list[LegendItem], filtered: bool) -> None:
    """One swatch per class with its label and number of counties; a grey swatch when a filter is active."""
    rows = [
        f'<span class="legend-item"><i style="background:{i.color}"></i>{html.escape(i.label)}'
        f"<small>（{i.counties}）</small></span>"
        for i in items
    ]
    if filtered:
        rows.append(f'<span class="legend-item"><i style="background:{OUTSIDE}"></i>筛选范围以外</span>')
    st.markdown(
        f'<div class="legend" aria-label="图例"><b>{html.escape(title)}</b>{"".join(rows)}</div>',
        unsafe_allow_html=True,
    )
