"""2010专业镇: seed 003's baseline — the 100 省认定产业集群专业镇 of 2010 by city and region (the document's table,
rebuilt from the data), its 2010 figures and 2015 targets beside today's clusters, the towns its text names on the
map, and per county whether their industries continue in a cluster today."""

import streamlit as st

import store
from analysis import towns
from components import downloads, html_table, sidebar, towns_views

sidebar.current(__file__)
st.title("2010年省认定产业集群专业镇（“十二五”基线）")
st.caption(
    "来源：〔003〕《安徽省“十二五”产业集群专业镇发展规划》。城市为2010年区划（巢湖市2011年撤销，其县区今属合肥、芜湖、马鞍山）。"
)

cities = store.query("towns_2010_cities")
named = store.query("towns_2010_named")
total = towns.totals(cities)
st.markdown(
    f"**省认定产业集群专业镇 {total['全省']} 个**：皖南 {total['皖南']} 个 · 皖北 {total['皖北']} 个 · "
    f"皖中 {total['皖中']} 个；规划正文点名 {len(named)} 个（文件未列出全部名单），其中 "
    f"{int(named.adcode.notna().sum())} 个能对应到今天的县区。"
)
left, right = st.columns([2, 3], gap="medium")
with left:
    table = towns.region_table(cities)
    html_table.render(
        table, {c: c.split("·")[1] for c in table.columns}, "省认定产业集群专业镇地域分布情况表（〔003〕一(二)）"
    )
    st.caption("列依次为皖南、皖北、皖中的地市与专业镇个数；合计由各市个数相加。")
with right:
    towns_views.figures(store.query("cluster_indicators"))  # (the figures only: no 赛马 scores needed)

clusters = store.query("cluster_names")
comparison = towns.county_comparison(named, clusters)
continued = int((comparison.status == towns.CONTINUED).sum())
st.markdown(
    f"#### 从2010年专业镇到今天的集群：{len(comparison)} 个县区有规划点名的专业镇，其中 **{continued}** 个县区的专业镇产业今天仍有同类集群"
)
left, right = st.columns([3, 2], gap="medium")
with left:
    towns_views.town_map(named, comparison)
with right:
    towns_views.comparison_table(comparison)

st.markdown("#### 规划点名的专业镇")
listed = named.rename(
    columns={
        "town": "专业镇",
        "county_2010": "县区（2010）",
        "city_2010": "地市（2010）",
        "region": "区域",
        "county": "县区（今）",
        "industry": "特色产业",
        "lineage": "今天对应的集群产业",
        "section": "文件位置",
        "note": "说明",
    }
)[
    [
        "专业镇",
        "县区（2010）",
        "地市（2010）",
        "区域",
        "县区（今）",
        "特色产业",
        "今天对应的集群产业",
        "文件位置",
        "说明",
    ]
]
listed["今天对应的集群产业"] = listed["今天对应的集群产业"].str.replace("|", "、")
st.dataframe(listed.fillna(""), hide_index=True, width="stretch", height=420)
downloads.buttons(listed, "2010年专业镇名单（规划点名）", key="towns_list", label="名单")
