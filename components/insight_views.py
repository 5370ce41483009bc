"""招商研判's views (issue 22): 下一步招什么 for a county (ranked links with why, feasibility × attractiveness, one
click to the 招商线索 and the projects filling a link), and the data they share, computed once per data version."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import store
from analysis import chains, next_steps
from analysis import projects as pj
from analysis import relatedness as rel
from components import downloads, enterprise_links
from geo import boundaries

FIRMS, REVENUE = "名录企业数", "集群营收（近三年合并）"
STATUS_COLOURS = {chains.ABSENT_IN_PROVINCE: "#6b7280", chains.MISSING: "#b91c1c", chains.WEAK: "#d97706"}


@store.derived
def link_space() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """M, φ and ω of the chain links, from the 名录's firms by county and link (every county, every chain)."""
    x = rel.table(store.query("county_link_firms").rename(columns={"link_id": "item"}), "firms")
    m = rel.presence(x)
    phi = rel.proximity(m)
    return m, phi, rel.density(m, phi)


@store.derived
def place_candidates(place: str, year: int) -> pd.DataFrame:
    """下一步招什么 of a county or a city (``place``): the links to fill of its clusters' chains, ranked, with reasons
    and projects. A city's density is its own presence (LQ among the 16 cities) against the counties' proximity."""
    m, phi, omega = link_space()
    order = store.query("chain_link_order")
    names = dict(zip(order.link_id, order.name))
    counties = store.query("counties")
    city = place in set(counties.city_adcode)
    within = counties.adcode[counties.city_adcode == place] if city else pd.Series([place])
    clusters = store.query("cluster_names")
    industries = sorted(set(clusters.industry[clusters.adcode.isin(set(within))]) & set(order.industry))
    scope = {"region": None, "city": place, "adcode": None} if city else {"region": None, "city": None, "adcode": place}
    covered = pd.concat(
        [
            chains.coverage(store.query("chain_coverage", industry=i, year=year, **scope)).assign(industry=i)
            for i in industries
        ]
        or [pd.DataFrame(columns=["link_id", "name", "stage", "local", "province", "status", "industry"])],
        ignore_index=True,
    )
    if city:
        firms = store.query("county_link_firms").merge(counties[["adcode", "city_adcode"]], on="adcode")
        cities = rel.presence(rel.table(firms.rename(columns={"link_id": "item"}), "firms", place="city_adcode"))
        own = rel.density(cities.reindex(columns=phi.columns, fill_value=0), phi).loc[place]
    else:
        own = omega.loc[place] if place in omega.index else pd.Series(dtype=float)
    ranked = next_steps.candidates(covered, own, phi, order, names)
    projects = pj.under_way(store.query("projects"), list(within), ranked.link_id)
    filling = projects.groupby("link_id").name.apply(list).to_dict()
    lon, lat = boundaries.centre(tuple(within))
    callers = {  # whom to call: the first three 招商线索 of each link (综合 order), as 循链招商 lists them
        link: chains.rank_leads(store.query("chain_leads", link=link, year=year, lon=lon, lat=lat, **scope)).head(3)
        for link in ranked.link_id
    }
    return ranked.assign(
        projects=ranked.link_id.map(lambda link: filling.get(link, [])),
        callers=ranked.link_id.map(
            lambda link: [f"{r.name}（{r.county}，{r.distance_km:,.0f} 公里）" for r in callers[link].itertuples()]
        ),
    )


