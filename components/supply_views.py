"""招商研判 · 产需对接 (issue 22, item 6): for a 龙头/链主 firm of the scope, the firms elsewhere in Anhui in the links
upstream of its own (its chain's links before it, by chain order) — the suppliers to bring together with it — ranked
as the 招商线索 are (honour points and distance from the firm), exportable as a 对接清单."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import store
from analysis import chains
from analysis.scope import Scope
from components import chain_views, downloads

SHOWN = 30


def upstream(order: pd.DataFrame, leader: pd.Series) -> pd.DataFrame:
    """The links of the leader's chain before its own link (all 上游 links when its link is not known)."""
    chain = order[order.industry == leader.industry].reset_index(drop=True)
    if pd.isna(leader.link_id) or leader.link_id not in set(chain.link_id):
        return chain[chain.stage == "上游"]
    return chain.iloc[: int(chain.index[chain.link_id == leader.link_id][0])]


def render(filters: Scope, year: int) -> None:
    leaders = store.query("leader_firms", year=year)
    leaders = leaders[filters.covers(leaders)]
    if leaders.empty:
        st.info(f"{filters.name}没有龙头/链主企业（荣誉“龙头/链主企业”）。")
        return
    labels = dict(
        zip(leaders.uscc, leaders.name + "（" + leaders.county + " · " + leaders.link.fillna("环节未填") + "）")
    )
    chosen = st.selectbox("龙头/链主企业", list(labels), format_func=labels.get, key="supply_leader")
    leader = leaders.set_index("uscc").loc[chosen]
    links = upstream(store.query("chain_link_order"), leader)
    if links.empty:
        st.info(f"{leader['name']}处于{leader.industry}产业链的最上游环节，没有上游配套环节。")
        return
    found = []
    for link in links.itertuples():
        rows = store.query(
            "chain_leads",
            link=link.link_id,
            year=year,
            lon=leader.lon,
            lat=leader.lat,
            region=None,
            city=None,
            adcode=leader.adcode,
        )
        found.append(chains.rank_leads(rows).assign(need=link.name, need_stage=link.stage))
    suppliers = chains.rank_leads(pd.concat(found, ignore_index=True)) if found else pd.DataFrame()
    st.markdown(
        f"**{leader['name']}**（{leader.county}，{leader.industry} · {leader.link if pd.notna(leader.link) else '环节未填'}）"
        f"的上游 {len(links)} 个环节，省内{leader.county}以外有 **{len(suppliers):,}** 家配套企业："
        + "、".join(f"{n}（{int((suppliers.need == n).sum()) if len(suppliers) else 0} 家）" for n in links.name)
    )
    st.caption(chains.LEAD_RULE.replace("所选范围中心", "该龙头企业"))
    if suppliers.empty:
        st.warning("这些上游环节省内没有其他企业：需要到省外对接。")
        return
    st.html(chain_views.leads_html(suppliers, SHOWN))
    table = chain_views.leads_table(suppliers)
    table.insert(0, "需求环节", suppliers.need_stage + " · " + suppliers.need)
    table.insert(0, "龙头/链主企业", leader["name"])
    downloads.buttons(
        table,
        f"产需对接清单_{leader['name']}",
        key="supply_dl",
        label="对接清单",
        notes=[f"{leader['name']}上游配套企业对接清单（{year}年）", chains.LEAD_RULE],
    )
