"""优质企业: where the 专精特新, 高新技术 and other honoured enterprises are, by county, city, region and cluster;
their density and location quotient; the seed 000 and seed 001 targets. Every count opens its enterprise list."""

import streamlit as st

import settings
import store
from analysis import honours as hn
from components import county_profile, legend, map_view, sidebar, url_state
from components import honour_sections as hs
from components import honour_views as hv
from data.vocab import HONOURS
from geo import boundaries, choropleth
from server import routes

MAP_HEIGHT = 520
TREND_DEFAULT = ["专精特新中小企业", "专精特新“小巨人”", "国家高新技术企业", "制造业单项冠军", "上市公司"]

filters = sidebar.current(__file__)
view = url_state.View(
    "honours",
    [
        url_state.Field("honour", "honour", HONOURS[0]),
        url_state.Field("honour_measure", "measure", "enterprises"),
        url_state.Field("honour_county", "county"),
        url_state.Field("honour_trend", "trend", TREND_DEFAULT, many=True),
    ],
)
year = filters.year
link = hv.links_for(year, filters.region, filters.city)
st.title(f"优质企业 · {filters.name} · {year}年")

years = store.query("data_years").year.tolist()
counts = store.query("honour_scope_counts", year=year)
counts = hn.with_density(counts, counts[counts.level == "省"])
if filters.city:
    level, code = "市", filters.city
elif filters.region:
    level, code = "区域", filters.region
else:
    level, code = "省", "340000"
scope = counts[(counts.level == level) & (counts.code == code)]
firms = int(scope.firms.iloc[0]) if not scope.empty else 0

controls = st.columns([2, 3])
view.take("honour", HONOURS)
view.take("honour_measure", hv.MEASURES)
honour = controls[0].selectbox("荣誉", HONOURS, key="honour")
measure = (
    controls[1].segmented_control("地图与排名", list(hv.MEASURES), key="honour_measure", format_func=hv.MEASURES.get)
    or "enterprises"
)

county_rows = counts[(counts.level == "县区") & (counts.honour == honour)]
in_scope = filters.covers(county_rows)

view.take("honour_county", county_rows.code[in_scope])
county_profile.take_click("honour_map", "adcode", "honour_county")

left, right = st.columns([1, 1], gap="medium")
with right:
    st.markdown(f"**{filters.name}各类荣誉企业**（{year}年，规上企业 {firms:,} 家；点击数字查看名单）")
    metrics = store.query("county_metrics", year=year)
    srdi = int(metrics[filters.covers(metrics)].srdi.sum())
    st.html(
        f'<p class="srdi-total" data-srdi="{srdi}">专精特新企业（含“小巨人”，每家计一次）：'
        f"<b>{link(srdi, honour=list(hn.SRDI_HONOURS))}</b> 家</p>"
    )
    st.caption(hn.SRDI_DEFINITION)
    st.html(hv.scope_html(scope, link, show_lq=level != "省", first_year=year == years[0]))
    names = dict(zip(county_rows.code[in_scope], county_rows.name[in_scope]))
    st.selectbox(
        "县区",
        [None, *names],
        key="honour_county",
        label_visibility="collapsed",
        format_func=lambda a: names.get(a, "点击地图或在此选择县区，查看其各类荣誉企业"),
        placeholder="点击地图或在此选择县区，查看其各类荣誉企业",
    )
    chosen = st.session_state.get("honour_county")
    if chosen in names:
        st.markdown(f"**{names[chosen]}**")
        st.html(hv.county_html(counts[(counts.level == "县区") & (counts.code == chosen)], link))

with left:
    city_rows = counts[(counts.level == "市") & (counts.honour == honour)]
    map_rows = hv.map_values(county_rows, measure).assign(
        city=county_rows.city_adcode.map(dict(zip(city_rows.code, city_rows.name))).to_numpy()
    )
    layer = boundaries.counties()[["adcode", "geometry"]].merge(
        map_rows.rename(columns={"code": "adcode"}), on="adcode", validate="1:1"
    )
    metric = hv.map_metric(honour, measure)
    fmap, items = choropleth.build_map(
        layer,
        metric,
        layer.adcode.isin(county_rows.code[in_scope]),
        static_url=routes.static_url(),
        basemap_url=settings.BASEMAP_URL,
        basemap_attribution=settings.BASEMAP_ATTRIBUTION,
        scroll_zoom=False,
    )
    outline = choropleth.highlight(layer[layer.adcode == chosen]) if chosen in names else None
    map_view.show(
        fmap,
        key="honour_map",
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
        feature_group_to_add=outline,
    )
    legend.render(metric.label, items, in_scope)

hs.rankings(counts, county_rows[in_scope], honour, measure, filters, link)

targets = store.query("policy_targets")
clusters = hs.quality_target(targets, filters, link)

totals = store.query("cluster_honour_totals")
progress = hn.target_progress(totals, targets, year)
st.subheader("集群优质企业培育目标（2025年，〔001〕）")
if filters.region or filters.city:
    st.info("这些是全省集群的总量目标：下表和右图为全省数字，不受侧栏区域筛选影响。")
target_left, target_right = st.columns([3, 2], gap="medium")
with target_left:
    st.html(hv.progress_html(progress, year, hv.links_for(year, None, None)))
with target_right:
    st.plotly_chart(hv.totals_figure(totals, targets), width="stretch", config={"displaylogo": False})


# Fragments: a widget that changes only its own section reruns that section, not the map above.
@st.fragment
def trend_chart():
    st.subheader(f"趋势：{filters.name}各类荣誉企业")
    view.take("honour_trend", HONOURS)
    shown_honours = st.multiselect("显示的荣誉", HONOURS, key="honour_trend")
    view.publish(filters)  # (a fragment's rerun does not reach the end of the page)
    trend = store.query("honour_trend", region=filters.region, city=filters.city)
    st.plotly_chart(hv.trend_figure(trend, shown_honours), width="stretch", config={"displaylogo": False})


@st.fragment
def cluster_table():
    if st.toggle(f"显示{filters.name}各集群的荣誉企业数（{len(clusters)} 个集群）", key="honour_clusters"):
        st.html(hv.cluster_html(clusters, store.query("cluster_honour_counts", year=year), link))


trend_chart()
cluster_table()
view.publish(filters)
