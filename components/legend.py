"""The map legend, drawn as HTML beside the map (large type for projectors), and a county map with its legend."""

from __future__ import annotations

import html
from collections.abc import Callable

import folium
import geopandas as gpd
import numpy as np
import streamlit as st

import settings
import store
from components import map_view
from geo import boundaries, choropleth
from geo.choropleth import OUTSIDE, LegendItem
from server import routes


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


def county_map(
    shapes,
    metric,
    selected,
    *,
    key: str,
    title: str,
    height: int = 560,
    add: Callable[[folium.Map], None] | None = None,
    counted_only: bool = False,
) -> None:
    """A county choropleth of ``metric`` as the staff and reading pages draw it beside a list: built
    (``choropleth.build_map``), with ``add`` drawing extra layers, shown without reporting clicks, the mouse wheel
    left to the page, and its legend under it (``counted_only``: only classes with counties in the view)."""
    fmap, items = choropleth.build_map(
        shapes,
        metric,
        selected,
        static_url=routes.static_url(),
        basemap_url=settings.BASEMAP_URL,
        basemap_attribution=settings.BASEMAP_ATTRIBUTION,
        scroll_zoom=False,
    )
    if add is not None:
        add(fmap)
    map_view.show(fmap, key=key, height=height, use_container_width=True, returned_objects=[])
    render(title, [i for i in items if i.counties] if counted_only else items, selected)


def county_shapes(values) -> gpd.GeoDataFrame:
    """The 104 county shapes with their name and city, and ``values`` (by adcode; counties without a row keep NaN),
    for ``county_map``."""
    shapes = boundaries.counties()[["adcode", "geometry"]].merge(
        store.query("counties")[["adcode", "name", "city"]], on="adcode", validate="1:1"
    )
    return gpd.GeoDataFrame(shapes.merge(values, on="adcode", how="left"))
