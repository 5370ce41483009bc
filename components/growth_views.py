"""招商研判's province-wide views (issue 22): strong clusters and stars on the map and in a list, and the shift-share
of cluster revenue growth (a map of the local effect, actual against expected growth, the parts by county and
cluster). Each method with its rule and source on the page; every table downloadable."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import store
from analysis import shift_share, strength
from analysis.scope import Scope
from components import downloads, legend
from geo import choropleth

LOCAL_CLASSES = (
    ("明显领先（> 10 亿元）", "#166534"),
    ("领先（0–10 亿元）", "#86efac"),
    ("落后（0–10 亿元）", "#fca5a5"),
    ("明显落后（> 10 亿元）", "#991b1b"),
    ("无可比集群", "#e5e7eb"),
)


@store.derived
def assessed() -> pd.DataFrame:
    """Every county's industries assessed (``analysis.strength``), with the county's name and its cluster there."""
    out = strength.assess(store.query("county_industry_firms"))
    counties = store.query("counties")[["adcode", "name", "city", "region", "city_adcode"]]
    clusters = store.query("cluster_names").rename(columns={"name": "cluster"})
    return out.merge(counties, on="adcode").merge(clusters, on=["adcode", "industry"], how="left")


def cluster_badge(adcode: str, industry: str) -> None:
    """A cluster's 强集群 and stars (its county's industry in the 名录), with the thresholds it was held to."""
    rows = assessed()
    row = rows[(rows.adcode == adcode) & (rows.industry == industry)]
    if row.empty:
        return
    r = row.iloc[0]
    st.html(
        f'<p class="cluster-strength" data-strong="{str(bool(r.strong)).lower()}" data-stars="{int(r.stars)}">'
        f"<b>{strength.badges(r)}</b>　区位熵 {r.lq:.2f}（强集群门槛：≥ {max(r.lq_p75, 1):.2f}；专业化星：≥ 2）"
        f" · 名录营收 {r.revenue:,.1f} 亿元（门槛：≥ {r.size_p25:,.1f}；规模星：≥ {r.size_p90:,.1f}）"
        f" · 占本县营收 {100 * r.share:.1f}%（集中度星：≥ {100 * r.share_p90:.1f}%）</p>"
    )


def in_scope(filters: Scope) -> set[str]:
    """The adcodes of the counties in the sidebar's scope (all of them drawn as in the view, with or without data)."""
    counties = store.query("counties")
    return set(counties.adcode[filters.covers(counties)])


def strong(filters: Scope) -> None:
    rows = assessed()
    inside = filters.covers(rows)
    shown = rows[inside & (rows.strong | (rows.stars > 0))].sort_values(["stars", "lq"], ascending=False)
    per = rows[rows.strong].groupby("adcode").size().rename("strong").reset_index()
    shapes = legend.county_shapes(per)
    shapes["strong"] = shapes.strong.fillna(0)
    shapes["detail"] = shapes.adcode.map(rows[rows.strong].groupby("adcode").industry.apply("、".join)).fillna("—")
    metric = choropleth.Metric(
        "strong", "强集群数", "个", (1, 2, 3), extra=("detail", "强集群产业"), none_label="无强集群"
    )
    left, right = st.columns([3, 2], gap="medium")
    with left:
        selected = shapes.adcode.isin(in_scope(filters))
        legend.county_map(shapes, metric, selected, key="strong_map", title="各区县强集群数", height=520)
    with right:
        st.markdown(
            f"**{int(rows.strong[inside].sum())}** 个强集群（区县 × 产业），"
            f"**{int((rows.stars[inside] > 0).sum())}** 个至少一星；其中已认定为集群的 "
            f"{int((rows.cluster_id.notna() & rows.strong)[inside].sum())} 个。"
        )
        st.caption(strength.RULE)
    table = pd.DataFrame(
        {
            "区县": shown.name,
            "市": shown.city,
            "产业": shown.industry,
            "集群": shown.cluster.fillna("（尚未认定集群）"),
            "评级": shown.apply(strength.badges, axis=1),
            "区位熵": shown.lq.round(2),
            "营收（亿元）": shown.revenue.round(1),
            "占本县营收": (100 * shown.share).round(1).astype(str) + "%",
            "强集群门槛·区位熵（第75百分位）": shown.lq_p75.round(2),
            "强集群门槛·规模（第25百分位，亿元）": shown.size_p25.round(1),
        }
    )
    st.dataframe(table, hide_index=True, width="stretch", height=420, key="strong_table")
    downloads.buttons(table, f"强集群与星级_{filters.name}", key="strong_dl", label="强集群与星级")


