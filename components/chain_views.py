"""Pieces of the 循链招商 page: the chain by stage with each link's enterprises here and in Anhui, and the lead list.

Every cell is escaped here; the counts are links built by ``enterprise_links.link`` (escaped there).
"""

from __future__ import annotations

import html
from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import store
from analysis import chain_network, chains, formats
from analysis import leads as leads_model

STAGES = ("上游", "中游", "下游")
STATUS_CLASS = {
    chains.PRESENT: "present",
    chains.WEAK: "weak",
    chains.MISSING: "missing",
    chains.ABSENT_IN_PROVINCE: "absent",
}
LEAD_COLUMNS = {
    "name": "企业名称",
    "uscc": "统一社会信用代码",
    "county": "县区",
    "city": "所属市",
    "distance_km": "距离（公里）",
    "honours": "荣誉",
    "points": "荣誉分",
    "revenue": "营业收入（万元）",
    "cluster": "所属集群",
}


def stages_html(
    covered: pd.DataFrame,
    local_link: Callable[[int, str], str],
    province_link: Callable[[int, str], str],
    in_progress: dict[str, int] | None = None,
) -> str:
    """Three columns (上游/中游/下游) of link boxes: name, enterprises here (linked), in Anhui (linked), status;
    a missing or weak link with projects under way here (``in_progress``: link_id → projects) says so."""
    in_progress = in_progress or {}
    columns = []
    for stage in STAGES:
        boxes = []
        for r in covered[covered.stage == stage].itertuples():
            badge = "" if r.status == chains.PRESENT else f'<span class="badge">{html.escape(r.status)}</span>'
            if r.status != chains.PRESENT and in_progress.get(r.link_id):
                badge += f'<span class="badge badge-project" data-projects="{in_progress[r.link_id]}">在建项目 {in_progress[r.link_id]}</span>'
            boxes.append(
                f'<div class="chain-link {STATUS_CLASS[r.status]}" data-link="{html.escape(r.link_id)}">'
                f'<div class="chain-name">{html.escape(r.name)}{badge}</div>'
                f'<div class="chain-counts">本地 {local_link(r.local, r.link_id)} 家'
                f"<small>（有荣誉 {r.local_honoured:,}）</small> · 全省 {province_link(r.province, r.link_id)} 家"
                f"</div></div>"
            )
        columns.append(f'<div class="chain-stage"><h4>{stage}</h4>{"".join(boxes) or "<p>—</p>"}</div>')
    return f'<div class="chain-stages">{"".join(columns)}</div>'


