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

from analysis import formats
from geo import boundaries, labels
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
    return 0.06 if region else 0.15  # the province: about 640 cells on the demo data, 0.2 MB to the browser


def _base(outline: gpd.GeoDataFrame, static_url: str, basemap_url: str, basemap_attribution: str) -> folium.Map:
    m = base_map(static_url, basemap_url, basemap_attribution, max_zoom=16, scroll_zoom=False, prefer_canvas=True)
    CountyLayer(
        outline[["adcode", "geometry"]],
        name="counties",
        interactive=False,
        style_function=lambda f: {"fillColor": "#f9fafb", "color": "#9ca3af", "weight": 0.8, "fillOpacity": 1},
    ).add_to(m)
    labels.add(m, outline)
    minx, miny, maxx, maxy = outline.total_bounds
    m.fit_bounds([[miny, minx], [maxy, maxx]])
    return m


def _features(points: pd.DataFrame) -> dict:
    columns = [points[c].tolist() for c in ("uscc", "name", "county", "lon", "lat", "revenue", "honours")]
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "uscc": uscc,
                "name": html.escape(name),
                "county": html.escape(county),
                "revenue": formats.firm_revenue(revenue),
                "honours": f"{honours} 项",
            },
        }
        for uscc, name, county, lon, lat, revenue, honours in zip(*columns)
    ]
    return {"type": "FeatureCollection", "features": features}


class _Points(folium.GeoJson):
    """Points with their bounds given: folium would walk every coordinate in Python to find them."""

    def __init__(self, points: pd.DataFrame, **kwargs):
        self._bounds = [[points.lat.min(), points.lon.min()], [points.lat.max(), points.lon.max()]]
        super().__init__(_features(points), **kwargs)

    def _get_self_bounds(self):
        return self._bounds


def points_map(
    outline: gpd.GeoDataFrame,
    points: pd.DataFrame,
    *,
    static_url: str,
    basemap_url: str = "",
    basemap_attribution: str = "",
) -> folium.Map:
    """``points`` (rows of ``enterprise_points``) over ``outline`` (the counties searched), fitted to the points."""
    m = _base(outline, static_url, basemap_url, basemap_attribution)
    for honoured, colour, name in ((False, PLAIN, "enterprises"), (True, HONOURED, "honoured")):
        part = points[(points.honours > 0) == honoured]
        if part.empty:
            continue
        _Points(  # no highlight or style function: folium would build a style for each of 20,000 features
            part,
            name=name,
            marker=folium.CircleMarker(
                radius=4 if len(points) > 2000 else 6,
                weight=1,
                color="#ffffff",
                fill=True,
                fill_color=colour,
                fill_opacity=0.85,
            ),
            tooltip=folium.GeoJsonTooltip(
                fields=["name", "county", "revenue", "honours"],
                aliases=["企业", "县区", "营业收入", "荣誉"],
                style="font-size: 15px;",
            ),
        ).add_to(m)
    if not points.empty:  # fitted to the counties the points lie in: one firm shows its county, outlined and named
        held = outline[outline.adcode.isin(set(points.adcode))]
        if 0 < len(held) <= 3:  # a few counties: outlined, as a chosen county is on the other maps
            CountyLayer(
                held[["adcode", "geometry"]],
                name="result counties",
                interactive=False,
                style_function=lambda f: {"color": "#1d4ed8", "weight": 2.5, "fill": False},
            ).add_to(m)
        if not held.empty:
            minx, miny, maxx, maxy = held.total_bounds
            m.fit_bounds(
                [
                    [min(miny, points.lat.min()), min(minx, points.lon.min())],
                    [max(maxy, points.lat.max()), max(maxx, points.lon.max())],
                ],
                max_zoom=12,
            )
        else:
            m.fit_bounds([[points.lat.min(), points.lon.min()], [points.lat.max(), points.lon.max()]], max_zoom=12)
    return m


RADII = (2.5, 3.5, 4.5, 5.5, 7, 8.5, 10, 12)  # px: a cell's circle, by the square root of its share of the largest


def _cell_features(cells: pd.DataFrame) -> dict:
    biggest = max(int(cells.enterprises.max()), 1) if not cells.empty else 1
    columns = [cells[c].tolist() for c in ("lon", "lat", "enterprises", "revenue", "top_name")]
    features = [
        {
            "type": "Feature",
            "id": str(i),
            "geometry": {"type": "Point", "coordinates": [round(lon, 4), round(lat, 4)]},
            "properties": {
                "r": RADII[min(int(len(RADII) * np.sqrt(n / biggest)), len(RADII) - 1)],
                "n": f"{int(n):,} 家",
                "v": f"{formats.yi(revenue)} 亿元",
                "t": html.escape(str(top)),
            },
        }
        for i, (lon, lat, n, revenue, top) in enumerate(zip(*columns))
    ]
    return {"type": "FeatureCollection", "features": features}


def cells_map(
    outline: gpd.GeoDataFrame,
    cells: pd.DataFrame,
    *,
    static_url: str,
    basemap_url: str = "",
    basemap_attribution: str = "",
) -> folium.Map:
    """``cells`` (rows of ``enterprise_cells``) as circles whose area grows with the number of enterprises.

    One GeoJSON layer for all cells, the radius one of ``RADII`` (folium sends one style per distinct radius, not
    one marker's code per cell: the province's 1,281 cells of 0.1° were 1.1 MB as separate markers, 0.37 MB so).
    """
    m = _base(outline, static_url, basemap_url, basemap_attribution)
    if cells.empty:
        return m
    folium.GeoJson(
        _cell_features(cells),
        name="cells",
        marker=folium.CircleMarker(
            radius=RADII[0], weight=1, color="#ffffff", fill=True, fill_color=PLAIN, fill_opacity=0.6
        ),
        style_function=lambda feature: {"radius": feature["properties"]["r"]},
        tooltip=folium.GeoJsonTooltip(
            fields=["n", "v", "t"], aliases=["企业", "营业收入", "最大"], style="font-size: 15px;"
        ),
    ).add_to(m)
    return m


def add_unplaced(m: folium.Map, unplaced: pd.DataFrame) -> folium.Map:
    """The search's enterprises without coordinates (rows of ``enterprise_unplaced``), one grey box per county at
    its centre saying how many: never dropped from what the map shows. A Leaflet div icon (no script fetched)."""
    if unplaced.empty:
        return m
    group = folium.FeatureGroup(name="unplaced")
    for r in unplaced.itertuples():
        lon, lat = boundaries.centre((r.adcode,))
        folium.Marker(
            (lat, lon),
            icon=folium.DivIcon(
                html=f'<div class="unplaced-firms">无坐标 {int(r.enterprises):,}</div>',
                icon_size=(86, 24),
                icon_anchor=(43, 12),
            ),
            tooltip=folium.Tooltip(
                f"{html.escape(r.county)}：{int(r.enterprises):,} 家企业未填坐标，按县区中心示意",
                style="font-size:15px",
            ),
        ).add_to(group)
    group.add_to(m)
    m.get_root().header.add_child(
        folium.Element(
            "<style>.unplaced-firms{background:#f3f4f6;border:2px dashed #4b5563;border-radius:4px;color:#111827;"
            "font-size:13px;line-height:18px;text-align:center;white-space:nowrap}</style>"
        )
    )
    return m
