"""优质企业's sections below the map: the rankings of counties, regions and cities by the chosen honour and
measure, and the seed 000 target of 首位产业集群 quality firms with the clusters that fall short."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

import store
from analysis import honours as hn
from analysis.scope import Scope
from components import honour_views as hv


def rankings(
    counts: pd.DataFrame, county_rows: pd.DataFrame, honour: str, measure: str, scope: Scope, link: Callable[..., str]
) -> None:
    """Counties (the top 15 of ``county_rows``, those in scope), and beside them the three regions and the cities
    of the scope (the cities of the city's own region when the scope is one city)."""
    st.subheader(f"排名：{honour} · {hv.MEASURES[measure]}")
    st.caption(hn.FLOOR_RULE + " " + hn.COUNTING_RULE)
    rank_left, rank_right = st.columns(2, gap="medium")
    with rank_left:
        ranked = hn.rank(county_rows, measure, hn.MIN_FIRMS if measure != "enterprises" else 0)
        excluded = int((~ranked.ranked).sum())
        st.markdown("**县区前 15 名**" + (f"（{excluded} 个县区样本不足，未排名）" if excluded else ""))
        st.html(hv.ranking_html(ranked, measure, honour, link, top=15))
    with rank_right:
        if not scope.region and not scope.city:
            st.markdown("**皖北 · 皖中 · 皖南**")
            regions = counts[(counts.level == "区域") & (counts.honour == honour)]
            st.html(hv.ranking_html(hn.rank(regions, measure, 0), measure, honour, link, top=3, place="区域"))
        if not scope.city:
            cities = counts[(counts.level == "市") & (counts.honour == honour)]
            if scope.region:
                cities = cities[cities.region == scope.region]
            st.markdown("**各市**")
            st.html(hv.ranking_html(hn.rank(cities, measure, 0), measure, honour, link, top=16, place="市"))
        else:
            st.markdown("**所在区域各市**")
            region = counts[(counts.level == "市") & (counts.code == scope.city)].region.iloc[0]
            cities = counts[(counts.level == "市") & (counts.honour == honour) & (counts.region == region)]
            st.html(hv.ranking_html(hn.rank(cities, measure, 0), measure, honour, link, top=16, place="市"))


def quality_target(targets: pd.DataFrame, scope: Scope, link: Callable[..., str]) -> pd.DataFrame:
    """The 首位产业集群 target (≥ N quality firms each by its year): how many clusters meet it, the shortfall, the
    projection, and the list of those short (a toggle adds those met). Returns the scope's clusters with their
    quality counts (``cluster_quality``)."""
    target = targets[targets.metric == "leading_cluster_quality_firms"].iloc[0]
    by_year = int(target.year) if scope.year < target.year else scope.year + 1
    clusters = store.query(
        "cluster_quality", year=scope.year, start_year=scope.year - hn.SPAN, region=scope.region, city=scope.city
    )
    gaps = hn.quality_gaps(clusters, target.value, scope.year, by_year)
    status = hn.quality_status(gaps)
    st.subheader(f"首位产业集群优质企业：每个集群不少于 {target.value:.0f} 家（{target.year}年）")
    st.markdown(
        f"{target.wording}〔{target.source_doc}〕。{scope.name} {status.clusters} 个首位产业集群中，"
        f"**{status.met} 个已达标**，{status.clusters - status.met} 个未达标、合计差 **{status.shortfall}** 家；"
        f"按近 {hn.SPAN} 年的年均新增推算，{by_year} 年可有 **{status.projected_met}** 个达标。"
    )
    st.caption("优质企业 = 持有专精特新中小企业、专精特新“小巨人”或国家高新技术企业任一项的集群成员企业，每家计一次。")

    @st.fragment
    def quality_list():
        show_met = st.toggle("也列出已达标的集群", key="quality_show_met", value=False)
        shown = gaps if show_met else gaps[~gaps.met]
        if shown.empty:
            st.success("所选范围内的首位产业集群均已达标。")
        else:
            st.html(hv.quality_html(shown, target.value, by_year, link))

    quality_list()
    return clusters
