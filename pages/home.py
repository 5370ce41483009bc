"""全省产业地图: the county choropleth with a metric selector, the KPI strip and a county's profile."""

import streamlit as st
from streamlit_folium import st_folium

import settings
import store
from components import county_profile, kpis, legend, sidebar
from geo import boundaries, choropleth

filters: sidebar.Filters = st.session_state["filters"]
st.title(f"全省产业地图 · {filters.year}年")
kpis.render(filters)

metric_name = st.segmented_control("地图指标", list(choropleth.METRICS), key="metric", default="集群营收合计")
metric = choropleth.METRICS[metric_name or "集群营收合计"]

metrics = store.query("county_metrics", year=filters.year)
counties = boundaries.counties()[["adcode", "geometry"]].merge(metrics, on="adcode", validate="1:1")
selected = counties.adcode.notna()
if filters.region:
    selected &= counties.region == filters.region
if filters.city:
    selected &= counties.city_adcode == filters.city

left, right = st.columns([5, 4], gap="medium")
with left:
    fmap, items = choropleth.build_map(counties, metric, selected, static_url=settings.STATIC_URL,
                                      basemap_url=settings.BASEMAP_URL,
                                      basemap_attribution=settings.BASEMAP_ATTRIBUTION)
    current = st.session_state.get("county")
    outline = choropleth.highlight(counties[counties.adcode == current]) if current else None
    state = st_folium(fmap, key="home_map", height=620, use_container_width=True,
                      returned_objects=["last_active_drawing"], feature_group_to_add=outline)
    legend.render(metric.label, items, filtered=not selected.all())

clicked = county_profile.clicked_adcode(state)
if clicked and clicked != st.session_state.get("last_click"):
    st.session_state["last_click"] = clicked
    st.session_state["county"] = clicked
    st.rerun()  # redraw so the outline follows the click

with right:
    names = dict(zip(counties.adcode, counties.name + "（" + counties.city + "）"))
    st.selectbox("县区", [None, *names], key="county", format_func=lambda a: names.get(a, "点击地图或在此选择县区"))
    if st.session_state.get("county"):
        county = counties.drop(columns="geometry").set_index("adcode", drop=False).loc[st.session_state["county"]]
        county_profile.render(county, filters.year)
    else:
        top = metrics.nlargest(10, "cluster_revenue")[["name", "city", "leading_industry", "cluster_revenue"]]
        st.markdown(f"**{filters.year}年集群营收前十的县区**")
        st.dataframe(top.rename(columns={"name": "县区", "city": "所属市", "leading_industry": "首位产业",
                                         "cluster_revenue": "集群营收（亿元）"}), hide_index=True, width="stretch")
