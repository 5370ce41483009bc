"""The enterprise map: county outlines, and a search's enterprises as points drawn on one canvas, or, when there
are too many to draw one by one, as grid cells sized by how many they hold.

Points are one GeoJSON layer per colour with a circle marker each (no per-feature style function: folium would
compute and serialise a style for each of 20,000 features). Every text property is HTML-escaped, because folium's
tooltip inserts property values as HTML.
"""

from __future__ import annotations

import html

import folium
import geopandas as gpd
import numpy as np
import pandas as pd

from geo.choropleth import CountyLayer, base_map

MAX_POINTS = 20_000  # a search with more matches is drawn as cells
HONOURED = "#b91c1c"  # enterprises holding at least one honour
PLAIN = "#2563eb"


def cell_size(region: str | None, city: str | None, counties: int) -> float:
    """Grid size in degrees for the aggregated view: finer the smaller the area searched."""
    if counties and counties <= 3:
        return 0.01
    if city or counties:
        return 0.03
    return 0.06 if region else 0.1


def _base(outline: gpd.GeoDataFrame, static_url: str, basemap_url: str, basemap_attribution: str) -> folium.Map:
    m = base_map(static_url, basemap_url, basemap_attribution, max_zoom=16, scroll_zoom=False, prefer_canvas=True)
    CountyLayer(outline[["adcode", "geometry"]], name="counties", interactive=False,
           style_function=lambda f: {"fillColor": "#f9fafb", "color": "#9ca3af", "weight": 0.8,
                                     "fillOpacity": 1}).add_to(m)
    minx, miny, maxx, maxy = outline.total_bounds
    m.fit_bounds([[miny, minx], [maxy, maxx]])
    return m


def _features(points: pd.DataFrame) -> dict:
    columns = [points[c].tolist() for c in ("uscc", "name", "county", "lon", "lat", "revenue", "honours")]
    features = [{
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {"uscc": uscc, "name": html.escape(name), "county": html.escape(county),
                       "revenue": f"{revenue:,.2f} 亿元" if revenue == revenue else "—", "honours": f"{honours} 项"},
    } for uscc, name, county, lon, lat, revenue, honours in zip(*columns)]
    return {"type": "FeatureCollection", "features": features}


class _Points(folium.GeoJson):
    """Points with their bounds given: folium would walk every coordinate in Python to find them."""

    def __init__(self, points: pd.DataFrame, **kwargs):
        self._bounds = [[points.lat.min(), points.lon.min()], [points.lat.max(), points.lon.max()]]
        super().__init__(_features(points), **kwargs)

    def _get_self_bounds(self):
        return self._bounds


def points_map(outline: gpd.GeoDataFrame, points: pd.DataFrame, *, static_url: str, basemap_url: str = "",
               basemap_attribution: str = "") -> folium.Map:
    """``points`` (rows of ``enterprise_points``) over ``outline`` (the counties searched), fitted to the points."""
    m = _base(outline, static_url, basemap_url, basemap_attribution)
    for honoured, colour, name in ((False, PLAIN, "enterprises"), (True, HONOURED, "honoured")):
        part = points[(points.honours > 0) == honoured]
        if part.empty:
            continue
        _Points(  # no highlight or style function: folium would build a style for each of 20,000 features
            part, name=name,
            marker=folium.CircleMarker(radius=4 if len(points) > 2000 else 6, weight=1, color="#ffffff",
                                       fill=True, fill_color=colour, fill_opacity=0.85),
            tooltip=folium.GeoJsonTooltip(fields=["name", "county", "revenue", "honours"],
                                          aliases=["企业", "县区", "营业收入", "荣誉"], style="font-size: 15px;"),
        ).add_to(m)
    if not points.empty:
        m.fit_bounds([[points.lat.min(), points.lon.min()], [points.lat.max(), points.lon.max()]], max_zoom=12)
    return m


def cells_map(outline: gpd.GeoDataFrame, cells: pd.DataFrame, *, static_url: str, basemap_url: str = "",
              basemap_attribution: str = "") -> folium.Map:
    """``cells`` (rows of ``enterprise_cells``) as circles whose area grows with the number of enterprises."""
    m = _base(outline, static_url, basemap_url, basemap_attribution)
    biggest = max(int(cells.enterprises.max()), 1) if not cells.empty else 1
    group = folium.FeatureGroup(name="cells").add_to(m)
    for lon, lat, n, revenue, top in cells[["lon", "lat", "enterprises", "revenue", "top_name"]].itertuples(
            index=False, name=None):
        folium.CircleMarker(
            [lat, lon], radius=float(3 + 22 * np.sqrt(n / biggest)), weight=1, color="#ffffff", fill=True,
            fill_color=PLAIN, fill_opacity=0.6,
            tooltip=f"{int(n):,} 家企业 · 营收 {revenue:,.1f} 亿元<br>最大：{html.escape(str(top))}",
        ).add_to(group)
    return m
