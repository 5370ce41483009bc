"""Pieces of the 营收梯队 page: the band table, target progress, the trend with its projection, the map metrics."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis import formats
from analysis.scorecard import value_text
from analysis.tiers import BANDS, coverage
from components import chart_labels
from geo.choropleth import NO_DATA, Metric

HEIGHT = 380  # px of the trend charts

METRIC_LABELS = {
    "cluster_count": ("集群总数", "个"),
    "total_revenue": ("集群营收总规模", "亿元"),
    "clusters_100": ("百亿级以上集群", "个"),
    "clusters_300_500": ("300–500亿级集群", "个"),
    "clusters_500": ("500亿级以上集群", "个"),
    "clusters_1000": ("千亿级集群", "个"),
    "counties_without_100": ("尚无百亿级集群的县(市)", "个"),
}

TIER_MAP = Metric(
    "top_tier_label",
    "最高梯队集群",
    palette=(
        ("千亿级", "#7f1d1d"),
        ("500–1000亿", "#b91c1c"),
        ("300–500亿", "#ef4444"),
        ("100–300亿", "#fca5a5"),
        ("百亿以下", "#fde68a"),
        ("无集群", NO_DATA),
    ),
    detail="top_detail",
    extra=("top_cluster", "最大集群"),
)
COVERAGE_MAP = Metric(
    "coverage",
    "百亿县域全覆盖（2030年）",
    palette=(
        ("已有百亿级集群", "#15803d"),
        ("差距 <30亿", "#fde68a"),
        ("差距 30–70亿", "#fb923c"),
        ("差距 ≥70亿", "#dc2626"),
        ("无集群", "#7f1d1d"),
        ("市辖区（不计入）", NO_DATA),
    ),
    detail="coverage_detail",
    extra=("top_cluster", "最大集群"),
)
CLUSTER_COLUMNS = {
    "name": "集群",
    "county": "县区",
    "city": "所属市",
    "industry": "产业",
    "level": "级别",
    "revenue": "营收（亿元）",
    "growth": "近年年均增速",
    "source_kind": "营收来源",
}
CLUSTER_FORMAT = {
    "营收（亿元）": st.column_config.NumberColumn(format=formats.YI_COLUMN),
    "近年年均增速": st.column_config.NumberColumn(format="percent"),
}
GAP_COLUMNS = {
    "name": "县(市)",
    "city": "所属市",
    "top_cluster": "最大集群",
    "top_revenue": "最大集群营收（亿元）",
    "gap": "距百亿差距（亿元）",
    "needed": "2030年前所需年均增速",
}
GAP_FORMAT = {
    "最大集群营收（亿元）": st.column_config.NumberColumn(format=formats.YI_COLUMN),
    "距百亿差距（亿元）": st.column_config.NumberColumn(format=formats.YI_COLUMN),
    "2030年前所需年均增速": st.column_config.NumberColumn(format="percent"),
}
WATCH_COLUMNS = {
    "name": "集群",
    "county": "县区",
    "city": "所属市",
    "industry": "产业",
    "revenue": "营收（亿元）",
    "next_threshold": "下一梯队下限（亿元）",
    "gap": "差距（亿元）",
    "gap_share": "差距占比",
    "growth": "近年年均增速",
    "needed": "所需年均增速",
    "reach_year": "按近年增速达到年份",
    "source_kind": "营收来源",
}
WATCH_FORMAT = {
    "营收（亿元）": st.column_config.NumberColumn(format=formats.YI_COLUMN),
    "下一梯队下限（亿元）": st.column_config.NumberColumn(format=formats.YI_COLUMN),
    "差距（亿元）": st.column_config.NumberColumn(format=formats.YI_COLUMN),
    "差距占比": st.column_config.NumberColumn(format="percent"),
    "近年年均增速": st.column_config.NumberColumn(format="percent"),
    "所需年均增速": st.column_config.NumberColumn(format="percent"),
    "按近年增速达到年份": st.column_config.NumberColumn(format="%d"),
}


def _num(value: float, unit: str) -> str:
    return f"{value_text(value, unit)} {unit}"


def band_frame(bands: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``tier_bands`` as a table with a two-level header: band → 个数 / 营收（亿元）."""
    columns = {("范围", ""): bands.scope, ("合计", "个数"): bands.clusters, ("合计", "营收（亿元）"): bands.revenue}
    for band in BANDS:
        columns[(band.label, "个数")] = bands[f"n_{band.column}"]
        columns[(band.label, "营收（亿元）")] = bands[f"rev_{band.column}"].where(bands[f"n_{band.column}"] > 0)
    return pd.DataFrame(columns)


def band_html(bands: pd.DataFrame) -> str:
    return band_frame(bands).to_html(
        index=False, border=0, classes="plain-table band-table", na_rep="—", float_format=lambda v: f"{v:,.1f}"
    )