@store.derived
def industry_space(basis: str, year: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """x (counties × industries), φ and ω of the industries: by the 名录's firms, or by cluster revenue pooled over
    the three years to ``year`` (one year of clusters is too thin: most counties hold one or two)."""
    if basis == FIRMS:
        x = rel.table(store.query("county_industry_firms").rename(columns={"industry": "item"}), "firms")
    else:
        rows = store.query("cluster_indicators").rename(columns={"industry": "item"})
        x = rel.pooled(rows, "revenue", range(year - 2, year + 1))
    m = rel.presence(x)
    phi = rel.proximity(m)
    return x, phi, rel.density(m, phi)


def next_links(adcode: str, county: str, year: int) -> None:
    """The ranked links with their reasons, the chart and the list to take away; then the industries to grow."""
    ranked = place_candidates(adcode, year)
    if ranked.empty:
        st.info(f"{county}的集群产业链各环节均已具备，或尚无有产业链图谱的集群。")
    else:
        st.markdown(f"**{county}** 的集群产业链中有 **{len(ranked)}** 个环节待补，按下述规则排序：")
        st.caption(next_steps.RULE)
        left, right = st.columns([3, 2], gap="medium")
        with left:
            st.html(table_html(ranked, adcode, year))
        with right:
            st.plotly_chart(chart(ranked, county), width="stretch", config={"displaylogo": False}, key="next_chart")
            st.caption(
                "横轴：关联密度（可行性）；纵轴：本地上下游紧邻环节的企业数（吸引力）；点大小：省内该环节企业数。"
            )
        downloads.buttons(export(ranked), f"下一步招什么_{county}_{year}", key="next_dl", label="待补环节")
    industries_next(adcode, county, year)
    with st.expander("方法与来源"):
        st.markdown(rel.FORMULA)
        st.caption(
            f"来源：{rel.SOURCE}。环节的具备与否按名录企业数计（与循链招商一致）；市的关联密度按全市企业在 16 个市中的"
            "区位熵判断具备，邻近度沿用 104 个县区的共现。"
        )


def industries_next(place: str, name: str, year: int) -> None:
    """The industries the place does not hold, most related to those it holds first."""
    st.markdown("#### 可发展的新产业（按产业关联）")
    basis = st.segmented_control("依据", [FIRMS, REVENUE], default=FIRMS, key="next_basis") or FIRMS
    x, phi, _ = industry_space(basis, year)
    counties = store.query("counties")
    if place in set(counties.city_adcode):
        x = x.groupby(x.index.map(dict(zip(counties.adcode, counties.city_adcode)))).sum()
    m = rel.presence(x)
    if place not in m.index:
        st.caption(f"{name}在此依据下没有数据。")
        return
    omega = rel.density(m, phi).loc[place]
    held = set(m.columns[m.loc[place] > 0])
    table = next_steps.industries(omega, phi, held)
    if basis == REVENUE:
        st.caption(f"按 {year - 2}–{year} 年集群营收合并计算：单一年份的集群数据过于稀疏（多数县区只有一两个集群）。")
    st.caption(f"{name}已具备（区位熵 ≥ 1）：" + ("、".join(sorted(held)) or "无"))
    shown = table.rename(columns={"industry": "产业", "density": "关联密度", "reason": "原因"}).round({"关联密度": 3})
    st.dataframe(shown, hide_index=True, width="stretch", key="next_industries")
    downloads.buttons(shown, f"可发展产业_{name}_{year}", key="next_industries_dl", label="可发展产业")


def table_html(ranked: pd.DataFrame, adcode: str, year: int) -> str:
    """The ranked links as a table, each with its links to 招商线索 and to the projects filling it (a city's links
    carry the city as the sidebar's scope); the links open in the same session."""
    place = {"city": adcode} if adcode in set(store.query("counties").city_adcode) else {"adcode": adcode}
    projects_of = place if "city" in place else {"county": adcode}
    rows = []
    for r in ranked.itertuples():
        leads = enterprise_links.page_link("招商线索", "chains", year=year, industry=r.industry, gap=r.link_id, **place)
        projects = (
            "<br>"
            + enterprise_links.page_link("在建项目", "projects", year=year, **projects_of)
            + "："
            + "、".join(html.escape(p) for p in r.projects)
            if r.projects
            else ""
        )
        callers = f"<br><small>可联系：{'、'.join(html.escape(c) for c in r.callers)}</small>" if r.callers else ""
        rows.append(
            f'<tr data-link="{html.escape(r.link_id)}"><td>{r.rank}</td><td style="min-width:7em"><b>'
            f"{html.escape(r.name)}</b><br><small>{html.escape(r.industry)} · {html.escape(r.stage)}</small></td>"
            f"<td>{r.density:.2f}</td><td>{html.escape(r.reason)}{projects}{callers}</td>"
            f'<td style="white-space:nowrap">{leads}</td></tr>'
        )
    return (
        '<div class="table-scroll"><table class="plain-table" data-table="next-links"><thead><tr><th>#</th>'
        "<th>环节</th><th>关联密度</th><th>为什么</th><th></th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def chart(ranked: pd.DataFrame, county: str) -> go.Figure:
    fig = go.Figure()
    for status, colour in STATUS_COLOURS.items():
        part = ranked[ranked.status == status]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=part.density,
                y=part.adjacent_firms,
                mode="markers+text",
                name=f"{status}（{len(part)}）",
                text=part.name,
                textposition="top center",
                marker={"size": 10 + 4 * part.province.clip(upper=40) ** 0.5, "color": colour, "opacity": 0.8},
                hovertemplate="<b>%{text}</b><br>关联密度 %{x:.2f}<br>紧邻环节企业 %{y} 家<extra></extra>",
            )
        )
    fig.update_layout(
        title={"text": f"{county} · 可行性 × 吸引力", "font": {"size": 18}},
        xaxis={"title": "关联密度（可行性）", "range": [-0.12, 1.18]},
        yaxis={"title": "紧邻环节的本地企业（吸引力）", "rangemode": "tozero"},
        legend={"orientation": "h", "y": -0.2},
        height=440,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        font={"size": 14},
    )
    return fig


def export(ranked: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "排序": ranked["rank"],
            "环节": ranked.name,
            "产业链": ranked.industry,
            "链位": ranked.stage,
            "状态": ranked.status,
            "关联密度": ranked.density.round(3),
            "紧邻环节本地企业数": ranked.adjacent_firms,
            "省内该环节企业数": ranked.province,
            "在建项目": ranked.projects.map("、".join),
            "可联系的企业（前三）": ranked.callers.map("、".join),
            "原因": ranked.reason,
        }
    )
