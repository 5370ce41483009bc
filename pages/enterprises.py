"""按图索企: find enterprises by name (or pinyin initials, or 统一社会信用代码), county, cluster, honour, industry,
chain link and revenue; see them on the map (points, or grid cells when there are many) and in a table, open an
enterprise's card, and take the list away as .xlsx or CSV.

Every count elsewhere in the app links here with its filters in the URL (``components.enterprise_links``); the
URL always mirrors the filters on screen, so a list can be bookmarked or sent on.
"""

import html

import streamlit as st

import store
from analysis import formats
from components import county_profile, downloads, enterprise_card, pager, sidebar
from components import enterprise_finder as finder
from components import enterprise_search as es
from data import pinyin
from geo import points

EXPORT_LIMIT = 100_000  # rows in a download

filters = sidebar.current(__file__)
st.title(f"按图索企 · {filters.name} · {filters.year}年")

counties = store.query("county_metrics", year=filters.year)
counties = counties[filters.covers(counties)]
clusters = store.query(
    "tier_clusters", year=filters.year, start_year=filters.year, region=filters.region, city=filters.city
)
industries = store.query("industries")
county_names = dict(zip(counties.adcode, counties.name + "（" + counties.city + "）"))
cluster_names = dict(zip(clusters.cluster_id, clusters.name))

finder.restore(counties, clusters, industries)
city_names = dict(zip(counties.city_adcode, counties.city))
search, link_names = finder.widgets(county_names, city_names, cluster_names, industries, filters)
params = es.to_params(search)

# A new search (or scope) starts on the table's first page.
searched = (filters.year, filters.region, filters.city, tuple(sorted(params.items())))
if st.session_state.get("ent_searched") != searched:
    st.session_state["ent_searched"] = searched
    st.session_state["ent_page"] = 1
page = st.session_state.setdefault("ent_page", 1)
rows = store.query(
    "enterprise_search", **es.query_args(search, filters, limit=es.PAGE_SIZE, offset=(page - 1) * es.PAGE_SIZE)
)
if rows.empty and page > 1:  # a page past the end (the data changed): back to the first
    st.session_state["ent_page"] = page = 1
    rows = store.query("enterprise_search", **es.query_args(search, filters, limit=es.PAGE_SIZE, offset=0))
matches = int(rows.matches.iloc[0]) if not rows.empty else 0
described = es.describe(search, city_names | county_names | cluster_names | link_names, filters)
unplaced = int(store.query("enterprise_unplaced", **es.query_args(search, filters)).enterprises.sum())
st.html(
    f'<p class="list-count" data-matches="{matches}" data-unplaced="{unplaced}"><b>共 {matches:,} 家企业</b>　'
    f"<span>{html.escape(described)}</span>"
    + (f"<span>　其中 {unplaced:,} 家未填坐标，地图上在所在县区中心以虚线框示意</span>" if unplaced else "")
    + "</p>"
)
if matches == 0:
    st.info("没有符合条件的企业。可以减少筛选条件，或在侧栏扩大区域。")
    st.stop()

# A click on a point, or a row chosen in the table, opens that enterprise's card.
county_profile.take_click("ent_map", "uscc", "ent_card")


def choose_row():
    chosen = st.session_state["ent_table"].selection.rows
    if chosen:
        st.session_state["ent_card"] = st.session_state["ent_shown"][chosen[0]]


map_side, card_side = st.columns([3, 2], gap="medium")
with card_side:
    uscc = st.session_state.get("ent_card")
    card = store.query("enterprise_card", uscc=uscc) if uscc else None
    if card is not None and not card.empty:
        st.html(enterprise_card.card_html(card.iloc[0], filters.year))
    else:
        st.info("点击地图上的企业，或在下表中选中一行，查看企业详情。")
    st.caption(
        f"红点：持有荣誉的企业；蓝点：其他企业。未设条件或超过 {points.MAX_POINTS:,} 家时按网格汇总，圆越大企业越多。"
        "虚线框：未填坐标的企业数，标在所在县区中心。"
    )

first = (page - 1) * es.PAGE_SIZE + 1
shown = es.table(rows)
shown.insert(0, "序号", range(first, first + len(rows)))
st.dataframe(
    shown,
    hide_index=True,
    width="stretch",
    height=420,
    key="ent_table",
    on_select=choose_row,
    selection_mode="single-row",
    column_config={
        "营业收入（万元）": st.column_config.NumberColumn(format=formats.WAN_COLUMN),
        "经度": None,
        "纬度": None,
    },
)
st.session_state["ent_shown"] = rows.uscc.tolist()
order = (
    "按相符程度：名称含所输文字、拼音首字母即全称（可略“安徽”与“有限公司”等）、首字母开头、首字母连续、"
    "首字母分段（每段至少两个字母）依次在前，同档按营业收入从大到小"
    if pinyin.is_initials_query(search.text)
    else "按营业收入从大到小"
)
pages = -(-matches // es.PAGE_SIZE)
pager.render(
    "ent_page",
    pages,
    f"第 {page:,} / {pages:,} 页：第 {first:,}–{first + len(rows) - 1:,} 家，{order}。"
    f"下载包含全部结果（至多 {EXPORT_LIMIT:,} 家）。",
)


def full_list():
    return es.table(store.fresh("enterprise_search", **es.query_args(search, filters, limit=EXPORT_LIMIT)))


downloads.buttons(
    full_list,
    f"企业名单_{filters.name}_{filters.year}",
    key="enterprises",
    notes=[
        f"企业名单：{described}，共 {min(matches, EXPORT_LIMIT):,} 家",
        "“数据来源”列标明每家企业是公开报道、示例生成还是上报数据。",
    ],
)

with map_side:  # sent last: the browser loads the rest of the page's code while the map is built
    finder.results_map(search, filters, counties, matches)
