"""招商研判 · 同类县区 (issue 22, item 5): the counties most like a county by industry mix, the county beside them on
every indicator of the 赛马 configuration (each by its 首位产业 cluster), and the industries of their clusters it
lacks — whom to learn from, and what they have grown that it has not."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import store
from analysis import peers
from components import downloads, evaluation_views


@store.derived
def similarity() -> pd.DataFrame:
    return peers.similarity(store.query("county_industry_firms"))


def render(adcode: str, county: str, year: int) -> None:
    k = st.slider("同类县区个数", 3, 10, 5, key="peer_k")
    sim = similarity()
    if adcode not in sim.index:
        st.info(f"{county}的名录中没有企业，无法计算产业构成。")
        return
    nearest = peers.nearest(sim, adcode, k)
    names = store.query("counties").set_index("adcode")
    values = store.query("cluster_indicators")
    year = year if year in set(values.year) else int(values.year.max())
    chosen = peers.representative(values, year)
    st.markdown(f"与**{county}**产业构成最相近的 {len(nearest)} 个县区（{year}年）：")
    st.caption(peers.RULE)
    if nearest.max() < 0.3:
        st.warning(
            f"{county}的产业构成与其他县区差异很大（最高相似度 {nearest.max():.2f}）：以下同类县区只是相对最接近，仅供参考。"
        )
    listed = pd.DataFrame(
        {
            "县区": [names.name[a] for a in nearest.index],
            "市": [names.city[a] for a in nearest.index],
            "相似度": nearest.round(3).to_numpy(),
            "比较的集群": [chosen.name.get(a, "（无集群）") for a in nearest.index],
        }
    )
    st.dataframe(listed, hide_index=True, width="stretch", key="peer_list")
    cfg = evaluation_views.config()
    own = chosen.loc[adcode] if adcode in chosen.index else None
    rows = []
    for indicator in cfg.indicators:
        if indicator.key not in chosen.columns:
            continue
        theirs = chosen[indicator.key].reindex(nearest.index)
        mine = own[indicator.key] if own is not None else float("nan")
        better = "higher" if indicator.better == "higher" else "lower"
        row = {
            "指标": f"{indicator.label}（{indicator.unit}）" if indicator.unit else indicator.label,
            county: _number(mine),
            "同类县平均": _number(theirs.mean()),
            "本县 vs 平均": _compare(mine, theirs.mean(), better),
        }
        row |= {names.name[a]: _number(v) for a, v in theirs.items()}
        rows.append(row)
    comparison = pd.DataFrame(rows)
    st.markdown(f"#### 赛马评价指标对比（{own['name'] if own is not None else county + '无集群'} 与同类县区的集群）")
    st.dataframe(comparison, hide_index=True, width="stretch", key="peer_indicators")
    downloads.buttons(comparison, f"同类县区对比_{county}_{year}", key="peer_dl", label="指标对比")
    clusters = store.query("cluster_names").merge(names.name.rename("county").reset_index(), on="adcode", how="left")
    missing = peers.lacking(clusters, adcode, nearest.index)
    st.markdown("#### 同类县区有、本县没有的集群产业")
    if missing.empty:
        st.caption("同类县区的集群产业本县都有。")
    else:
        st.dataframe(
            missing.rename(columns={"industry": "产业", "peers": "有该产业集群的同类县区", "count": "县区数"}),
            hide_index=True,
            width="stretch",
            key="peer_missing",
        )


def _number(value) -> str:
    return "—" if value is None or pd.isna(value) else f"{float(value):,.2f}"


def _compare(mine, average, better: str) -> str:
    if mine is None or pd.isna(mine) or pd.isna(average):
        return "—"
    if mine == average:
        return "持平"
    ahead = mine > average if better == "higher" else mine < average
    return "领先" if ahead else "落后"
