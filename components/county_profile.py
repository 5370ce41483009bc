"""A county's profile beside the map: its clusters with revenue and tier, honour counts, revenue trend."""

from __future__ import annotations

import html

import pandas as pd
import plotly.express as px
import streamlit as st

import store
from analysis import formats
from components import enterprise_links

CLUSTER_COLUMNS = {
    "name": "集群",
    "industry": "产业",
    "level": "级别",
    "revenue": "营收（亿元）",
    "tier": "梯队",
    "firms_above_scale": "规上企业（家）",
    "revenue_source_kind": "来源",
}


def clicked_feature(map_state: dict | None, key: str) -> str | None:
    """Property ``key`` of the feature the user last clicked, from st_folium's return value (None if no click)."""
    feature = (map_state or {}).get("last_active_drawing") or {}
    value = (feature.get("properties") or {}).get(key)
    return value if isinstance(value, str) else None


def clicked_adcode(map_state: dict | None) -> str | None:
    """The adcode of the county the user last clicked, from st_folium's return value (None if no click)."""
    return clicked_feature(map_state, "adcode")


def take_click(map_key: str, key: str, target: str) -> None:
    """Put a new click on map ``map_key`` (its feature's property ``key``) into session state ``target``.

    A click reruns the script with the map's value already in session state: applied before the widget that
    shows ``target`` is drawn, one run shows the result. Only a new click counts, so choosing something else in
    that widget afterwards is not undone by the map's remembered click.
    """
    clicked = clicked_feature(st.session_state.get(map_key), key)
    if clicked and clicked != st.session_state.get(f"{map_key}_last_click"):
        st.session_state[f"{map_key}_last_click"] = clicked
        st.session_state[target] = clicked


def trend_figure(trend: pd.DataFrame):
    """Revenue by cluster over the years, with the 百亿 and 500亿 thresholds marked."""
    fig = px.line(
        trend,
        x="year",
        y="revenue",
        color="cluster",
        markers=True,
        labels={"year": "年份", "revenue": "营业收入（亿元）", "cluster": "集群"},
    )
    fig.add_hline(y=100, line_dash="dot", line_color="#9ca3af", annotation_text="百亿")
    if trend.revenue.max() > 350:
        fig.add_hline(y=500, line_dash="dot", line_color="#9ca3af", annotation_text="500亿")
    fig.update_layout(
        height=300,
        margin=dict(l=10, r=10, t=30, b=10),
        legend_title_text="",
        legend=dict(orientation="h", y=-0.25),
        font=dict(size=14),
        yaxis=dict(tickformat=","),  # 1,000, not Plotly's English "1k"
    )
    fig.update_xaxes(dtick=1)
    return fig


def render(county: pd.Series, year: int) -> None:
    """Draw the profile of one row of ``county_metrics``."""
    st.subheader(f"{county['name']}")
    st.markdown(
        f"{county['city']} · {county['region']} · {county['kind']}　"
        f"首位产业：**{county['leading_industry'] or '未确认'}**"
    )
    clusters = store.query("county_clusters", adcode=county["adcode"], year=year)
    if clusters.empty:
        st.info(f"{year}年该县区没有认定的产业集群。")
    else:
        table = clusters[list(CLUSTER_COLUMNS)].rename(columns=CLUSTER_COLUMNS)
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            column_config={"营收（亿元）": st.column_config.NumberColumn(format=formats.YI_COLUMN)},
        )
        profiles = " · ".join(
            enterprise_links.cluster_link(name, year, cluster_id)
            for cluster_id, name in zip(clusters.cluster_id, clusters.name)
        )
        st.html(f'<p class="cluster-profiles"><b>集群画像</b>：{profiles}</p>')
    honours = store.query("county_honour_counts", adcode=county["adcode"], year=year)
    adcode = [county["adcode"]]
    counts = " ｜ ".join(
        f"{html.escape(h)} {enterprise_links.link(n, year=year, adcode=adcode, honour=[h])}"
        for h, n in zip(honours.honour, honours.enterprises)
    )
    everyone = enterprise_links.link(county["listed"], year=year, adcode=adcode)
    leading = county["leading_industry"]
    chain = (
        enterprise_links.chain_link("首位产业链的缺链与招商线索", year, county["adcode"], leading)
        if isinstance(leading, str)
        else ""
    )
    insight = enterprise_links.page_link("下一步招什么（招商研判）", "insight", year=year, adcode=county["adcode"])
    st.html(
        f'<div class="county-honours" data-adcode="{html.escape(county["adcode"])}">'
        f"<b>{year}年荣誉企业（家，点击查看名单）</b>：{counts}<br>企业名录共 {everyone} 家　{chain}　{insight}</div>"
    )
    trend = store.query("county_revenue_trend", adcode=county["adcode"])
    if not trend.empty:
        st.plotly_chart(trend_figure(trend), width="stretch", config={"displaylogo": False})
