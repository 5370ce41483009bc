"""The 项目库's pieces: the headline figures (with the 200 重点技改 target of seed 000), the stage funnel, the map of
projects by county, the list as users take it away, and the projects that fill a chain link (循链招商)."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis import formats
from analysis import projects as pj
from components import legend
from geo import choropleth

COLOURS = ("#cbd5e1", "#93c5fd", "#60a5fa", "#2563eb", "#1e3a8a")  # 线索 → 投产


def headline(rows: pd.DataFrame, year: int, province: bool) -> None:
    """Projects, investment, started, in production, and the year's 首位产业 重点技改 (against 200 for the province)."""
    tech = int(pj.implemented(rows, year).sum())
    started = int(rows.stage.isin(["开工", "投产"]).sum())
    goal = (
        f"目标每年{pj.TECH_TARGET}项左右〔000〕，"
        + ("已达到" if tech >= pj.TECH_TARGET else f"差 {pj.TECH_TARGET - tech} 项")
        if province
        else f"全省目标每年{pj.TECH_TARGET}项左右〔000〕"
    )
    cells = [
        ("项目", f"{len(rows):,}", "个", ""),
        ("计划总投资", formats.figure(rows.investment.sum(), "亿元"), "亿元", ""),
        ("已开工（含投产）", f"{started:,}", "个", ""),
        ("已投产", f"{int((rows.stage == '投产').sum()):,}", "个", ""),
        (f"{year}年首位产业集群实施重点技改", f"{tech:,}", "项", goal),
    ]
    items = "".join(
        f'<div class="project-kpi" data-kpi="{html.escape(label)}"><span>{html.escape(label)}</span>'
        f"<b>{value}</b><small>{unit}</small>" + (f"<em>{html.escape(note)}</em>" if note else "") + "</div>"
        for label, value, unit, note in cells
    )
    st.html(f'<div class="project-kpis">{items}</div>')


def funnel(rows: pd.DataFrame) -> go.Figure:
    """Projects that reached each stage (a project at 开工 has passed 线索 … 签约), with their investment."""
    table = pj.funnel(rows)
    fig = go.Figure(
        go.Funnel(
            y=list(table.stage),
            x=list(table.reached),
            marker={"color": list(COLOURS)},
            text=[f"{n:,} 个 · {formats.figure(v, '亿元')} 亿元" for n, v in zip(table.reached, table.investment)],
            textinfo="text",
            hovertemplate="%{y}：%{x} 个项目达到此阶段<extra></extra>",
        )
    )
    fig.update_layout(
        title={"text": "项目阶段漏斗（达到该阶段的项目数）", "font": {"size": 18}},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=380,
        font={"size": 15},
    )
    return fig


def county_map(rows: pd.DataFrame, covered: pd.Series, key: str) -> None:
    """Projects per county (the scope's counties highlighted), the investment in the tooltip."""
    per = rows.groupby("adcode").agg(projects=("name", "size"), investment=("investment", "sum")).reset_index()
    shapes = legend.county_shapes(per)
    shapes["projects"] = shapes.projects.fillna(0)
    shapes["investment_text"] = shapes.investment.map(
        lambda v: f"{formats.figure(v, '亿元')} 亿元" if pd.notna(v) else "—"
    )
    metric = choropleth.Metric(
        "projects", "项目数", "个", (1, 3, 6, 10), extra=("investment_text", "计划总投资"), none_label="无项目"
    )
    selected = shapes.adcode.isin(set(covered))
    legend.county_map(shapes, metric, selected, key=key, title="各区县项目数", height=520)


def listing(rows: pd.DataFrame) -> pd.DataFrame:
    """The projects as the list shows and exports them (text as uploaded: the exports neutralise it)."""
    day = {k: rows[k].map(lambda d: "" if pd.isna(d) else pd.Timestamp(d).strftime("%Y-%m-%d")) for k in pj.DATES}
    return pd.DataFrame(
        {
            "项目名称": rows.name,
            "区县": rows.county,
            "市": rows.city,
            "所属集群": rows.cluster.fillna(""),
            "产业": rows.industry,
            "产业链环节": (rows.link_stage.fillna("") + "·" + rows.link.fillna("")).str.strip("·"),
            "项目类型": rows.kind,
            "计划总投资（亿元）": rows.investment.round(2),
            "项目阶段": rows.stage,
            "签约日期": day["signed_on"],
            "开工日期": day["started_on"],
            "投产日期": day["producing_on"],
            "实施企业": rows.enterprise.fillna(rows.uscc).fillna(""),
            "责任单位": rows.unit.fillna(""),
            "来源": rows.source.fillna(rows.source_id),
        }
    )


def filling(projects: pd.DataFrame, links: pd.DataFrame) -> None:
    """For 循链招商: the projects under way (``analysis.projects.under_way``) that fill the missing or weak ``links``,
    listed by link."""
    found = projects[projects.link_id.isin(set(links.link_id))]
    if found.empty:
        return
    names = dict(zip(links.link_id, links.name))
    lines = "".join(
        f'<li data-link="{html.escape(str(r.link_id))}"><b>{html.escape(names.get(r.link_id, ""))}</b>：'
        f"{html.escape(r.name)}（{html.escape(r.county)}，{html.escape(r.kind)}，{html.escape(r.stage)}，"
        f"{formats.figure(r.investment, '亿元')} 亿元）</li>"
        for r in found.sort_values(["link_id", "investment"], ascending=[True, False]).itertuples()
    )
    st.html(
        f'<div class="links-in-progress"><p><b>在建补链项目</b>：{found.link_id.nunique()} 个缺失或薄弱环节已有项目在推进'
        f"（项目库中尚未投产的项目）</p><ul>{lines}</ul></div>"
    )
