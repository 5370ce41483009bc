"""招商研判: what a county's 招商 office should attract next and why (relatedness of chain links across the 104
counties, adjacency in its own chains, the province's gaps), the strong clusters and stars, the shift-share of
cluster growth, and the county's peers — each method stated on the page with its formula and source (issue 22)."""

import streamlit as st

import store
from components import growth_views, insight_views, peer_views, sidebar, supply_views, url_state

filters = sidebar.current(__file__)
counties = store.query("counties")
counties = counties[filters.covers(counties)]
names = dict(zip(counties.adcode, counties.name + "（" + counties.city + "）"))
cities = counties.drop_duplicates("city_adcode")
places = dict(zip(cities.city_adcode, cities.city + "（全市）")) | names  # 下一步招什么 for a city too
view = url_state.View(
    "insight",
    [
        url_state.Field("insight_county", "adcode"),
        url_state.Field("insight_start", "start", kind=int),
    ],
)
view.take("insight_county", places, default=next(iter(names)))
years = sorted(set(store.query("cluster_indicators").year))
end = filters.year if filters.year in years else years[-1]
starts = [y for y in years if y < end]
view.take("insight_start", starts, default=max(starts[0], end - 3) if starts else None)
adcode = st.session_state["insight_county"]
if st.query_params.get("tab") == "同类县区" and adcode not in names:  # peers are counties: a city's first county
    st.session_state["insight_county"] = adcode = next(a for a in names if a[:4] == adcode[:4])
county = places[adcode].split("（")[0]
for_place = st.query_params.get("tab", "下一步招什么") in (
    "下一步招什么",
    "同类县区",
)  # the others: the sidebar's scope
st.title(f"招商研判 · {county if for_place else filters.name} · {filters.year}年")

# The open tab is in the address (?tab=…); only the open tab's part runs.
nxt, strong, growth, similar, supply = st.tabs(
    ["下一步招什么", "强集群与星级", "增长分解", "同类县区", "产需对接"],
    key="tab",
    on_change="rerun",
    bind="query-params",
)
if nxt.open:
    with nxt:
        st.selectbox("县区或市", list(places), format_func=places.get, key="insight_county")
        insight_views.next_links(adcode, county, filters.year)
if strong.open:
    with strong:
        growth_views.strong(filters)
if growth.open:
    with growth:
        if not starts:
            st.info("需要至少两个年度的集群数据才能分解增长。")
        else:
            start = st.selectbox("起始年份", starts, key="insight_start", format_func=lambda y: f"{y}年")
            growth_views.growth(filters, start, end)
if similar.open:
    with similar:
        st.selectbox("县区", list(names), format_func=names.get, key="insight_county")
        peer_views.render(adcode, county, filters.year)
if supply.open:
    with supply:
        supply_views.render(filters, filters.year)
view.publish(filters)
