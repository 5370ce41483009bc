"""What the home page (全省产业地图) builds from the published data, once per data version and process
(``store.derived``): the county layer joined with its metrics, the selection of a region or city, the county names
and the top-ten table. Every session of a meeting asks for the same few of these; rebuilding them on each run was
about half of a home-page run's CPU (string columns are Arrow arrays in pandas 3, and each small operation on them
costs tens of microseconds). The results are shared: read them, never change them.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

import store
from analysis.scope import Scope
from components import html_table
from geo import boundaries

TOP_COLUMNS = {"name": "县区", "city": "所属市", "leading_industry": "首位产业", "cluster_revenue": "集群营收（亿元）"}


@store.derived
def counties(year: int) -> gpd.GeoDataFrame:
    """The 104 county shapes with their ``county_metrics`` of ``year``."""
    metrics = store.query("county_metrics", year=year)
    return boundaries.counties()[["adcode", "geometry"]].merge(metrics, on="adcode", validate="1:1")


@store.derived
def inside(year: int, region: str | None, city: str | None) -> pd.Series:
    """Which rows of ``counties(year)`` lie in the region or city (all without either)."""
    return Scope(year, region, city).covers(counties(year))


@store.derived
def names(year: int) -> dict[str, str]:
    """adcode → "瑶海区（合肥市）", in the layer's order."""
    layer = counties(year)
    return {a: f"{n}（{c}）" for a, n, c in zip(layer.adcode.tolist(), layer.name.tolist(), layer.city.tolist())}


@store.derived
def top_table(year: int, region: str | None, city: str | None) -> str:
    """The ten counties of the selection with the largest cluster revenue, as an HTML table."""
    layer = counties(year)
    rows = pd.DataFrame(layer.drop(columns="geometry"))[inside(year, region, city).to_numpy()]
    return html_table.to_html(rows.nlargest(10, "cluster_revenue"), TOP_COLUMNS, names_first=2)
