"""2010专业镇: seed 003's baseline as the document gives it (its table by city, rebuilt from the data; its 2010
figures and 2015 targets beside today's clusters) and on the map (each county by whether its named 2010 towns'
industries continue in a cluster today; the towns as points at their county's centre)."""

from __future__ import annotations

import math

import folium
import pandas as pd
import streamlit as st

import store
from analysis import towns
from components import downloads, html_table, legend
from geo import boundaries, choropleth

METRIC = choropleth.Metric(
    "status",
    "2010年专业镇与今天的集群",
    categorical=True,
    palette=towns.PALETTE,
    detail="detail",
    extra=("city", "所属市"),
)


def figures(values: pd.DataFrame) -> None:
    """The 2010 figures and the 2015 targets (the document's words) beside today's county clusters."""
    source = store.query("towns_2010_figures").set_index(["key", "year"])
    year = int(values.year.max())
    now = values[values.year == year]
    today = {
        "towns": (len(now), "个县域产业集群"),
        "revenue": (now.revenue.sum(), "亿元（集群营业收入）"),
        "firms_above_scale": (now.firms_above_scale.sum(), "家（集群规上企业）"),
        "towns_10": ((now.revenue >= 10).sum(), "个（营收≥10亿元）"),
        "towns_50": ((now.revenue >= 50).sum(), "个（营收≥50亿元）"),
        "towns_100": ((now.revenue >= 100).sum(), "个（营收≥100亿元）"),
    }
    targets = {
        "towns": "towns",
        "revenue": "revenue",
        "towns_10": "clusters_10",
        "towns_50": "clusters_50",
        "towns_100": "clusters_100",
    }
    rows = []
    for key, (value, unit) in today.items():
        was = source.loc[(key, 2010)] if (key, 2010) in source.index else None
        goal = source.loc[(targets[key], 2015)] if key in targets and (targets[key], 2015) in source.index else None
        rows.append(
            {
                "指标": was.label if was is not None else key,
                "2010年（专业镇）": f"{was.value:,.0f} {was.unit}" if was is not None else "—",
                "2015年目标": f"{goal.value:,.0f} {goal.unit}" if goal is not None else "—",
                f"{year}年（县域产业集群）": f"{value:,.0f} {unit}",
            }
        )
    html_table.render(
        pd.DataFrame(rows),
        {c: c for c in rows[0]},
        f"2010年基线、“十二五”目标与{year}年（口径不同：2010年为乡镇级专业镇）",
    )
    with st.expander("文件原文（〔003〕一(一)、三(三)）"):
        for r in source.reset_index().itertuples():
            st.markdown(f"- {r.year}年 · {r.label}：{r.value:,.0f} {r.unit}　“{r.wording}”")


def town_map(named: pd.DataFrame, comparison: pd.DataFrame) -> None:
    counties = store.query("county_metrics", year=int(store.query("data_years").year.max()))
    categories = towns.map_categories(counties.adcode, comparison)
    shapes = boundaries.counties()[["adcode", "geometry"]].merge(
        counties[["adcode", "name", "city"]].merge(categories, on="adcode"), on="adcode"
    )
    shapes["leading_industry"] = shapes.city
    selected = pd.Series(True, index=shapes.index)

    def towns_layer(fmap: folium.Map) -> None:
        """The named towns as points at their county's centre, spread on a small circle where several."""
        points = folium.FeatureGroup(name="towns")
        for adcode, own in named[named.adcode.notna()].groupby("adcode"):
            lon, lat = boundaries.centre((adcode,))
            for i, r in enumerate(own.itertuples()):
                angle, radius = 2 * math.pi * i / max(len(own), 1), 0.045 if len(own) > 1 else 0
                folium.CircleMarker(
                    (lat + radius * math.sin(angle), lon + radius * math.cos(angle)),
                    radius=6,
                    color="#7c2d12",
                    weight=1.5,
                    fill=True,
                    fill_color="#ea580c",
                    fill_opacity=0.9,
                    tooltip=folium.Tooltip(
                        f"{r.town}（{r.county_2010}，2010年）：{r.industry}", style="font-size:15px"
                    ),
                ).add_to(points)
        points.add_to(fmap)

    legend.county_map(
        shapes,
        METRIC,
        selected,
        key="towns_map",
        title="各县区（点：规划点名的专业镇，位于所在县区中心，示意）",
        height=620,
        add=towns_layer,
    )


def comparison_table(comparison: pd.DataFrame) -> None:
    table = comparison.rename(
        columns={
            "county": "县区（今）",
            "city": "所属市（今）",
            "towns": "2010年专业镇（产业）",
            "clusters": "今天的集群产业",
            "continued": "延续的产业",
            "status": "对照",
        }
    ).drop(columns=["adcode"])
    st.dataframe(table, hide_index=True, width="stretch", height=520)
    downloads.buttons(table, "2010年专业镇与今天的集群", key="towns_compare", label="对照表")
