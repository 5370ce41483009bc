"""全省产业地图: the county choropleth with a metric selector, the KPI scorecard and a county's profile.

The map is the slowest element to reach the screen (the browser loads the component, then Leaflet), so the page
emits every other element first: the browser fetches their code while the server is still building the map.
"""

import streamlit as st

import settings
from components import (
    briefing_buttons,
    county_profile,
    deck_editor,
    home_views,
    html_table,
    kpis,
    legend,
    map_view,
    provenance,
    session,
    sidebar,
    url_state,
)
from exports.briefing import Selection
from geo import choropleth
from records import deck
from server import routes

MAP_HEIGHT = 580  # px: with the title above, the map and its legend fit a 1920×1080 projector

filters = sidebar.current(__file__)
view = url_state.View(
    "home", [url_state.Field("metric", "metric", "集群营收合计"), url_state.Field("county", "county")]
)
st.title(f"全省产业地图 · {filters.name} · {filters.year}年")

counties = home_views.counties(filters.year)  # (shared by every session: read only)
selected = home_views.inside(filters.year, filters.region, filters.city)

names = home_views.names(filters.year)
view.take("metric", choropleth.METRICS)
view.take("county", names)
county_profile.take_click("home_map", "adcode", "county")  # before the county selectbox: one run shows it all

left, right = st.columns([3, 2], gap="medium")
with left:
    metric_name = st.segmented_control(
        "地图指标",
        list(choropleth.METRICS),
        key="metric",
        format_func=lambda name: choropleth.METRICS[name].short,
        label_visibility="collapsed",
    )
    metric = choropleth.METRICS[metric_name or "集群营收合计"]

with right:
    kpis.render(filters)
    provenance.render(filters.year, filters.region, filters.city)
    st.selectbox(
        "县区",
        [None, *names],
        key="county",
        format_func=lambda a: names.get(a, "点击地图或在此选择县区"),
        placeholder="点击地图或在此选择县区",
        label_visibility="collapsed",
    )
    current = st.session_state.get("county")
    if current:
        county = counties.drop(columns="geometry").set_index("adcode", drop=False).loc[current]
        county_profile.render(county, filters.year)
    else:
        html_table.show(
            home_views.top_table(filters.year, filters.region, filters.city),
            f"{filters.name}集群营收前十的县区（{filters.year}年）",
        )

with left:

    def draw():
        fmap, legend_items = choropleth.build_map(
            counties,
            metric,
            selected,
            static_url=routes.static_url(),
            basemap_url=settings.BASEMAP_URL,
            basemap_attribution=settings.BASEMAP_ATTRIBUTION,
        )
        outline = choropleth.highlight(counties[counties.adcode == current]) if current else None
        return fmap, outline, legend_items

    items = map_view.view(
        ("home", filters.year, filters.region, filters.city, metric_name, current),
        draw,
        key="home_map",
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
    )
    legend.render(metric.label, items, selected)
    briefing_buttons.render(
        Selection(filters.year, filters.region, filters.city, filters.city_name, metric_name or "集群营收合计"),
        key="home_export",
    )
    deck_editor.add_button(
        session.current(),
        deck.Slide(
            f"{filters.name} · {metric.short or metric.label}",
            metric=metric_name or "集群营收合计",
            region=filters.region,
            city=filters.city,
            year=filters.year,
        ),
    )
view.publish(filters)
