"""循链招商: a chain's links by stage with the enterprises here and in Anhui, the links this place lacks or holds
weakly (补链), and for each such link the enterprises elsewhere in Anhui that could fill it (招商线索)."""

import streamlit as st

import store
from analysis import chain_network, chains
from analysis import leads as leads_model
from analysis import projects as pj
from components import chain_views, downloads, enterprise_links, project_views, sidebar, url_state
from geo import boundaries

LEADS_SHOWN = 30
CARDS, NETWORK = "环节卡片", "全景网络图"
ORDERS = ["综合", "距离", "荣誉", "加权评分"]

filters = sidebar.current(__file__)
year = filters.year

counties = store.query("county_metrics", year=year)
counties = counties[filters.covers(counties)]
names = dict(zip(counties.adcode, counties.name + "（" + counties.city + "）"))
industries = store.query("industries")
industries = industries[industries.chain_id.notna()]

# The view in the address (?adcode=…&industry=…&gap=…&order=…): a county's profile links here with a county and chain.
view = url_state.View(
    "chains",
    [
        url_state.Field("chain_county", "adcode"),
        url_state.Field("chain_industry", "industry"),
        url_state.Field("chain_gap", "gap"),
        url_state.Field("chain_order", "order", "综合"),
        url_state.Field("chain_view", "view", CARDS),
    ],
)
view.take("chain_county", names)
view.take("chain_industry", industries.industry, default=industries.industry.iloc[0])
view.take("chain_order", ORDERS)
view.take("chain_view", [CARDS, NETWORK])
if (view.source or {}).get("industry") and st.session_state["chain_county"]:  # the address names the chain
    st.session_state["chain_industry_for"] = st.session_state["chain_county"]
chosen = st.session_state["chain_county"]  # (the title names the county chosen, not only the sidebar's scope)
st.title(f"循链招商 · {names[chosen].split('（')[0] if chosen else filters.name} · {year}年")

left, right = st.columns(2)
adcode = left.selectbox(
    "县区（不选则为侧栏所选范围）",
    [None, *names],
    key="chain_county",
    format_func=lambda a: names.get(a, f"{filters.name}全部县区"),
    placeholder=f"{filters.name}全部县区",
)
if adcode and st.session_state.get("chain_industry_for") != adcode:  # a county opens on its 首位产业
    leading = counties.set_index("adcode").leading_industry.get(adcode)
    if leading in set(industries.industry):
        st.session_state["chain_industry"] = leading
    st.session_state["chain_industry_for"] = adcode
industry = right.selectbox(
    "产业链", list(industries.industry), key="chain_industry", format_func=lambda i: f"{i}产业链"
)
place = names[adcode].split("（")[0] if adcode else filters.name
scope = dict(region=filters.region, city=filters.city, adcode=adcode)

covered = chains.coverage(store.query("chain_coverage", industry=industry, year=year, **scope))
counts = covered.status.value_counts()
st.markdown(
    f"**{place}** 在{industry}产业链 {len(covered)} 个环节中：具备 **{counts.get(chains.PRESENT, 0)}** 个，"
    f"薄弱 **{counts.get(chains.WEAK, 0)}** 个，缺失 **{counts.get(chains.MISSING, 0)}** 个"
    + (f"，另有 {counts[chains.ABSENT_IN_PROVINCE]} 个全省空白" if counts.get(chains.ABSENT_IN_PROVINCE) else "")
    + "。点击数字查看企业名单。"
)
places = [adcode] if adcode else list(counties.adcode)  # the projects of the place shown (项目库)
projects = pj.under_way(store.query("projects"), places, covered.link_id)
in_progress = projects.groupby("link_id").size().to_dict()


def local_link(n, link_id):
    where = {"adcode": [adcode]} if adcode else {}
    return enterprise_links.link(
        n, year=year, region=filters.region, city=filters.city, industry=industry, link=link_id, **where
    )


def province_link(n, link_id):
    return enterprise_links.link(n, year=year, industry=industry, link=link_id)


shown = st.segmented_control("展示方式", [CARDS, NETWORK], key="chain_view") or CARDS
where = {"adcode": [adcode]} if adcode else {}
if shown == NETWORK:  # 一图三库's 产业链全景网络图: a click opens the link's firms here in 按图索企
    nodes = chain_network.layout(covered, store.query("chain_leaders", industry=industry, year=year, **scope))
    event = st.plotly_chart(
        chain_views.network(nodes, f"{place} · {industry}产业链全景网络图（{year}年）", in_progress),
        on_select="rerun",
        selection_mode="points",
        key="chain_network",
        config={"displaylogo": False, "toImageButtonOptions": {"filename": f"产业链全景网络图_{place}_{industry}"}},
    )
    if picked := chain_views.picked_link(event):
        enterprise_links.open_list(
            year=year, region=filters.region, city=filters.city, industry=industry, link=picked, **where
        )
    st.caption(
        "点大小：本地企业数；星形：有龙头/链主企业；“在建项目”：项目库中尚未投产的补链项目。"
        "点击环节，打开其本地企业名单；图右上角的相机按钮可下载图片。"
    )
else:
    st.html(chain_views.stages_html(covered, local_link, province_link, in_progress))
st.caption(chains.RULE)

st.subheader("补链招商线索")
to_fill = chains.gaps(covered)
if to_fill.empty:
    st.success(f"{place}的{industry}产业链各环节均已具备。")
    view.stop(filters)
labels = {
    r.link_id: f"{r.stage} · {r.name}（{r.status}"
    + (f"，在建项目 {in_progress[r.link_id]} 个" if in_progress.get(r.link_id) else "")
    + "）"
    for r in to_fill.itertuples()
}
project_views.filling(projects, to_fill)
view.take("chain_gap", labels, default=next(iter(labels)))
gap = st.selectbox("要补的环节", list(labels), key="chain_gap", format_func=labels.get)
order = st.segmented_control("排序", ORDERS, key="chain_order") or "综合"
weights = chain_views.lead_weights() if order == "加权评分" else None
view.publish(filters)

lon, lat = boundaries.centre((adcode,) if adcode else tuple(counties.adcode))  # cached: a union costs 45 ms
leads = store.query("chain_leads", link=gap, year=year, lon=lon, lat=lat, **scope)
leads = chains.rank_leads(leads, "综合" if weights else order)
if weights:
    leads = leads_model.score(leads, weights, industry, chain_views.cluster_growth(year))
gap_name = labels[gap].split("（")[0]
if leads.empty:
    st.warning(f"全省没有“{gap_name}”环节的企业：需要到省外招引。")
    st.stop()  # (the address was written above)
st.markdown(
    f"**{len(leads):,} 家**安徽省内{'（' + place + '以外）' if place != '安徽省' else ''}的“{gap_name}”企业，"
    f"按{order}排序，列出前 {min(LEADS_SHOWN, len(leads))} 家；下载包含全部。"
)
st.caption(leads_model.RULE if weights else chains.LEAD_RULE)
st.html(chain_views.leads_html(leads, LEADS_SHOWN))
downloads.buttons(
    chain_views.leads_table(leads),
    f"招商线索_{place}_{gap_name.replace(' · ', '_')}",
    key="leads",
    notes=[
        f"{place} {industry}产业链“{gap_name}”环节招商线索（{year}年，{order}排序）",
        leads_model.RULE + "本次权重：" + "、".join(f"{leads_model.FACTORS[k]} {v:g}" for k, v in weights.items())
        if weights
        else chains.LEAD_RULE,
    ],
)
