"""按图索企: find enterprises by name (or pinyin initials, or 统一社会信用代码), county, cluster, honour, industry,
chain link and revenue; see them on the map (points, or grid cells when there are many) and in a table, open an
enterprise's card, and take the list away as .xlsx or CSV.

Every count elsewhere in the app links here with its filters in the URL (``components.enterprise_links``); the
URL always mirrors the filters on screen, so a list can be bookmarked or sent on.
"""

import html

import streamlit as st
from streamlit_folium import st_folium

import settings
import store
from components import county_profile, downloads, enterprise_card, enterprise_links, sidebar
from components import enterprise_search as es
from data import pinyin
from data.vocab import HONOURS
from geo import boundaries, points

EXPORT_LIMIT = 100_000  # rows in a download

filters = sidebar.current(__file__)
st.title(f"按图索企 · {filters.name} · {filters.year}年")

counties = store.query("county_metrics", year=filters.year)
counties = counties[filters.covers(counties)]
clusters = store.query("tier_clusters", year=filters.year, start_year=filters.year, region=filters.region,
                       city=filters.city)
industries = store.query("industries")
county_names = dict(zip(counties.adcode, counties.name + "（" + counties.city + "）"))
cluster_names = dict(zip(clusters.cluster_id, clusters.name))

# Who names the search: the URL when it changed from outside (a count's link, a bookmark, the first visit), the
# last search when the page is reopened from the menu (Streamlit dropped its widgets meanwhile), else the widgets.
incoming = {k: v for k, v in st.query_params.to_dict().items() if k in enterprise_links.FILTER_KEYS}
applied = st.session_state.get("ent_applied")
if applied is None or (incoming and incoming != applied):
    source = incoming
elif not incoming and applied:
    source = applied
else:
    source = None
if source is not None:
    url_industry = source.get("industry")
    url_links = (frozenset(store.query("chain_links", industry=url_industry).link_id)
                 if url_industry in set(industries.industry) else frozenset())
    options = es.Options(frozenset(counties.adcode), frozenset(clusters.cluster_id),
                         frozenset(industries.industry), {url_industry: url_links})
    wanted = es.from_params(source, options)
    st.session_state.update({
        "ent_text": wanted.text, "ent_honours": list(wanted.honours), "ent_member": wanted.member,
        "ent_adcodes": list(wanted.adcodes), "ent_cluster": wanted.cluster, "ent_industry": wanted.industry,
        "ent_link": wanted.link, "ent_rmin": wanted.revenue_min, "ent_rmax": wanted.revenue_max,
    })

top = st.columns([3, 3, 2, 1, 1])
text = top[0].text_input("名称、拼音首字母或统一社会信用代码", key="ent_text", max_chars=es.MAX_TEXT,
                         placeholder="如“电缆”、wwdl、18位代码")
honours = top[1].multiselect("荣誉（持有任一项）", HONOURS, key="ent_honours", placeholder="不限")
member = top[2].selectbox("集群内外", list(es.MEMBERSHIP), key="ent_member", index=None,
                          format_func=es.MEMBERSHIP.get, placeholder="不限")
revenue_min = top[3].number_input("营收下限（亿元）", min_value=0.0, value=None, key="ent_rmin", placeholder="不限")
revenue_max = top[4].number_input("营收上限（亿元）", min_value=0.0, value=None, key="ent_rmax", placeholder="不限")
row = st.columns(4)
adcodes = row[0].multiselect("区县", list(county_names), key="ent_adcodes", format_func=county_names.get,
                             placeholder=f"{filters.name}全部区县")
cluster = row[1].selectbox("集群", list(cluster_names), key="ent_cluster", index=None,
                           format_func=cluster_names.get, placeholder="不限")
industry = row[2].selectbox("产业", list(industries.industry), key="ent_industry", index=None, placeholder="不限")
links = store.query("chain_links", industry=industry) if industry else None
link_names = dict(zip(links.link_id, links.stage + " · " + links.name)) if links is not None else {}
if st.session_state.get("ent_link") not in link_names:
    st.session_state["ent_link"] = None
link = row[3].selectbox("产业链环节", list(link_names), key="ent_link", index=None, format_func=link_names.get,
                        placeholder="先选产业" if not industry else "不限", disabled=not industry)

search = es.Search(tuple(adcodes), cluster, member, tuple(h for h in HONOURS if h in honours), industry, link,
                   text.strip(), revenue_min, revenue_max)
