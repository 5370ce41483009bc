"""汇报模式: the deck's saved views on a projector (1920×1080), one at a time: a large map, big KPI tiles and one
chart. ← → (or a clicker's PageUp/PageDown, or the buttons) step through them; ?slide=N opens one directly."""

import streamlit as st

import settings
import store
from components import deck_editor, legend, map_view, presentation, session, sidebar
from exports.briefing import Selection, kpi_strip
from geo import boundaries, choropleth
from records import deck
from server import routes

MAP_HEIGHT = 780  # px: with the title row, fills a 1080-pixel-high projector
TILES = ("集群数", "营收合计", "百亿级", "专精特新企业")
SLIDE = "present_slide"  # session key: the index of the slide on screen

sidebar.current(__file__)
st.html(presentation.STYLE)
version, slides = deck.current(store.cursor())
years = store.query("data_years").year.tolist()
cities = store.query("cities").set_index("adcode").name

if SLIDE not in st.session_state:
    wanted = st.query_params.get("slide", "1")
    st.session_state[SLIDE] = int(wanted) - 1 if wanted.isdigit() and 1 <= int(wanted) <= len(slides) else 0


def turn(step: int) -> None:
    st.session_state[SLIDE] = min(max(st.session_state[SLIDE] + step, 0), len(slides) - 1)


head = st.columns([14, 1.3, 1.3, 1.6, 1.6], vertical_alignment="center")
with head[3]:
    if step := presentation.keys():
        turn(step)
index = st.session_state[SLIDE] = min(st.session_state[SLIDE], len(slides) - 1)
st.query_params["slide"] = str(index + 1)
head[1].button("◀ 上一页", on_click=turn, args=(-1,), disabled=index == 0, key="slide_prev", width="stretch")
head[2].button(
    "下一页 ▶", on_click=turn, args=(1,), disabled=index == len(slides) - 1, key="slide_next", width="stretch"
)
head[4].page_link("pages/home.py", label="退出汇报", icon=":material/close:")
slide = slides[index]
head[0].html(presentation.title_html(slide.title, index + 1, len(slides)))

year = slide.year if slide.year in years else years[-1]
selection = Selection(**vars(slide.scope(year, cities.get(slide.city))), metric=slide.metric)
metrics = store.query("county_metrics", year=year)
inside = selection.covers(metrics)

if slide.kind == "产业链":
    chain = store.query("chain_county_enterprises", industry=slide.industry)
    metrics = metrics.merge(chain, on="adcode", validate="1:1")
    metrics["links_text"] = metrics.links.astype(str) + " / " + metrics.chain_links.astype(str) + " 个环节"
    metric = choropleth.Metric("enterprises", f"{slide.industry}产业链企业数", "家", extra=("links_text", "已有环节"))
else:
    metric = choropleth.METRICS[slide.metric]
counties = boundaries.counties()[["adcode", "geometry"]].merge(metrics, on="adcode", validate="1:1")

left, right = st.columns([3, 2], gap="large")
with left:
    fmap, items = choropleth.build_map(
        counties,
        metric,
        inside,
        static_url=routes.static_url(),
        basemap_url=settings.BASEMAP_URL,
        basemap_attribution=settings.BASEMAP_ATTRIBUTION,
    )
    map_view.show(fmap, key=f"present_map_{index}", height=MAP_HEIGHT, use_container_width=True, returned_objects=[])
    legend.render(metric.label, items, inside)
with right:
    st.markdown(
        f'<div class="slide-hint">{year}年 · {selection.name} · ← → 翻页，全屏后 Esc 退出</div>', unsafe_allow_html=True
    )
    if slide.kind == "产业链":
        links = store.query(
            "chain_coverage", industry=slide.industry, year=year, region=slide.region, city=slide.city, adcode=None
        )
        st.html(presentation.tiles_html(presentation.chain_kpis(links)))
        st.plotly_chart(
            presentation.bar_figure(
                links, "name", "local", "各环节企业数（红色为缺失环节）", "家", highlight=links.local == 0
            ),
            config={"displayModeBar": False},
            key=f"present_chart_{index}",
        )
    else:
        kpis = [k for k in kpi_strip(store.query, selection) if k.label in TILES]
        st.html(presentation.tiles_html(kpis))
        st.caption("专精特新企业含“小巨人”，每家计一次（与优质企业页、汇报材料同一口径）。")
        top = presentation.top_counties(metrics[inside.to_numpy()], metric)
        st.plotly_chart(
            presentation.bar_figure(top, "label", "value", top.attrs["title"], metric.unit),
            config={"displayModeBar": False},
            key=f"present_chart_{index}",
        )

deck_editor.render(session.current(), version, slides)
