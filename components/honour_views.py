"""Pieces of the 优质企业 page: HTML tables whose counts link to their enterprise lists, the map metric, charts.

Tables are plain HTML (large type, text in the page, cheap to draw). Every cell is escaped here; the counts are
links built by ``enterprise_links.link`` (escaped there).
"""

from __future__ import annotations

import html
from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis import honours as hn
from analysis.scorecard import value_text
from components import chart_labels, enterprise_links
from geo.choropleth import Metric

MEASURES = {"enterprises": "企业数", "density": "每百家规上企业", "lq": "区位熵"}
UNITS = {"enterprises": "家", "density": "家/百家", "lq": ""}


def number(value: float, decimals: int = 1) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return "—"
    return f"{value:,.{decimals}f}"


def measure_text(row, measure: str, min_firms: int = hn.MIN_FIRMS) -> str:
    """A county's value of ``measure`` for tooltips and tables; withheld ratios say why."""
    if measure == "enterprises":
        return f"{int(row.enterprises):,} 家"
    if row.firms < min_firms:
        return f"样本不足（规上企业 {int(row.firms)} 家）"
    decimals = 2 if measure == "lq" else 1
    return f"{number(getattr(row, measure), decimals)} {UNITS[measure]}".strip()


def map_metric(honour: str, measure: str) -> Metric:
    """The choropleth of one honour by one measure; ratios of counties under the floor are 样本不足."""
    label = f"{honour}{'数' if measure == 'enterprises' else MEASURES[measure]}"
    if measure == "lq":
        return Metric(
            "value",
            label,
            "",
            breaks=(0.01, 0.5, 0.8, 1.25, 2.0),
            detail="value_text",
            extra=("firms_text", "规上企业"),
            missing=f"样本不足（规上企业<{hn.MIN_FIRMS}家）",
            none_label="无",
        )
    if measure == "density":
        return Metric(
            "value",
            label,
            UNITS[measure],
            detail="value_text",
            extra=("firms_text", "规上企业"),
            missing=f"样本不足（规上企业<{hn.MIN_FIRMS}家）",
            min_break=0.01,
            none_label="无",
        )
    return Metric("value", label, "家", detail="value_text", extra=("firms_text", "规上企业"), none_label="无")


def map_values(counties: pd.DataFrame, measure: str) -> pd.DataFrame:
    """``counties`` (one honour's county rows with density and lq) with the columns ``map_metric`` reads."""
    value = counties[measure].astype(float)
    if measure != "enterprises":
        value = value.where(counties.firms >= hn.MIN_FIRMS)
    return counties.assign(
        value=value.to_numpy(),
        value_text=[measure_text(r, measure) for r in counties.itertuples()],
        firms_text=[f"{int(f):,} 家" for f in counties.firms],
    )


def _table(head: list[str], rows: list[list[str]], cls: str = "plain-table", attrs: str = "") -> str:
    thead = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"{attrs}><thead><tr>{thead}</tr></thead><tbody>{body}</tbody></table>'


def source_text(row) -> str:
    """Where a count's honour records come from, e.g. '公开报道 13 · 示例生成 1,508'."""
    parts = {
        "公开报道": row.published,
        "示例生成": row.generated,
        "上报数据": row.enterprises - row.published - row.generated,
    }
    return " · ".join(f"{kind} {n:,}" for kind, n in parts.items() if n) or "—"


def _scrolling(table: str) -> str:
    """A long table in a box of its own height, header kept in view."""
    return f'<div class="table-scroll">{table}</div>'


def scope_html(rows: pd.DataFrame, link: Callable[..., str], show_lq: bool, first_year: bool = False) -> str:
    """One row per honour for the chosen scope: enterprises and those in clusters (both linking to their lists),
    per 100 规上企业, location quotient (regions and cities only), and the change on the previous year (not for
    the first year of the data)."""
    head = ["荣誉", "企业（家）", "其中集群内", "每百家规上企业", *(["区位熵"] if show_lq else []), "较上年", "来源"]
    out = []
    for r in rows.itertuples():
        change = None if first_year else r.enterprises - r.previous
        out.append(
            [
                html.escape(r.honour),
                link(r.enterprises, honour=[r.honour]),
                link(r.in_clusters, honour=[r.honour], member="in"),
                number(r.density),
                *([number(r.lq, 2)] if show_lq else []),
                "—" if change is None else f"{change:+,d}",
                f'<span class="source">{source_text(r)}</span>',
            ]
        )
    return _table(head, out, attrs=' data-table="scope"')