params = es.to_params(search)
st.session_state["ent_applied"] = params
st.query_params.from_dict(enterprise_links.params(year=filters.year, region=filters.region, city=filters.city)
                          | params)

# A new search (or scope) starts on the table's first page.
searched = (filters.year, filters.region, filters.city, tuple(sorted(params.items())))
if st.session_state.get("ent_searched") != searched:
    st.session_state["ent_searched"] = searched
    st.session_state["ent_page"] = 1
page = st.session_state.setdefault("ent_page", 1)
rows = store.query("enterprise_search", **es.query_args(search, filters, limit=es.PAGE_SIZE,
                                                        offset=(page - 1) * es.PAGE_SIZE))
if rows.empty and page > 1:  # a page past the end (the data changed): back to the first
    st.session_state["ent_page"] = page = 1
    rows = store.query("enterprise_search", **es.query_args(search, filters, limit=es.PAGE_SIZE, offset=0))
matches = int(rows.matches.iloc[0]) if not rows.empty else 0
described = es.describe(search, county_names | cluster_names | link_names, filters)
st.html(f'<p class="list-count" data-matches="{matches}"><b>共 {matches:,} 家企业</b>　'
        f'<span>{html.escape(described)}</span></p>')
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
    st.caption(f"红点：持有荣誉的企业；蓝点：其他企业。超过 {points.MAX_POINTS:,} 家时按网格汇总，圆越大企业越多。")

first = (page - 1) * es.PAGE_SIZE + 1
shown = es.table(rows)
shown.insert(0, "序号", range(first, first + len(rows)))
st.dataframe(shown, hide_index=True, width="stretch", height=420, key="ent_table", on_select=choose_row,
             selection_mode="single-row",
             column_config={"营业收入（亿元）": st.column_config.NumberColumn(format="%.2f"), "经度": None, "纬度": None})
st.session_state["ent_shown"] = rows.uscc.tolist()
pages = -(-matches // es.PAGE_SIZE)
if pages > 1:
    def turn(step):
        st.session_state["ent_page"] = min(max(st.session_state["ent_page"] + step, 1), pages)

    pager = st.columns([1, 1, 1, 5], vertical_alignment="center")
    pager[0].button("上一页", key="ent_prev", on_click=turn, args=(-1,), disabled=page <= 1, width="stretch")
    pager[1].number_input("页码", min_value=1, max_value=pages, step=1, key="ent_page", label_visibility="collapsed")
    pager[2].button("下一页", key="ent_next", on_click=turn, args=(1,), disabled=page >= pages, width="stretch")
    order = ("名称含所输文字的在前，仅拼音首字母相符的在后，各按营业收入从大到小" if pinyin.is_initials_query(search.text)
             else "按营业收入从大到小")
    pager[3].caption(f"第 {page:,} / {pages:,} 页：第 {first:,}–{first + len(rows) - 1:,} 家，{order}。"
                     f"下载包含全部结果（至多 {EXPORT_LIMIT:,} 家）。")


def full_list():
    found = store.fresh("enterprise_search",
                        **es.query_args(search, filters, limit=EXPORT_LIMIT))
    return es.table(found)


downloads.buttons(full_list, f"企业名单_{filters.name}_{filters.year}", key="enterprises",
                  notes=[f"企业名单：{described}，共 {min(matches, EXPORT_LIMIT):,} 家",
                         "“数据来源”列标明每家企业是公开报道、示例生成还是上报数据。"])

with map_side:  # sent last: the browser loads the rest of the page's code while the map is built
    shape = boundaries.counties()
    shape = shape[shape.adcode.isin(list(search.adcodes) or list(counties.adcode))]
    basemap = dict(static_url=settings.STATIC_URL, basemap_url=settings.BASEMAP_URL,
                   basemap_attribution=settings.BASEMAP_ATTRIBUTION)
    if matches <= points.MAX_POINTS:
        found = store.query("enterprise_points", **es.query_args(search, filters, limit=points.MAX_POINTS))
        fmap = points.points_map(shape, found, **basemap)
    else:
        cell = points.cell_size(filters.region, filters.city, len(search.adcodes))
        fmap = points.cells_map(shape, store.query("enterprise_cells", **es.query_args(search, filters, cell=cell)),
                                **basemap)
    st_folium(fmap, key="ent_map", height=560, use_container_width=True, returned_objects=["last_active_drawing"])
