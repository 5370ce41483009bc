"""Pieces of 汇报模式: the key catcher (arrow keys, PageUp/PageDown of a presenter's clicker, full screen), the
projector style, the big KPI tiles and the one chart of a slide."""

from __future__ import annotations

import html
import json

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis import formats
from exports.briefing import Tile

KEYS = {"ArrowRight": 1, "PageDown": 1, "ArrowDown": 1, "ArrowLeft": -1, "PageUp": -1, "ArrowUp": -1}

_JS = """
const KEYS = @KEYS@;
export default function ({ parentElement, setTriggerValue }) {
  const onKey = (event) => {
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.ctrlKey || event.metaKey || event.altKey || !(event.key in KEYS)) return;
    event.preventDefault();
    setTriggerValue("step", KEYS[event.key]);
  };
  const button = parentElement.querySelector("button");
  const toggle = () => document.fullscreenElement ? document.exitFullscreen()
                                                   : document.documentElement.requestFullscreen();
  document.addEventListener("keydown", onKey);
  button.addEventListener("click", toggle);
  return () => { document.removeEventListener("keydown", onKey); button.removeEventListener("click", toggle); };
}
""".replace("@KEYS@", json.dumps(KEYS))
_HTML = '<button class="present-fullscreen" type="button" title="全屏（Esc 退出）">全屏</button>'
_CSS = """
.present-fullscreen { font: inherit; font-size: 1.2rem; padding: 0.35rem 0.9rem; border-radius: 0.5rem;
  border: 1px solid #d1d5db; background: #ffffff; cursor: pointer; }
.present-fullscreen:hover { border-color: #1d4ed8; color: #1d4ed8; }
"""
_keys = st.components.v2.component("presentation_keys", html=_HTML, css=_CSS, js=_JS)

# Projector style: no sidebar, no toolbar, large type. Only on this page (st.html is part of the page's run).
STYLE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"] { display: none !important; }
.block-container { padding: 0.6rem 1.6rem 0.4rem 1.6rem !important; }
h1.slide-title { font-size: 2.6rem !important; margin: 0; padding: 0; line-height: 1.25; }
.slide-count { font-size: 1.4rem; color: #4b5563; text-align: right; padding-top: 0.5rem;
  font-variant-numeric: tabular-nums; }
.tiles { display: grid; grid-template-columns: 1fr 1fr; gap: 0.8rem; margin-bottom: 0.6rem; }
.tile { border: 1px solid #e5e7eb; border-radius: 0.6rem; padding: 0.6rem 0.9rem; background: #f9fafb; }
.tile .label { font-size: 1.25rem; color: #4b5563; }
.tile .value { font-size: 2.9rem; font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums; }
.tile .value small { font-size: 1.3rem; font-weight: 400; margin-left: 0.3rem; color: #4b5563; }
.tile .target { font-size: 1.2rem; }
.tile .target.gap { color: #b91c1c; } .tile .target.met { color: #15803d; }
.slide-hint { font-size: 1.2rem; color: #4b5563; }
/* every text of a slide at least 20 px at 1920×1080 (1.2rem = 20.4 px): legible from the back of a meeting room */
.legend, .legend small, .demo-badge, .data-as-of { font-size: 1.2rem !important; }
[data-testid="stMain"] button p, [data-testid="stMain"] [data-testid="stPageLink"] p,
[data-testid="stMain"] [data-testid="stCaptionContainer"] { font-size: 1.2rem !important; }
[data-testid="stMain"] [data-testid="stPageLink"] [data-testid="stIconMaterial"] { font-size: 1.4rem !important; }
</style>"""


def keys(key: str = "presentation_keys") -> int:
    """Mount the key catcher and the full-screen button; the step of a key pressed since the last run (±1 or 0)."""
    result = _keys(key=key, on_step_change=lambda: None)
    return int(result.step or 0)


def title_html(title: str, number: int, total: int) -> str:
    return (
        f'<div style="display:flex;justify-content:space-between;align-items:baseline">'
        f'<h1 class="slide-title">{html.escape(title)}</h1>'
        f'<div class="slide-count" aria-label="页码">{number} / {total}</div></div>'
    )


def tiles_html(kpis: list[Tile]) -> str:
    """Big KPI tiles, two per row; a target line under a value when there is one."""
    cells = []
    for k in kpis:
        target = ""
        if k.target:
            status = "met" if "已达到" in k.target else "gap"
            target = f'<div class="target {status}">{html.escape(k.target)}</div>'
        cells.append(
            f'<div class="tile" data-kpi="{html.escape(k.label)}"><div class="label">{html.escape(k.label)}'
            f'</div><div class="value">{html.escape(k.value)}<small>{html.escape(k.unit)}</small></div>'
            f"{target}</div>"
        )
    return f'<div class="tiles">{"".join(cells)}</div>'


def bar_figure(
    frame: pd.DataFrame, label: str, value: str, title: str, unit: str, highlight: pd.Series | None = None
) -> go.Figure:
    """A horizontal bar chart in projector type, largest at the top; ``highlight`` bars (e.g. missing links) red."""
    colours = ["#b91c1c" if h else "#2563eb" for h in (highlight if highlight is not None else [False] * len(frame))]
    figure = go.Figure(
        go.Bar(
            x=frame[value],
            y=frame[label],
            orientation="h",
            marker_color=colours,
            text=[formats.figure(v, unit) for v in frame[value]],
            textposition="outside",
            textfont=dict(size=20),
            constraintext="none",  # (Plotly would shrink a value to the bar's thickness: to 17 px here)
            cliponaxis=False,
            hovertemplate="%{y}：%{x:,}" + unit + "<extra></extra>",
        )
    )
    figure.update_layout(
        title=dict(text=title, font=dict(size=24)),
        font=dict(size=20),  # every label at least 20 px (ticks, bar values, axis title)
        height=430,
        margin=dict(l=10, r=40, t=50, b=10),
        yaxis=dict(autorange="reversed", tickfont=dict(size=20)),
        xaxis=dict(title=dict(text=unit, font=dict(size=20)), showgrid=True, tickfont=dict(size=20), tickformat=","),
        plot_bgcolor="white",
    )
    return figure


def chain_kpis(links: pd.DataFrame) -> list[Tile]:
    """The tiles of a chain slide, from the rows of ``chain_coverage`` for the slide's scope."""
    present = int((links.local > 0).sum())
    return [
        Tile("链上环节", f"{len(links)}", "个"),
        Tile("已有环节", f"{present}", "个"),
        Tile("缺失环节", f"{len(links) - present}", "个"),
        Tile("链上企业", f"{int(links.local.sum()):,}", "家"),
    ]


def top_counties(counties: pd.DataFrame, metric, top: int = 10) -> pd.DataFrame:
    """The chart rows of a map slide: the ``top`` counties by the metric (above zero; the city named when the
    slide spans several), or for a categorical metric (首位产业) the number of counties per category. ``attrs['title']`` holds the chart's title."""
    if metric.categorical:
        rows = counties[metric.column].fillna("未确认").value_counts().head(top)
        frame = pd.DataFrame({"label": rows.index, "value": rows.to_numpy()})
        frame.attrs["title"] = f"{metric.label}：各产业县区数"
        return frame
    rows = counties[counties[metric.column] > 0].nlargest(top, metric.column)
    labels = rows.name if counties.city.nunique() == 1 else rows.name + "（" + rows.city + "）"
    frame = pd.DataFrame({"label": labels.to_numpy(), "value": rows[metric.column].to_numpy()})
    frame.attrs["title"] = f"{metric.label}前{top}的县区"
    return frame