def ranking_html(
    ranked: pd.DataFrame, measure: str, honour: str, link: Callable[..., str], top: int, place: str = "县区"
) -> str:
    """The first ``top`` ranked units (from ``analysis.honours.rank``): rank, name, count (linked), 规上企业,
    density and LQ; the measure ranked by is in bold."""
    head = ["名次", place, f"{honour}（家）", "规上企业（家）", "每百家规上企业", "区位熵"]
    out = []
    for r in ranked.head(top).itertuples():
        cells = {
            "enterprises": link(r.enterprises, honour=[honour], **_where(r)),
            "density": number(r.density),
            "lq": number(r.lq, 2),
        }
        cells[measure] = f"<b>{cells[measure]}</b>"
        out.append(
            [
                "—" if pd.isna(r.rank) else str(r.rank),
                html.escape(r.name),
                cells["enterprises"],
                f"{int(r.firms):,}",
                cells["density"],
                cells["lq"],
            ]
        )
    return _table(head, out, attrs=f' data-table="ranking-{place}"')


def _where(row) -> dict:
    """The list filter of one row of ``honour_scope_counts``: a county's adcode, a city's or a region's name."""
    if row.level == "县区":
        return {"adcode": [row.code]}
    return {"city": row.code} if row.level == "市" else {"region": row.code, "city": None}


def county_html(rows: pd.DataFrame, link: Callable[..., str]) -> str:
    """A clicked county's nine honours, each count linking to its list."""
    head = ["荣誉", "企业（家）", "每百家规上企业", "区位熵"]
    out = [
        [
            html.escape(r.honour),
            link(r.enterprises, honour=[r.honour], adcode=[r.code]),
            number(r.density),
            number(r.lq, 2),
        ]
        for r in rows.itertuples()
    ]
    return _table(head, out, attrs=' data-table="county"')


def quality_html(gaps: pd.DataFrame, target: float, by_year: int, link: Callable[..., str]) -> str:
    """The 首位产业集群 against the seed 000 target: quality firms (linked), gap, pace and what the pace reaches."""
    head = [
        "集群",
        "县区",
        "所属市",
        "优质企业（家）",
        "差",
        "近3年年均新增",
        f"按此推算{by_year}年",
        "每年需新增",
        "判断",
    ]
    out = []
    for r in gaps.itertuples():
        verdict = (
            '<span class="met">已达标</span>'
            if r.met
            else '<span class="met">可望达标</span>'
            if r.on_track
            else '<span class="gap">难以达标</span>'
        )
        out.append(
            [
                html.escape(r.name),
                html.escape(r.county),
                html.escape(r.city),
                link(r.quality, cluster=r.cluster_id, honour=list(hn.QUALITY_HONOURS)),
                "—" if r.met else f'<span class="gap">{r.gap}</span>',
                number(r.per_year),
                number(r.projected, 0),
                "—" if r.met else number(r.needed_per_year),
                verdict,
            ]
        )
    return _scrolling(_table(head, out, attrs=' data-table="quality"'))


def progress_html(progress: pd.DataFrame, year: int, link: Callable[..., str]) -> str:
    """The seed 001 2025 cluster-wide targets: target, value in ``year`` (linked), share and gap."""
    head = ["指标", "目标", f"{year}年集群内", "完成", "差距", "依据"]
    out = []
    for r in progress.itertuples():
        value = "—" if np.isnan(r.value) else link(int(r.value), honour=list(hn.TARGET_HONOURS[r.metric]), member="in")
        gap = (
            "—"
            if np.isnan(r.gap)
            else (
                '<span class="met">已达到</span>'
                if r.gap == 0
                else f'<span class="gap">差 {value_text(r.gap, "家")}</span>'
            )
        )
        out.append(
            [
                html.escape(r.label),
                f"{r.target_year}年 {value_text(r.target, '家')}",
                value,
                "—" if np.isnan(r.share) else f"{r.share:.0%}",
                gap,
                f"{html.escape(r.wording)}〔{html.escape(r.source_doc)}〕",
            ]
        )
    return _table(head, out, cls="plain-table kpi-table", attrs=' data-table="targets"')


