"""培育与认定 · 目标与缺口: every target of the documents against the store's figures (each with its document), the
R&D rule of seed 000 against the provincial figure the administrator enters, and the per-cluster gaps (public
service platform, 五个一) on a map and in lists."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import store
from analysis import gaps
from analysis import targets as tg
from analysis.scope import Scope
from components import attempt, downloads, gap_lists, html_table, legend, session
from geo import boundaries, choropleth
from records import access, province_figures

GAP_METRICS = {
    "缺少公共服务平台的集群数": choropleth.Metric(
        "no_platform",
        "缺少公共服务平台的集群数",
        "个",
        (1, 2, 3),
        detail="detail",
        extra=("city", "所属市"),
        none_label="无缺口或无集群",
    ),
    "“五个一”缺项数": choropleth.Metric(
        "five_one_missing",
        "“五个一”缺项数（各集群相加）",
        "项",
        (1, 3, 5, 8),
        detail="detail",
        extra=("city", "所属市"),
        none_label="无缺项或无集群",
    ),
}
RD = "rd_intensity_above_scale"


def render(filters: Scope, current: access.User | None) -> None:
    values = store.query("cluster_indicators")  # (the figures only: no 赛马 scores needed)
    year = filters.year if filters.year in set(values.year) else int(values.year.max())
    figures = tg.figures_of(
        store.query("tier_counts", year=year, region=None, city=None).iloc[0],
        store.query("target_progress", year=year).iloc[0],
    )
    table = tg.table(store.query("policy_targets"), figures, tg.shortfalls(values, year))
    html_table.render(table, {c: c for c in table.columns}, f"政策目标进度（全省，{year}年数据；〔〕内为文件编号）")
    downloads.buttons(table, f"政策目标进度_{year}", key="targets", label="目标进度")
    rd_rule(values, year, current)
    gap_map(values, year, filters)


def rd_rule(values: pd.DataFrame, year: int, current: access.User | None) -> None:
    rows = values[(values.year == year) & values.is_leading.astype(bool) & values.rd_intensity.notna()]
    average = (rows.rd_intensity * rows.revenue).sum() / rows.revenue.sum() if len(rows) else float("nan")
    province = province_figures.latest(store.cursor(), RD, year)
    line = f"县域首位产业集群企业平均研发投入强度（按营收加权）{year}年 **{average:.2f}%**（{len(rows)} 个集群）"
    if province is None:
        st.markdown(
            line + "；全省规上工业企业平均水平尚未录入，无法比较（〔000〕2027年目标：高于全省规上工业企业平均水平）。"
        )
    else:
        verdict = "高于" if average > province.value else "未高于"
        st.markdown(
            line + f"，{verdict}全省规上工业企业平均 **{province.value:.2f}%**（{int(province.year)}年，"
            f"来源：{province.source}；〔000〕2027年目标：高于全省平均）。"
        )
    if current is not None and access.allowed(current, "set_province_figures"):
        with st.expander("录入全省规上工业企业研发投入强度"):
            left, middle = st.columns(2)
            at = left.number_input("年份", 2015, year, year, key="rd_year")
            value = middle.number_input(
                "研发投入强度（%）", 0.0, 20.0, value=None, step=0.01, key="rd_value", placeholder="如 2.10"
            )
            source = st.text_input(
                "数据来源", key="rd_source", max_chars=200, placeholder="如《安徽省2024年国民经济和社会发展统计公报》"
            )
            if st.button("保存", key="rd_save"):
                attempt.attempt(
                    lambda: province_figures.save(store.cursor(), session.username(), RD, int(at), value, source),
                    f"已保存 {int(at)} 年全省规上工业企业研发投入强度。",
                )


def gap_map(values: pd.DataFrame, year: int, filters: Scope) -> None:
    st.markdown("#### 集群缺口地图（公共服务平台：〔002〕〔000〕；“五个一”：〔000〕〔001〕）")
    name = st.segmented_control("缺口", list(GAP_METRICS), default=list(GAP_METRICS)[0], key="gap_metric")
    metric = GAP_METRICS[name or list(GAP_METRICS)[0]]
    counties = store.query("county_metrics", year=year)
    rows = values[values.year == year]
    per_county = gaps.by_county(rows)
    frame = counties[["adcode", "name", "city", "region", "city_adcode"]].merge(per_county, on="adcode", how="left")
    frame = frame.fillna({"no_platform": 0, "five_one_missing": 0, "detail": "无集群"})
    shapes = boundaries.counties()[["adcode", "geometry"]].merge(frame, on="adcode")
    shapes["leading_industry"] = shapes.city
    selected = pd.Series(filters.covers(shapes).to_numpy(), index=shapes.index)
    left, right = st.columns([3, 2], gap="medium")
    with left:
        legend.county_map(shapes, metric, selected, key="gap_map", title=metric.label)
    with right:
        inside = set(frame[filters.covers(frame)].adcode)
        gap_lists.render(values, year, inside, filters.name)
