"""Pieces shared by 集群画像 and 赛马评价: the scores of a year under the configuration in force, the radar
chart, and the tier gap."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import store
from analysis import evaluation as ev
from analysis.tiers import next_threshold
from data.vocab import tier
from records import evaluation_config

PALETTE = ("#b91c1c", "#2563eb", "#16a34a", "#9333ea", "#ea580c", "#0891b2")


def config() -> ev.Config:
    return evaluation_config.current(store.cursor())


def scored(cfg: ev.Config) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every cluster-year's indicators, and its scores under ``cfg`` (with name, county, level joined)."""
    values = store.query("cluster_indicators")
    scores = ev.score(values, cfg).merge(
        values[["cluster_id", "year", "name", "county", "city", "industry", "level", "revenue", "adcode"]],
        on=["cluster_id", "year"],
    )
    return values, scores


def radar(scores: pd.DataFrame, cfg: ev.Config, names: dict[str, str], average: pd.Series | None = None) -> go.Figure:
    """Direction scores (0–100) of the clusters in ``scores`` (one trace each), and the year's average."""
    axes = [d.name for d in cfg.directions]
    keys = [d.key for d in cfg.directions]
    fig = go.Figure()
    if average is not None:
        fig.add_trace(
            go.Scatterpolar(
                r=[average[k] for k in keys] + [average[keys[0]]],
                theta=axes + [axes[0]],
                name="全省平均",
                line={"color": "#6b7280", "dash": "dash"},
            )
        )
    for i, row in enumerate(scores.itertuples()):
        values = [getattr(row, k) for k in keys]
        fig.add_trace(
            go.Scatterpolar(
                r=values + [values[0]],
                theta=axes + [axes[0]],
                name=names[row.cluster_id],
                line={"color": PALETTE[i % len(PALETTE)], "width": 3 if i == 0 else 2},
                fill="toself" if i == 0 else None,
                opacity=0.9,
            )
        )
    fig.update_layout(
        polar={"radialaxis": {"range": [0, 100], "tickfont": {"size": 12}}},
        legend={"orientation": "h", "y": -0.12},
        margin={"l": 40, "r": 40, "t": 30, "b": 30},
        height=430,
        font={"size": 15},
    )
    return fig


def tier_gap(revenue: float) -> str:
    """E.g. '百亿级 · 距 300 亿还差 42.5 亿元'."""
    band, above = tier(revenue), next_threshold(revenue)
    if above is None:
        return f"{band} · 已达最高档"
    return f"{band} · 距 {above:g} 亿还差 {above - revenue:,.1f} 亿元"


def show_config(cfg: ev.Config) -> None:
    """The directions, indicators and weights in force, as a table, with the rules."""
    rows = [
        {
            "方向": d.name,
            "方向权重": f"{d.weight:.0%}",
            "指标": i.label,
            "单位": i.unit,
            "指标权重（方向内）": f"{i.weight:.0%}",
            "方向性": "越高越好" if i.better == "higher" else "越低越好",
        }
        for d in cfg.directions
        for i in d.indicators
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.caption(
        f"评价配置第 {cfg.version} 版（{cfg.source}）。标准化：各指标取当年全部集群中的百分位（0–100，100 为最好，并列取平均）；"
        f"缺少数据的指标不计分，由同方向其他指标按权重分担，整个方向缺数据时由其他方向分担。总分低于 "
        f"{cfg.pass_score:g} 分为当年未通过，省级集群连续两年未通过的标记为“动态管理预警”（第十四条）。"
        f"短板：在同档集群（同一营收档，不足 {cfg.min_peers} 个时为当年全部集群）中处于后 "
        f"{cfg.weak_quantile:.0%} 的指标。"
    )