def progress_html(progress: pd.DataFrame, year: int) -> str:
    """Targets by year with their documents, the value now, the projection and the verdict."""
    rows = []
    for p in progress.sort_values(["year", "metric", "source_doc"]).itertuples():
        label, unit = METRIC_LABELS[p.metric]
        future = p.year > year
        amount = _num(abs(p.margin), unit)
        if p.on_track:
            verdict = f'<span class="met">{"预计达到" if future else "已达到"}</span>'
        else:
            verdict = f'<span class="gap">{"预计差" if future else "差"} {amount}</span>'
        rows.append(
            f"<tr><td>{p.year}年</td><td>{label}</td><td>{html.escape(p.wording)}</td>"
            f"<td>〔{html.escape(p.source_doc)}〕</td><td>{_num(p.now, unit)}</td>"
            f"<td>{_num(p.expected, unit) if future else '—'}</td><td>{verdict}</td></tr>"
        )
    head = (
        f"<tr><th>目标年</th><th>指标</th><th>目标（原文）</th><th>文件</th><th>{year}年</th>"
        f"<th>按近年增速预测</th><th>判断</th></tr>"
    )
    return f'<table class="plain-table progress-table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def trend_figure(
    trend: pd.DataFrame,
    projected: dict[int, dict[str, float]],
    targets: pd.DataFrame,
    year: int,
    metrics: tuple[str, ...],
    title: str,
) -> go.Figure:
    """Actual values up to ``year`` (solid), the projection to the target years (dashed), targets (◆ with doc)."""
    colours = ("#b91c1c", "#ea580c", "#7c3aed", "#0f766e")
    fig = go.Figure()
    actual = trend[trend.year <= year]
    marks, top = [], 0.0
    for metric, colour in zip(metrics, colours):
        label, unit = METRIC_LABELS[metric]
        fig.add_scatter(
            x=actual.year, y=actual[metric], name=label, mode="lines+markers", line=dict(color=colour, width=3)
        )
        ahead = sorted(y for y in projected if y > year)
        if ahead and not actual.empty:
            xs = [year, *ahead]
            ys = [actual[metric].iloc[-1], *(projected[y][metric] for y in ahead)]
            fig.add_scatter(
                x=xs,
                y=ys,
                name=f"{label}（预测）",
                mode="lines+markers",
                line=dict(color=colour, dash="dash"),
                marker=dict(symbol="circle-open"),
            )
        aims = targets[targets.metric == metric]
        marks += [
            chart_labels.Target(int(y), float(v), f"{formats.figure(v, unit)}〔{d}〕", colour)
            for y, v, d in zip(aims.year, aims.value, aims.source_doc)
        ]
        top = max(top, actual[metric].max() if not actual.empty else 0, *(projected[y][metric] for y in ahead))
    fig.update_layout(
        title=title,
        height=HEIGHT,
        margin=dict(l=10, r=10, t=50, b=10),
        font=dict(size=14),
        legend=dict(orientation="h", y=-0.15),
        hovermode="x unified",
    )
    fig.update_xaxes(dtick=1, range=[trend.year.min() - 0.5, max(year, *projected, 2030) + 0.5])
    fig.update_yaxes(tickformat=",")  # 20,000, not Plotly's English "20k"
    # targets of one year (e.g. 2027's 1〔001〕 and 2〔000〕) are labelled apart, and the last year's inside the chart
    chart_labels.add_targets(fig, marks, top=float(top), plot_px=HEIGHT - 130)
    return fig


def county_layer(county_tiers: pd.DataFrame, year: int, goal_year: int = 2030) -> pd.DataFrame:
    """``county_tiers`` with the columns the two maps colour by and their tooltip texts."""
    short = {b.key: b.label.split("（")[0] for b in BANDS}
    out = county_tiers.copy()
    out["top_tier_label"] = out.top_tier.map(short).fillna("无集群")
    out["top_detail"] = [
        f"{t} · {r:,.1f} 亿元" if isinstance(n, str) else "无集群"
        for n, t, r in zip(out.top_cluster, out.top_tier_label, out.top_revenue)
    ]
    gaps = coverage(out, year, goal_year).set_index("adcode")
    out["gap"] = out.adcode.map(gaps.gap)
    out["needed"] = out.adcode.map(gaps.needed)
    category, detail = [], []
    for kind, top, gap, needed in zip(out.kind, out.top_revenue, out.gap, out.needed):
        if kind not in ("县", "县级市"):
            category.append("市辖区（不计入）")
            detail.append("市辖区不在县域全覆盖目标之内")
        elif pd.isna(top):
            category.append("无集群")
            detail.append("尚无认定集群")
        elif gap <= 0:
            category.append("已有百亿级集群")
            detail.append(f"最大集群 {top:,.1f} 亿元")
        else:
            category.append("差距 <30亿" if gap < 30 else "差距 30–70亿" if gap < 70 else "差距 ≥70亿")
            detail.append(f"最大集群 {top:,.1f} 亿元，差 {gap:,.1f} 亿元，{goal_year}年前需年均增长 {needed:.1%}")
    out["coverage"] = category
    out["coverage_detail"] = detail
    return out