def growth(filters: Scope, start: int, end: int) -> None:
    rows = store.query("cluster_indicators")[["cluster_id", "adcode", "industry", "year", "revenue", "name", "county"]]
    parts = shift_share.clusters(rows, start, end)
    counties = shift_share.counties(parts)
    info = store.query("counties")[["adcode", "name", "city", "region", "city_adcode"]]
    counties = counties.merge(info, on="adcode")
    inside = filters.covers(counties)
    shapes = legend.county_shapes(counties[["adcode", "local"]].assign(cls=counties.local.map(_local_class)))
    shapes["cls"] = shapes.cls.fillna(LOCAL_CLASSES[-1][0])
    shapes["detail"] = shapes.local.map(lambda v: "—" if pd.isna(v) else f"{v:+,.1f} 亿元")
    metric = choropleth.Metric(
        "cls", "本地竞争效应", categorical=True, palette=LOCAL_CLASSES, detail="detail", extra=("cls", "分档")
    )
    st.markdown(
        f"{start}—{end}年，全省持续上报的集群营收增长 **{100 * parts.attrs['growth']:.1f}%**。"
        "本地竞争效应为正：增长快于全省同产业。"
    )
    st.caption(
        "变化 = 全省增长效应（按全省集群增速）+ 产业结构效应（所在产业快于或慢于全省）+ 本地竞争效应（快于或慢于全省同产业）"
        f" + 新进入 − 退出；预期变化 = 前两项之和。来源：{shift_share.SOURCE}。"
    )
    left, right = st.columns([3, 2], gap="medium")
    with left:
        selected = shapes.adcode.isin(in_scope(filters))
        legend.county_map(shapes, metric, selected, key="shift_map", title="各区县本地竞争效应", height=520)
    with right:
        st.plotly_chart(bars(counties[inside]), width="stretch", config={"displaylogo": False}, key="shift_bars")
    table = pd.DataFrame(
        {
            "区县": counties.name,
            "市": counties.city,
            f"{start}年营收（亿元）": counties.r0.round(1),
            f"{end}年营收（亿元）": counties.r1.round(1),
            "实际变化": counties.change.round(2),
            "全省增长效应": counties.national.round(2),
            "产业结构效应": counties["mix"].round(2),
            "本地竞争效应": counties.local.round(2),
            "新进入": counties.entry.round(2),
            "退出": counties.exit.round(2),
        }
    )[inside.to_numpy()].sort_values("本地竞争效应", ascending=False)
    st.dataframe(table, hide_index=True, width="stretch", height=380, key="shift_table")
    downloads.buttons(table, f"增长分解_{filters.name}_{start}-{end}", key="shift_dl", label="按区县增长分解")
    with st.expander("按集群的增长分解"):
        named = parts.merge(rows[["cluster_id", "name", "county"]].drop_duplicates("cluster_id"), on="cluster_id")
        named = named[named.adcode.isin(set(counties.adcode[inside]))]
        by_cluster = pd.DataFrame(
            {
                "集群": named.name,
                "区县": named.county,
                "产业": named.industry,
                f"{start}年营收（亿元）": named.r0.round(1),
                f"{end}年营收（亿元）": named.r1.round(1),
                "实际变化": named.change.round(2),
                "全省增长效应": named.national.round(2),
                "产业结构效应": named["mix"].round(2),
                "本地竞争效应": named.local.round(2),
                "新进入或退出": (named.entry - named.exit).round(2),
            }
        ).sort_values("本地竞争效应", ascending=False)
        st.dataframe(by_cluster, hide_index=True, width="stretch", height=380, key="shift_clusters")
        downloads.buttons(
            by_cluster, f"集群增长分解_{filters.name}_{start}-{end}", key="shift_clusters_dl", label="按集群增长分解"
        )


def _local_class(value: float) -> str:
    if value > 10:
        return LOCAL_CLASSES[0][0]
    if value >= 0:
        return LOCAL_CLASSES[1][0]
    return LOCAL_CLASSES[2][0] if value >= -10 else LOCAL_CLASSES[3][0]


def bars(counties: pd.DataFrame) -> go.Figure:
    """Actual against expected change of the 15 counties with the largest local effect either way."""
    top = counties.reindex(counties.local.abs().sort_values(ascending=False).index).head(15).iloc[::-1]
    fig = go.Figure(
        [
            go.Bar(y=top.name, x=top.expected, orientation="h", name="预期变化", marker_color="#9ca3af"),
            go.Bar(y=top.name, x=top.change, orientation="h", name="实际变化", marker_color="#1d4ed8"),
        ]
    )
    fig.update_layout(
        title={"text": "实际与预期变化（亿元，本地效应最大的 15 个区县）", "font": {"size": 16}},
        barmode="group",
        height=520,
        legend={"orientation": "h", "y": -0.08},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        font={"size": 14},
    )
    return fig
