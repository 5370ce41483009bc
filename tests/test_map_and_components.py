"""The choropleth's classes, the map it builds, and the HTML blocks of the home page, on hand-built data."""

import re

import folium
import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from components import html_table, kpis
from geo import choropleth

XSS = "<img src=x onerror=alert(1)>"


def test_revenue_classes_put_band_edges_in_the_upper_class():
    values = pd.Series([0.0, 49.9, 50.0, 99.99, 100.0, 1000.0])
    colors, legend = choropleth.classify(values, choropleth.METRICS["集群营收合计"])
    assert [item.counties for item in legend] == [1, 1, 2, 1, 0, 0, 1]  # 无集群, <50, 50–100, 100–300, …, ≥1000
    assert colors[0] == choropleth.NO_DATA
    assert colors[3] != colors[4]  # 99.99 and exactly 100 fall in different classes
    assert legend[-1].label == "≥ 1,000 亿元"


def test_the_legend_counts_only_the_view_while_the_classes_stay_the_provinces():
    values = pd.Series([0.0, 49.9, 50.0, 99.99, 100.0, 1000.0])
    view = pd.Series([False, False, True, True, True, False])
    colors, legend = choropleth.classify(values, choropleth.METRICS["集群营收合计"], view)
    assert [item.counties for item in legend] == [0, 0, 2, 1, 0, 0, 0]
    assert colors.tolist() == choropleth.classify(values, choropleth.METRICS["集群营收合计"])[0].tolist()
    names = pd.Series(["甲", "甲", "乙", "丙"])
    _, legend = choropleth.classify(names, choropleth.METRICS["首位产业"], [False, False, True, True])
    assert [(i.label, i.counties) for i in legend] == [("乙", 1), ("丙", 1)]


def test_categories_beyond_the_top_eleven_are_grouped():
    values = pd.Series([f"产业{i:02d}" for i in range(14)] + ["产业00", None])
    colors, legend = choropleth.classify(values, choropleth.METRICS["首位产业"])
    assert legend[0].label == "产业00" and legend[0].counties == 2
    assert legend[-1].label == "其他产业（4类）" and legend[-1].counties == 4  # 3 singles + 未确认
    assert sum(item.counties for item in legend) == len(values)


@pytest.fixture()
def counties():
    """Three square 'counties', one of them named with markup."""
    return gpd.GeoDataFrame(
        {
            "adcode": ["340001", "340002", "340003"],
            "name": [XSS, "乙县", "丙县"],
            "city": ["甲市"] * 3,
            "leading_industry": ["电线电缆", None, "羽毛羽绒"],
            "cluster_revenue": [150.0, 0.0, 20.0],
        },
        geometry=[box(116, 31, 117, 32), box(117, 31, 118, 32), box(118, 30, 119, 31)],
        crs=4326,
    )


def test_map_escapes_text_loads_nothing_foreign_and_fits_the_selection(counties):
    selected = pd.Series([False, True, True])
    fmap, legend = choropleth.build_map(
        counties, choropleth.METRICS["集群营收合计"], selected, static_url="/app/static"
    )
    page = fmap.get_root().render()
    layer = next(c for c in fmap._children.values() if isinstance(c, folium.GeoJson))
    names = [f["properties"]["name"] for f in layer.data["features"]]
    assert names[0] == html_escaped(XSS)  # the tooltip inserts properties as HTML
    assert XSS not in page
    urls = set(re.findall(r'(?:src|href)="([^"]+)"', page))
    assert urls == {"/app/static/vendor/leaflet/leaflet.js", "/app/static/vendor/leaflet/leaflet.css"}
    assert "tileLayer" not in page
    assert layer.get_bounds() == [[30, 116], [32, 119]]  # all counties are drawn …
    assert "[[30.0, 117.0], [32.0, 119.0]]" in page  # … and the view is fitted to the selected two
    assert choropleth.OUTSIDE in page  # the unselected county is greyed


def test_basemap_only_when_configured(counties):
    fmap, _ = choropleth.build_map(
        counties,
        choropleth.METRICS["集群营收合计"],
        counties.adcode.notna(),
        static_url="/s",
        basemap_url="http://tiles.intranet/{z}/{x}/{y}.png",
    )
    assert "http://tiles.intranet/{z}/{x}/{y}.png" in fmap.get_root().render()


def html_escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_html_table_escapes_cells_and_formats_numbers():
    frame = pd.DataFrame({"name": [XSS, "桐城市"], "revenue": [1234.56, None]})
    table = html_table.to_html(frame, {"name": "县区", "revenue": "营收（亿元）"})
    assert XSS not in table and html_escaped(XSS) in table
    assert "<th>县区</th>" in table and "1,234.6" in table and "—" in table


def test_kpi_scorecard_values_targets_gaps_and_sources():
    counts = pd.Series(
        {
            "clusters": 84,
            "revenue": 9123.45,
            "clusters_100": 28,
            "clusters_300_500": 7,
            "clusters_500": 3,
            "clusters_1000": 0,
        }
    )
    targets = pd.DataFrame(
        {
            "metric": ["clusters_100", "clusters_100", "clusters_100", "clusters_500", "total_revenue"],
            "year": [2025, 2027, 2027, 2025, 2025],
            "value": [35.0, 50.0, 45.0, 3.0, 10000.0],
            "source_doc": ["001", "000", "001", "001", "001"],
            "source_title": ["规划<甲>", "方案乙", "规划<甲>", "规划<甲>", "规划<甲>"],
        }
    )
    table = kpis.scorecard_html(counts, 2025, targets)
    values = dict(re.findall(r'data-kpi="(\w+)">.*?<td class="kpi-value">([^<]*)<small>', table))
    assert values == {
        "clusters": "84",
        "revenue": "9,123.5",
        "clusters_100": "28",
        "clusters_300_500": "7",
        "clusters_500": "3",
        "clusters_1000": "0",
    }
    rows = {k: re.sub(r"<[^>]+>", "|", r) for k, r in re.findall(r'<tr data-kpi="(\w+)">(.*?)</tr>', table)}
    assert "|35〔001〕 |差 7|" in rows["clusters_100"]
    assert "|45〔001〕/50〔000〕 |差 17|" in rows["clusters_100"]  # both documents, gap to the lower target
    assert "|3〔001〕 |已达到|" in rows["clusters_500"]  # exactly at the target counts as reached
    assert "|10,000.0〔001〕 |差 876.5|" in rows["revenue"]
    assert "规划&lt;甲&gt;" in table and "〔000〕方案乙" in table
    assert "目标" not in kpis.scorecard_html(counts, 2025, None)  # a city or region: no provincial targets