def cluster_html(clusters: pd.DataFrame, counts: pd.DataFrame, link: Callable[..., str]) -> str:
    """Every cluster in scope with each honour's count (linked), most quality firms first."""
    wide = counts.pivot(index="cluster_id", columns="honour", values="enterprises")
    order = counts.drop_duplicates("honour").sort_values("position").honour.tolist()
    head = ["集群", "县区", "规上企业", *[html.escape(h) for h in order]]
    out = []
    for r in clusters.sort_values(["quality", "firms"], ascending=False).itertuples():
        cells = [link(int(wide.at[r.cluster_id, h]), cluster=r.cluster_id, honour=[h]) for h in order]
        out.append(
            [
                html.escape(r.name) + ("<small>（首位）</small>" if r.is_leading else ""),
                html.escape(r.county),
                f"{int(r.firms):,}",
                *cells,
            ]
        )
    return _scrolling(_table(head, out, attrs=' data-table="clusters"'))


# Plotly's default palette, fixed so a line keeps its colour when others are hidden.
COLOURS = ("#636efa", "#ef553b", "#00cc96", "#ab63fa", "#ffa15a", "#19d3f3", "#ff6692", "#b6e880", "#ff97ff")
LAYOUT = dict(
    height=340,
    margin=dict(l=10, r=10, t=30, b=10),
    legend=dict(orientation="h", y=-0.2),
    font=dict(size=15),
    xaxis=dict(dtick=1, title="年份"),
    hovermode="x unified",
)


def _lines(series: dict[str, pd.DataFrame], y_title: str) -> go.Figure:
    """One line per entry (name → frame with year and value). graph_objects directly: plotly express costs
    about 100 ms a chart in every page run."""
    traces = [
        go.Scatter(
            x=frame.year, y=frame.value, name=name, mode="lines+markers", line=dict(color=COLOURS[i % len(COLOURS)])
        )
        for i, (name, frame) in enumerate(series.items())
    ]
    return go.Figure(traces, dict(LAYOUT, yaxis=dict(title=y_title, rangemode="tozero", tickformat=",")))


def trend_figure(trend: pd.DataFrame, shown: list[str]) -> go.Figure:
    """Honour holders over the years for the scope, one line per honour in ``shown``."""
    series = {h: trend[trend.honour == h].rename(columns={"enterprises": "value"}) for h in shown}
    return _lines(series, "企业数（家）")


def totals_figure(totals: pd.DataFrame, targets: pd.DataFrame) -> go.Figure:
    """The seed 001 cluster-wide counts over the years, with each target as a star in its line's colour."""
    series = {label: totals.rename(columns={metric: "value"}) for metric, label in hn.TARGET_COLUMNS.items()}
    fig = _lines(series, "集群内企业（家）")
    colours = dict(zip(hn.TARGET_COLUMNS, COLOURS))
    shown = targets[targets.metric.isin(list(hn.TARGET_COLUMNS))]
    marks = [
        chart_labels.Target(int(t.year), float(t.value), f"目标 {t.value:,.0f}", colours[t.metric])
        for t in shown.itertuples()
    ]
    top = float(totals[list(hn.TARGET_COLUMNS)].max().max()) if not totals.empty else 0.0
    height = fig.layout.height or 450
    chart_labels.add_targets(fig, marks, top=top, plot_px=height - 150, symbol="star")
    return fig


def links_for(year: int, region: str | None, city: str | None) -> Callable[..., str]:
    """``enterprise_links.link`` with the sidebar's year, region and city filled in."""

    def link(count: int, **filters) -> str:
        scope = {"year": year, "region": region, "city": city}
        return enterprise_links.link(count, **(scope | filters))

    return link
