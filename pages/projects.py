"""项目库: the province's projects — 招商引资, 重大项目 and 重点技改 — as the counties filed them (县申报 → 市审核 → 省确认,
upload kind 项目库), filtered by type, industry, stage and county; the stage funnel, the map by county, counts by
county, city or cluster against the 200 重点技改 a year of seed 000, and the list to take away."""

import html

import streamlit as st

import store
from analysis import projects as pj
from components import downloads, project_views, sidebar, url_state

filters = sidebar.current(__file__)
GROUPS = {"区县": "county", "市": "city", "集群": "cluster"}
view = url_state.View(
    "projects",
    [
        url_state.Field("proj_kinds", "kind", [], many=True),
        url_state.Field("proj_industry", "industry"),
        url_state.Field("proj_stages", "stage", [], many=True),
        url_state.Field("proj_county", "county"),
        url_state.Field("proj_cluster", "cluster"),
        url_state.Field("proj_group", "by", "区县"),
    ],
)
year = filters.year
st.title(f"项目库 · {filters.name} · {year}年")
st.caption(
    "各县（市、区）上报、市级审核、省级确认的招商引资、重大项目和重点技改项目（数据上报 → 项目库）。"
    "“实施重点技改”指首位产业集群的重点技改项目当年在建或当年投产（开工不晚于年底，未投产或投产不早于年初）。"
)
projects = store.query("projects")
scoped = projects[filters.covers(projects)]
counties = store.query("counties")
counties = counties[filters.covers(counties)]
county_names = dict(zip(counties.adcode, counties.name + "（" + counties.city + "）"))
industries = sorted(set(scoped.industry))
view.take("proj_kinds", pj.KINDS)
view.take("proj_industry", industries)
view.take("proj_stages", pj.STAGES)
view.take("proj_county", list(county_names))
clusters = scoped.dropna(subset=["cluster_id"]).drop_duplicates("cluster_id").sort_values(["adcode", "cluster"])
cluster_names = dict(zip(clusters.cluster_id, clusters.cluster))
view.take("proj_cluster", list(cluster_names))
view.take("proj_group", list(GROUPS))

row = st.columns([3, 2, 3, 2, 3])
kinds = row[0].multiselect("项目类型", pj.KINDS, key="proj_kinds", placeholder="全部类型")
industry = row[1].selectbox("产业", industries, key="proj_industry", index=None, placeholder="全部产业")
stages = row[2].multiselect("项目阶段", pj.STAGES, key="proj_stages", placeholder="全部阶段")
county = row[3].selectbox(
    "区县", list(county_names), format_func=county_names.get, key="proj_county", index=None, placeholder="全部区县"
)
cluster = row[4].selectbox(
    "所属集群",
    list(cluster_names),
    format_func=cluster_names.get,
    key="proj_cluster",
    index=None,
    placeholder="全部集群",
)
rows = scoped
if kinds:
    rows = rows[rows.kind.isin(kinds)]
if industry:
    rows = rows[rows.industry == industry]
if stages:
    rows = rows[rows.stage.isin(stages)]
if county:
    rows = rows[rows.adcode == county]
if cluster:
    rows = rows[rows.cluster_id == cluster]
chosen = "、".join(
    part
    for part in (
        "、".join(kinds),
        industry or "",
        "、".join(stages),
        county_names.get(county, "") if county else "",
        cluster_names.get(cluster, "") if cluster else "",
    )
    if part
)
st.html(
    f'<p class="list-count" data-projects="{len(rows)}"><b>共 {len(rows):,} 个项目</b>　'
    f"<span>{html.escape(chosen or '全部项目')}</span></p>"
)
project_views.headline(rows, year, filters.province and not (industry or county or cluster))

if projects.empty:
    st.info("项目库尚无项目。各县（市、区）在“数据上报”中选择“项目库”上报，经市级审核、省级确认后在此显示。")
    view.stop(filters)
left, right = st.columns([3, 2], gap="medium")
with left:
    project_views.county_map(rows, counties.adcode, key="projects_map")
with right:
    st.plotly_chart(project_views.funnel(rows), width="stretch", config={"displaylogo": False}, key="projects_funnel")
    st.caption("漏斗按“已达到的最后阶段”累计：开工的项目也计入线索、洽谈、签约。")

group = st.segmented_control("按…汇总", list(GROUPS), key="proj_group") or "区县"
table = pj.by_group(rows.assign(cluster=rows.cluster.fillna("（未归属集群）")), GROUPS[group], group, year)
st.dataframe(table, hide_index=True, width="stretch", height=min(420, 38 + 35 * len(table)), key="projects_groups")
downloads.buttons(table, f"项目库_按{group}汇总_{filters.name}", key="projects_groups_dl", label=f"按{group}汇总")

st.markdown("#### 项目清单")
listed = project_views.listing(rows)
st.dataframe(listed, hide_index=True, width="stretch", height=420, key="projects_list")
downloads.buttons(listed, f"项目库_{filters.name}_{year}", key="projects_list_dl", label="项目清单")
view.publish(filters)
