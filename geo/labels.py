"""Place names and city borders on every map, drawn offline by Leaflet itself (no tile, no font from outside).

- City borders: the 16 city outlines as darker, thicker lines above the county fills, so that a city's edge reads
  as one and a county's as another.
- City names (bold) while the map shows the whole province or a region (below ``COUNTY_ZOOM``); county names from
  that zoom on, each only at a zoom where it fits inside its county (its box, at that zoom, holds the label).

The labels are Leaflet markers with a text icon, shown and hidden on every zoom by a few lines of script; a name is
HTML-escaped before it is put in the page.
"""

from __future__ import annotations

import html
import json
import math
from functools import lru_cache

import folium
import geopandas as gpd
import shapely
from branca.element import MacroElement
from jinja2 import Template

from geo import boundaries

COUNTY_ZOOM = 8.75  # county names from here on; city names below it
CHAR_PX, LABEL_PX_HIGH = 14, 18  # a label's size on screen: per character, and its height
USABLE = 0.6  # of a county's bounding box a label may take (counties are not rectangles)
MAX_ZOOM = 16

STYLE = """<style>
.place-label { background: none; border: none; }
.place-label span { position: absolute; transform: translate(-50%, -50%); white-space: nowrap; pointer-events: none;
  color: #1f2937; font-size: 13px; line-height: 1;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff; }
.place-label.city span { font-size: 16px; font-weight: 700; color: #111827; letter-spacing: 0.05em; }
</style>"""


def fit_zoom(name: str, minx: float, miny: float, maxx: float, maxy: float) -> float:
    """The lowest zoom (in quarter steps) at which ``name`` fits inside a box of these WGS-84 bounds."""
    middle = math.radians((miny + maxy) / 2)
    width_deg = max((maxx - minx) * USABLE, 1e-6)
    height_deg = max((maxy - miny) * USABLE / math.cos(middle), 1e-6)  # (Web Mercator stretches latitude)
    need_w = CHAR_PX * len(name) + 4
    zoom = max(
        math.log2(need_w * 360 / (256 * width_deg)),
        math.log2(LABEL_PX_HIGH * 360 / (256 * height_deg)),
    )
    return math.ceil(zoom * 4) / 4


@lru_cache(maxsize=1)
def _city_lines() -> dict:
    """The city borders as GeoJSON lines, simplified a little and to 4 decimals (drawn 2 px wide; the first view of
    按图索企 stays under its 600 KB)."""
    outline = shapely.set_precision(boundaries.cities().boundary.simplify(0.003).values, 0.0001)
    lines = boundaries.cities().set_geometry(gpd.GeoSeries(outline, crs="EPSG:4326"))
    return json.loads(lines[["city", "geometry"]].to_json(drop_id=True))


def _labels(counties: gpd.GeoDataFrame) -> list[list]:
    """[name, lat, lon, min zoom, max zoom, kind] of the counties of ``counties`` and of their cities."""
    out = []
    for name, shape in zip(counties.name, counties.geometry):
        point = shape.representative_point()
        zoom = max(COUNTY_ZOOM, fit_zoom(name, *shape.bounds))
        out.append([html.escape(name), round(point.y, 4), round(point.x, 4), zoom, MAX_ZOOM + 1, "county"])
    cities = boundaries.cities()
    for name, shape in zip(cities.city, cities.geometry):
        if name in set(counties.city):
            point = shape.representative_point()
            out.append([html.escape(name), round(point.y, 4), round(point.x, 4), 0, COUNTY_ZOOM, "city"])
    return out


class _PlaceLabels(MacroElement):
    _template = Template(
        """{% macro script(this, kwargs) %}
(function (map) {
  var layer = L.layerGroup().addTo(map);
  var marks = {{ this.data }}.map(function (l) {
    var mark = L.marker([l[1], l[2]], {
      icon: L.divIcon({className: "place-label " + l[5], html: "<span>" + l[0] + "</span>", iconSize: null}),
      interactive: false, keyboard: false, pane: "labels"});
    mark.zoomRange = [l[3], l[4]];
    return mark;
  });
  function update() {
    var z = map.getZoom();
    marks.forEach(function (mark) {
      var show = z >= mark.zoomRange[0] && z < mark.zoomRange[1];
      if (show && !layer.hasLayer(mark)) layer.addLayer(mark);
      if (!show && layer.hasLayer(mark)) layer.removeLayer(mark);
    });
  }
  map.on("zoomend", update);
  map.whenReady(update);
})({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(self, labels: list[list]):
        super().__init__()
        self.data = json.dumps(labels, ensure_ascii=False)


def add(m: folium.Map, counties: gpd.GeoDataFrame) -> folium.Map:
    """City borders above the county fills, and the names of ``counties`` (name, city, geometry) and their cities."""
    folium.map.CustomPane("borders", z_index=450).add_to(m)  # above the fills (400), below the tooltips
    folium.map.CustomPane("labels", z_index=460, pointer_events=False).add_to(m)
    folium.GeoJson(
        _city_lines(),
        name="city borders",
        pane="borders",
        interactive=False,
        style_function=lambda f: {"color": "#4b5563", "weight": 2, "opacity": 0.9, "fill": False},
    ).add_to(m)
    m.get_root().header.add_child(folium.Element(STYLE))
    _PlaceLabels(_labels(counties)).add_to(m)
    return m
