"""营收梯队: clusters by revenue band for the province, regions and cities, against every tier target."""

import streamlit as st

import settings
import store
from analysis import tiers
from components import downloads, legend, map_view, provenance, sidebar, tier_views, url_state
from geo import boundaries, choropleth
from server import routes

filters = sidebar.current(__file__)
VIEWS = ["梯队地图", "百亿县域全覆盖", "临界集群名单"]
view_state = url_state.View(
    "tiers",
    [
        url_state.Field("tier_band", "band"),
        url_state.Field("tier_view", "view", VIEWS[0]),
        url_state.Field("tier_within", "within", 20, kind=int),
    ],
)
view_state.take("tier_band", [b.key for b in tiers.BANDS])
view_state.take("tier_view", VIEWS)
view_state.take("tier_within", range(5, 55, 5))
year, scope = filters.year, dict(region=filters.region, city=filters.city)
province = filters.region is None and filters.city is None
st.title(f"营收梯队 · {filters.name} · {year}年")

clusters = store.query("tier_clusters", year=year, start_year=year - tiers.SPAN, **scope)
clusters["growth"] = tiers.growth(clusters.revenue, clusters.revenue_start, year - clusters.start_year)
county_tiers = store.query("county_tiers", year=year)
in_scope = filters.covers(county_tiers)
counties = county_tiers[in_scope & county_tiers.kind.isin(["县", "县级市"])].adcode
targets = store.query("policy_targets")
targets = targets[targets.metric.isin(list(tier_views.METRIC_LABELS))]


def metrics(revenue):
    return tiers.counts(revenue) | {
        "counties_without_100": tiers.counties_without_100(clusters.county_kind, clusters.adcode, revenue, counties)
    }


now = metrics(clusters.revenue)
projected = {
    y: metrics(tiers.project(clusters.revenue, clusters.growth, y - year))
    for y in sorted({2027, 2030, *targets.year})
    if y > year
}

st.subheader("梯队分布")
bands = store.query("tier_bands", year=year)
if filters.city:
    st.html(tier_views.band_html(bands[bands.scope_code == filters.city]))
else:
    head = bands.level != "市" if province else bands.scope_code == filters.region
    st.html(tier_views.band_html(bands[head]))
    with st.expander("各市梯队分布", expanded=not province):
        st.html(tier_views.band_html(bands[(bands.level == "市") & (province | (bands.region == filters.region))]))
band = st.selectbox(
    "查看梯队内的集群",
    [b.key for b in tiers.BANDS],
    key="tier_band",
    index=None,
    format_func=lambda k: next(b.label for b in tiers.BANDS if b.key == k),
    placeholder="选择梯队",
)
if band:
    st.dataframe(
        clusters[clusters.tier == band][list(tier_views.CLUSTER_COLUMNS)].rename(columns=tier_views.CLUSTER_COLUMNS),
        hide_index=True,
        width="stretch",
        column_config=tier_views.CLUSTER_FORMAT,
    )

provenance.render(year, filters.region, filters.city)

st.subheader("目标与进度")
if province:
    st.html(tier_views.progress_html(tiers.progress(targets, now, projected, year), year))
else:
    st.info("政策目标是全省目标：在侧栏选择“全省”查看进度。下图仍给出所选范围的趋势和预测。")
st.caption(tiers.METHOD)
left, right = st.columns(2)
trend = store.query("tier_trend", **scope)
shown_targets = targets if province else targets.iloc[0:0]
with left:
    st.plotly_chart(
        tier_views.trend_figure(
            trend, projected, shown_targets, year, ("clusters_100", "clusters_500", "clusters_1000"), "集群数（个）"
        )
    )
with right:
    st.plotly_chart(
        tier_views.trend_figure(trend, projected, shown_targets, year, ("total_revenue",), "集群营收总规模（亿元）")
    )

view = st.segmented_control("查看", VIEWS, key="tier_view")
if view == "临界集群名单":
    within = st.slider("距下一梯队下限不超过（%）", 5, 50, step=5, key="tier_within") / 100
    by_year = 2027 if year < 2027 else year + 1
    watch = tiers.watch_list(clusters, within, year, by_year)
    table = watch[list(tier_views.WATCH_COLUMNS)].rename(columns=tier_views.WATCH_COLUMNS)
    st.markdown(f"**{len(watch)} 个集群**距下一梯队不超过 {within:.0%}；“所需年均增速”按 {by_year} 年前达到计。")
    st.dataframe(table, hide_index=True, width="stretch", column_config=tier_views.WATCH_FORMAT)
    downloads.buttons(
        table,
        f"临界集群名单_{filters.name}_{year}",
        key="watch",
        notes=[f"{filters.name}{year}年距下一梯队不超过{within:.0%}的集群", tiers.METHOD],
    )
else:
    metric = tier_views.TIER_MAP if view != "百亿县域全覆盖" else tier_views.COVERAGE_MAP
    county_layer = tier_views.county_layer(county_tiers, year)
    layer = boundaries.counties()[["adcode", "geometry"]].merge(county_layer, on="adcode", validate="1:1")
    layer["leading_industry"] = layer.top_cluster
    fmap, items = choropleth.build_map(
        layer,
        metric,
        layer.adcode.isin(county_tiers[in_scope].adcode),
        static_url=routes.static_url(),
        basemap_url=settings.BASEMAP_URL,
        basemap_attribution=settings.BASEMAP_ATTRIBUTION,
    )
    map_view.show(fmap, key="tiers_map", height=560, use_container_width=True, returned_objects=[])
    legend.render(metric.label, items, in_scope)
    if view == "百亿县域全覆盖":
        gaps = county_layer[in_scope & (county_layer.gap > 0)].sort_values("gap")
        st.markdown(f"**{len(gaps)} 个县(市)尚无百亿级集群**（市辖区不计入县域全覆盖目标）")
        st.dataframe(
            gaps[list(tier_views.GAP_COLUMNS)].rename(columns=tier_views.GAP_COLUMNS),
            hide_index=True,
            width="stretch",
            column_config=tier_views.GAP_FORMAT,
        )
view_state.publish(filters)
