"""The map legend, drawn as HTML beside the map (large type for projectors)."""

from __future__ import annotations

import html

import numpy as np
import streamlit as st

from geo.choropleth import OUTSIDE, LegendItem


def render(title: str, items: list[LegendItem], selected) -> None:
    """One swatch per class with its label and number of counties in the view (``selected``: a boolean per
    county); a grey swatch with the number of counties outside the view when a filter is active."""
    outside = int((~np.asarray(selected, dtype=bool)).sum())
    rows = [
        f'<span class="legend-item"><i style="background:{i.color}"></i>{html.escape(i.label)}'
        f"<small>（{i.counties}）</small></span>"
        for i in items
    ]
    if outside:
        rows.append(
            f'<span class="legend-item"><i style="background:{OUTSIDE}"></i>筛选范围以外<small>（{outside}）</small></span>'
        )
    st.markdown(
        f'<div class="legend" aria-label="图例"><b>{html.escape(title)}</b>{"".join(rows)}</div>',
        unsafe_allow_html=True,
    )