def leads_html(leads: pd.DataFrame, top: int) -> str:
    """The first ``top`` leads as an HTML table (name, place, distance, honours, revenue)."""
    weighted = "weighted" in leads
    head = "".join(
        f"<th>{h}</th>"
        for h in ("#", "企业名称", "县区", "所属市", "距离（公里）", "荣誉", "营业收入（万元）")
        + (("加权评分",) if weighted else ())
    )
    rows = []
    for i, r in enumerate(leads.head(top).itertuples(), start=1):
        revenue = formats.wan(r.revenue)
        rows.append(
            f"<tr><td>{i}</td><td>{html.escape(r.name)}"
            + (
                f"<br><small>配套环节：{html.escape(r.need_stage)} · {html.escape(r.need)}</small>"
                if "need" in leads
                else ""
            )
            + f"</td><td>{html.escape(r.county)}</td>"
            f"<td>{html.escape(r.city)}</td><td>{r.distance_km:,.0f}</td><td>{html.escape(r.honours) or '—'}"
            f"</td><td>{revenue}</td>" + (f"<td>{r.weighted:.1f}</td>" if weighted else "") + "</tr>"
        )
    return (
        f'<div class="table-scroll"><table class="plain-table" data-table="leads"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def leads_table(leads: pd.DataFrame) -> pd.DataFrame:
    """The lead list as exported."""
    out = leads[list(LEAD_COLUMNS)].rename(columns=LEAD_COLUMNS)
    out["距离（公里）"] = out["距离（公里）"].round(1)
    out["营业收入（万元）"] = out["营业收入（万元）"].map(formats.to_wan).astype("Int64")
    out["所属集群"] = out["所属集群"].fillna("（集群外）")
    if "weighted" in leads:
        out["加权评分"] = leads.weighted.round(1)
    return out


COLOURS = {
    chains.PRESENT: "#16a34a",
    chains.WEAK: "#f59e0b",
    chains.MISSING: "#dc2626",
    chains.ABSENT_IN_PROVINCE: "#9ca3af",
}


def network(nodes: pd.DataFrame, title: str, in_progress: dict[str, int] | None = None) -> go.Figure:
    """The chain as a network (``analysis.chain_network.layout`` rows): grey lines from each stage to the next,
    one marker per link (size: firms here; colour: status; a star where a 龙头/链主 firm works), its name beside,
    and “在建项目 N” after the name of a link still to fill that has projects under way (``in_progress``)."""
    in_progress = in_progress or {}
    fig = go.Figure()
    xs, ys = [], []
    for a, b in chain_network.edges(nodes):
        xs += [nodes.x[a], nodes.x[b], None]
        ys += [nodes.y[a], nodes.y[b], None]
    fig.add_trace(
        go.Scatter(x=xs, y=ys, mode="lines", line={"color": "#d1d5db", "width": 1}, hoverinfo="skip", showlegend=False)
    )
    for status, colour in COLOURS.items():
        part = nodes[nodes.status == status]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=part.x,
                y=part.y,
                mode="markers+text",
                name=f"{status}（{len(part)}）",
                marker={
                    "size": part["size"],
                    "color": colour,
                    "symbol": np.where(part.leaders > 0, "star", "circle"),
                    "line": {"color": "#ffffff", "width": 1.5},
                },
                text=[
                    f"{name}（在建项目 {in_progress[link]}）"
                    if status != chains.PRESENT and in_progress.get(link)
                    else name
                    for name, link in zip(part.name, part.link_id)
                ],
                textposition="middle right",
                textfont={"size": 15},
                customdata=np.stack([part.link_id, part.local, part.province, part.leader_names], axis=-1),
                hovertemplate="<b>%{text}</b><br>本地 %{customdata[1]:,} 家 · 全省 %{customdata[2]:,} 家"
                "<br>龙头/链主：%{customdata[3]}<extra>" + status + "</extra>",
            )
        )
    fig.update_layout(
        title={"text": title, "font": {"size": 20}},
        height=max(420, 80 * int(nodes.groupby("x").size().max() if len(nodes) else 1)),
        showlegend=True,
        legend={"orientation": "h", "y": -0.05, "font": {"size": 15}},
        margin={"l": 10, "r": 10, "t": 60, "b": 40},
        xaxis={
            "tickvals": [0, 1, 2],
            "ticktext": list(chain_network.STAGES),
            "range": [-0.2, 2.9],
            "showgrid": False,
            "zeroline": False,
            "tickfont": {"size": 17},
            "side": "top",
        },
        yaxis={"visible": False, "range": [-0.12, 1.12]},
        plot_bgcolor="#ffffff",
        clickmode="event+select",
    )
    return fig


def picked_link(event) -> str | None:
    """The link_id of the node clicked in the network chart (``st.plotly_chart``'s selection), else None."""
    points = (
        (event or {}).get("selection", {}).get("points", [])
        if isinstance(event, dict)
        else getattr(getattr(event, "selection", None), "points", [])
    )
    for point in points or []:
        data = point.get("customdata") if isinstance(point, dict) else None
        if data:
            return str(data[0])
    return None


@store.derived
def cluster_growth(year: int) -> pd.DataFrame:
    """Every cluster's name, industry and compound yearly revenue growth over the three years to ``year`` (NaN
    without both figures), for the weighted 招商线索 score."""
    values = store.query("cluster_indicators")
    now = values[values.year == year].set_index("cluster_id")
    then = values[values.year == year - 3].set_index("cluster_id").revenue.reindex(now.index)
    ok = (now.revenue > 0) & (then > 0)
    rate = ((now.revenue / then) ** (1 / 3) - 1).where(ok)
    return pd.DataFrame({"name": now.name, "industry": now.industry, "growth": rate}).reset_index(drop=True)


def lead_weights() -> dict[str, float]:
    """The weighted score's weights, one slider each (session state only: another user's are their own)."""
    with st.expander("加权评分的权重（仅本次会话有效）", expanded=True):
        columns = st.columns(len(leads_model.FACTORS))
        return {
            key: column.slider(label, 0.0, 5.0, leads_model.DEFAULT_WEIGHTS[key], 0.5, key=f"lead_w_{key}")
            for column, (key, label) in zip(columns, leads_model.FACTORS.items())
        }
