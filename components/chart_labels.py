"""Targets on a line chart: a marker at each target with its label beside it, placed so that no two labels overlap
and none is cut at the chart's edge (labels of one year are pushed apart vertically; those of the last year sit left
of their markers, the others right)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import plotly.graph_objects as go

GAP_PX = 22  # vertical distance between two labels' centres: a 14–15 px line and some air


@dataclass(frozen=True)
class Target:
    year: int
    value: float
    text: str
    colour: str


def add_targets(fig: go.Figure, targets: list[Target], *, top: float, plot_px: float, symbol: str = "diamond") -> None:
    """Draw ``targets`` on ``fig`` (markers and labels) and fix its y range from 0 to at least ``top`` (the data's
    highest value) and its x range to the right of the last target. ``plot_px`` is a safe (low) estimate of the
    plot area's height in pixels: labels are set at least ``GAP_PX`` apart by it."""
    if not targets:
        return
    top = max(top, *(t.value for t in targets)) * 1.08 or 1.0
    per_px = top / plot_px  # data units per pixel
    for target in targets:
        fig.add_trace(
            go.Scatter(
                x=[target.year],
                y=[target.value],
                mode="markers",
                marker=dict(symbol=symbol, size=12, color=target.colour),
                showlegend=False,
                hovertemplate=f"{target.text}<extra></extra>",
            )
        )
    by_year = defaultdict(list)
    for target in targets:
        by_year[target.year].append(target)
    highest = top
    for year, group in by_year.items():
        placed = None
        for target in sorted(group, key=lambda t: t.value):
            y = target.value if placed is None else max(target.value, placed + GAP_PX * per_px)
            placed = y
            highest = max(highest, y + GAP_PX * per_px)
            last = year == max(by_year)  # the last year's labels go left of their markers: never past the edge
            fig.add_annotation(
                x=year,
                y=y,
                text=target.text,
                showarrow=False,
                xanchor="right" if last else "left",
                xshift=-10 if last else 10,
                font=dict(color=target.colour),
                bgcolor="rgba(255,255,255,0.85)",
            )
    fig.update_yaxes(range=[0, highest], rangemode="tozero")
    if fig.layout.xaxis.range:
        low = fig.layout.xaxis.range[0]
    else:  # the first year of any line
        low = min(min(x for x in trace.x if x is not None) for trace in fig.data if trace.x is not None) - 0.5
    fig.update_xaxes(range=[low, max(by_year) + 0.5])
