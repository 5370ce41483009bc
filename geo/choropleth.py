"""The county choropleth: classify a metric, colour the counties, build the folium map with its own legend.

No branca colour map and no ``folium.Choropleth``: those make st_folium fetch d3 from a CDN. Leaflet is
served by the app itself (``use_local_leaflet``), the map has no tiles unless a basemap URL is configured,
and every text property is HTML-escaped, because folium's tooltip inserts property values as HTML.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template
from plotly.colors import qualitative, sequential

from analysis import formats
from geo import boundaries, branca_literal, labels  # noqa: F401  (branca_literal: for its patch)

NO_DATA = "#f3f4f6"
OUTSIDE = "#d1d5db"
MISSING = "#bfdbfe"  # a value withheld on purpose (e.g. too few firms for a density), not a zero


@dataclass(frozen=True)
class Metric:
    """A map metric: the column of ``county_metrics`` it shows, its label, unit and class breaks."""

    column: str
    label: str
    unit: str = ""
    breaks: tuple[float, ...] | None = None  # lower bounds of the classes above zero; None: quantiles
    categorical: bool = False
    short: str = ""  # the selector's label, short enough for a 1366 px laptop
    palette: tuple[tuple[str, str], ...] = ()  # fixed categories (value, colour), in legend order
    detail: str = ""  # column whose text the tooltip shows instead of the value
    extra: tuple[str, str] = ("leading_industry", "首位产业")  # the tooltip's third row: column, label
    missing: str = ""  # legend label of counties whose value is NaN (drawn in MISSING); "" counts them as no data
    min_break: float = 1.0  # lowest first class bound of quantile breaks (counts start at 1; ratios lower)
    none_label: str = ""  # legend label of zero / no data; default "0 <unit>"


METRICS = {
    "集群营收合计": Metric(
        "cluster_revenue", "集群营收合计", "亿元", (0.01, 50, 100, 300, 500, 1000), short="集群营收"
    ),
    "百亿级集群数": Metric("clusters_100", "百亿级集群数", "个", (1, 2, 3), short="百亿级集群"),
    "专精特新企业数": Metric("srdi", "专精特新企业数（含“小巨人”）", "家", short="专精特新"),
    "高新技术企业数": Metric("high_tech", "高新技术企业数", "家", short="高新技术企业"),
    "首位产业": Metric("leading_industry", "首位产业", categorical=True, short="首位产业"),
}


@dataclass(frozen=True)
class LegendItem:
    color: str
    label: str
    counties: int


def _nice(value: float) -> float:
    if value <= 0:
        return 0
    magnitude = 10 ** np.floor(np.log10(value))
    return float(np.floor(value / magnitude * 2) / 2 * magnitude) or magnitude


def _quantile_breaks(values: pd.Series, classes: int = 5, floor: float = 1.0) -> tuple[float, ...]:
    positive = values[values > 0]
    if positive.empty:
        return (floor,)
    first = max(floor, _nice(positive.min()) if floor < 1 else positive.min())
    cuts = [_nice(q) for q in np.quantile(positive, np.linspace(0, 1, classes + 1)[1:-1])]
    return tuple(sorted({first} | {c for c in cuts if c > first}))


def _format(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def _class_label(low: float, high: float | None, metric: Metric, first: bool = False) -> str:
    if high is None:
        return f"≥ {_format(low)}"
    if metric.unit == "个" and high - low == 1:
        return _format(low)
    return f"{_format(0 if first and low < 0.1 else low)}–{_format(high)}"


def classify(
    values: pd.Series, metric: Metric, counted: pd.Series | np.ndarray | None = None
) -> tuple[pd.Series, list[LegendItem]]:
    """The fill colour of every value, and the legend (colour, label, number of counties) in class order.

    The classes come from all ``values`` (a colour means the same on every view); the legend counts only the
    counties marked in ``counted`` (the view's scope: a city's map counts its own counties), all when None."""
    inside = np.ones(len(values), dtype=bool) if counted is None else np.asarray(counted, dtype=bool)
    if metric.palette:
        colours = dict(metric.palette)
        legend = [
            LegendItem(colour, value, int(((values == value).to_numpy() & inside).sum()))
            for value, colour in metric.palette
        ]
        return values.map(colours).fillna(NO_DATA), legend
    if metric.categorical:
        return _classify_categories(values, inside)
    breaks = metric.breaks or _quantile_breaks(values, floor=metric.min_break)
    palette = sequential.YlOrRd[-len(breaks) :] if len(breaks) <= 9 else sequential.YlOrRd
    numbers = values.to_numpy(dtype=float)
    index = np.searchsorted(np.array(breaks), numbers, side="right") - 1
    missing = np.isnan(numbers) & bool(metric.missing)
    index[np.isnan(numbers) & ~missing] = -1  # NaN would otherwise sort above every break
    colors = pd.Series(
        [MISSING if m else palette[i] if i >= 0 else NO_DATA for i, m in zip(index, missing)], index=values.index
    )
    index[missing] = -2
    none_label = metric.none_label or {"cluster_revenue": "无集群", "clusters_100": "无百亿级集群"}.get(
        metric.column, f"0 {metric.unit}".strip()
    )
    legend = [LegendItem(NO_DATA, none_label, int(((index == -1) & inside).sum()))]
    for i, low in enumerate(breaks):
        high = breaks[i + 1] if i + 1 < len(breaks) else None
        label = f"{_class_label(low, high, metric, first=i == 0)} {metric.unit}".strip()
        legend.append(LegendItem(palette[i], label, int(((index == i) & inside).sum())))
    if missing.any():
        legend.append(LegendItem(MISSING, metric.missing, int((missing & inside).sum())))
    return colors, legend


def _classify_categories(values: pd.Series, inside: np.ndarray, top: int = 11) -> tuple[pd.Series, list[LegendItem]]:
    """Colours by category (the province's most common first); the legend lists those within the view."""
    labelled = values.fillna("未确认")
    counts = labelled.value_counts()
    named = list(counts.index[:top]) if len(counts) > top + 1 else list(counts.index)
    palette = dict(zip(named, qualitative.Set3 + qualitative.Pastel))
    colors = labelled.map(lambda v: palette.get(v, "#bdbdbd"))
    here = labelled[inside].value_counts()
    legend = [LegendItem(palette[n], n, int(here[n])) for n in named if here.get(n, 0)]
    others = here[~here.index.isin(named)]
    if len(others):
        legend.append(LegendItem("#bdbdbd", f"其他产业（{len(others)}类）", int(others.sum())))
    return colors, legend


def value_text(value, metric: Metric) -> str:
    """The tooltip's text for one county's value, with unit."""
    if metric.categorical or metric.detail:
        return value if isinstance(value, str) and value else "未确认"
    return formats.with_unit(value, metric.unit)


def use_local_leaflet(m: folium.Map, static_url: str) -> folium.Map:
    """Point the map's scripts and styles at the copy of Leaflet the app serves itself (nothing else)."""
    m.default_js = [("leaflet", f"{static_url}/vendor/leaflet/leaflet.js")]
    m.default_css = [("leaflet_css", f"{static_url}/vendor/leaflet/leaflet.css")]
    return m


def leaflet_source() -> Path:
    """Leaflet's files in the installed ``django-js-lib-leaflet`` package."""
    import js_lib_leaflet

    return Path(js_lib_leaflet.__file__).parent / "static" / "js_lib_leaflet"


def install_leaflet(static_dir: Path) -> Path:
    """Copy Leaflet from the installed ``django-js-lib-leaflet`` package into ``static_dir/vendor/leaflet``."""
    source = leaflet_source()
    target = static_dir / "vendor" / "leaflet"
    if not (target / "leaflet.js").is_file():
        shutil.copytree(source, target, dirs_exist_ok=True)
    return target


def base_map(
    static_url: str,
    basemap_url: str = "",
    basemap_attribution: str = "",
    *,
    max_zoom: int = 13,
    scroll_zoom: bool = True,
    prefer_canvas: bool = False,
) -> folium.Map:
    """An empty map as every page draws it: Leaflet served by the app, no tiles unless a basemap is configured
    (with ``tiles=None`` folium drops ``max_zoom``, hence ``maxZoom``), a white background."""
    m = folium.Map(
        tiles=None,
        zoom_control=True,
        control_scale=False,  # folium's scale bar shows miles too: MetricScale below
        prefer_canvas=prefer_canvas,
        min_zoom=6,
        maxZoom=max_zoom,
        zoom_snap=0.25,
        attribution_control=bool(basemap_url),
        scroll_wheel_zoom=scroll_zoom,
    )
    use_local_leaflet(m, static_url)
    MetricScale().add_to(m)
    m.get_root().header.add_child(
        folium.Element(  # the map's own document has no font: name the app's (serif otherwise, in the scale bar)
            "<style>.leaflet-container{background:#ffffff;"
            "font-family:'Source Sans Pro','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif}</style>"
        )
    )
    if basemap_url:
        folium.TileLayer(basemap_url, attr=basemap_attribution or "底图", max_zoom=max_zoom).add_to(m)
    return m


class MetricScale(MacroElement):
    """Leaflet's scale bar in metres and kilometres only (folium's ``control_scale`` adds miles, in English)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "L.control.scale({imperial: false, metric: true}).addTo({{ this._parent.get_name() }});"
        "{% endmacro %}"
    )


class CountyLayer(folium.GeoJson):
    """``folium.GeoJson`` of county shapes, built without walking their vertices in Python on each run: the
    geometries come ready-made from ``boundaries.geojson`` (their text put in as it is: ``branca_literal``) and the
    bounds from the GeoDataFrame."""

    def __init__(self, data: gpd.GeoDataFrame, properties: list[dict] | None = None, **kwargs):
        """``properties``: one dict per row of ``data`` (then only its shapes are used); default: its columns."""
        minx, miny, maxx, maxy = data.total_bounds
        self._bounds = [[miny, minx], [maxy, maxx]]
        if properties is None:
            names = [c for c in data.columns if c != data.geometry.name]
            properties = [dict(zip(names, row)) for row in data[names].itertuples(index=False, name=None)]
        features = [
            {"type": "Feature", "properties": row, "geometry": boundaries.geojson(shape)}
            for row, shape in zip(properties, data.geometry)
        ]
        super().__init__({"type": "FeatureCollection", "features": features}, **kwargs)

    def _get_self_bounds(self):
        return self._bounds


def build_map(
    counties: gpd.GeoDataFrame,
    metric: Metric,
    selected: pd.Series,
    *,
    static_url: str,
    basemap_url: str = "",
    basemap_attribution: str = "",
    scroll_zoom: bool = True,
) -> tuple[folium.Map, list[LegendItem]]:
    """The choropleth of ``metric`` over ``counties`` (the county layer joined to ``county_metrics``).

    Parameters
    ----------
    counties : GeoDataFrame with adcode, name, city, leading_industry and the metric's column.
    metric : what to colour by.
    selected : boolean Series aligned with ``counties``: the counties inside the city/region filter. The others
        are drawn grey and the map is fitted to the selected ones.
    static_url : URL prefix under which Leaflet is served (see ``install_leaflet``).
    basemap_url : optional tile URL template; empty means no tiles and so no tile requests.
    scroll_zoom : False on pages that go on below the map, so that the mouse wheel scrolls the page
        (the +/− buttons and a double click still zoom).

    Returns
    -------
    The folium map and its legend items (the legend is drawn by the page, not inside the map).
    """
    colors, legend = classify(counties[metric.column], metric, selected)
    colors = colors.where(selected.to_numpy(), OUTSIDE)
    # The tooltip's properties in plain Python: a handful of pandas operations on 104 strings (Arrow arrays in
    # pandas 3) cost more than the loop.
    missing = "—" if metric.extra[0] != "leading_industry" else "未确认"
    properties = [
        {
            "adcode": adcode,
            "name": html.escape(name),
            "city": html.escape(city),
            "leading": html.escape(missing if pd.isna(leading) else leading),
            "value": html.escape(value_text(v, metric)),
        }
        for adcode, name, city, leading, v in zip(
            counties.adcode.tolist(),
            counties.name.tolist(),
            counties.city.tolist(),
            counties[metric.extra[0]].tolist(),
            counties[metric.detail or metric.column].tolist(),
        )
    ]
    fill = dict(zip(counties.adcode.tolist(), colors.tolist()))
    m = base_map(static_url, basemap_url, basemap_attribution, max_zoom=13, scroll_zoom=scroll_zoom)
    CountyLayer(
        counties,
        properties=properties,
        name="counties",
        style_function=lambda f: {
            "fillColor": fill[f["properties"]["adcode"]],
            "color": "#ffffff",
            "weight": 0.8,
            "fillOpacity": 0.9,
        },
        highlight_function=lambda f: {"weight": 3, "color": "#1f2937"},
        tooltip=folium.GeoJsonTooltip(
            fields=["name", "city", "leading", "value"],
            aliases=["县区", "所属市", metric.extra[1], metric.label],
            sticky=True,
            style="font-size: 16px;",
        ),
    ).add_to(m)
    labels.add(m, counties)  # city borders and names, county names where they fit
    minx, miny, maxx, maxy = counties.geometry[selected.to_numpy()].total_bounds
    m.fit_bounds([[miny, minx], [maxy, maxx]])
    return m, legend


def highlight(county: gpd.GeoDataFrame) -> folium.FeatureGroup:
    """A layer outlining the selected county; handed to st_folium so the map is updated, not re-created."""
    group = folium.FeatureGroup(name="selected")
    CountyLayer(
        county[["adcode", "geometry"]],
        style_function=lambda f: {"fill": False, "color": "#1d4ed8", "weight": 4},
        interactive=False,
    ).add_to(group)
    return group
