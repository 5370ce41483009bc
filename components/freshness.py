"""数据截至: every reading page says how fresh the data it shows is — for each kind of data it draws on, the
latest year, and the last confirmed 上报 batch of that kind (when, which batch, how many counties), or that the
figures are demo data. Drawn by ``app.py`` under the 演示数据 badge, from the page's address."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

import store

CLUSTERS, FIRMS = "集群年度数据", "企业名录"
# url_path of a reading page → the kinds of data it shows
KINDS = {
    "": (CLUSTERS, FIRMS),
    "tiers": (CLUSTERS,),
    "honours": (FIRMS,),
    "enterprises": (FIRMS,),
    "chains": (FIRMS,),
    "cluster": (CLUSTERS, FIRMS),
    "ranking": (CLUSTERS, FIRMS),
    "present": (CLUSTERS, FIRMS),
}


def text(rows: pd.DataFrame, kinds: tuple[str, ...]) -> str:
    """The line for ``kinds`` from the rows of ``data_as_of``."""
    parts = []
    for row in rows[rows.kind.isin(kinds)].itertuples():
        label = "集群数据" if row.kind == CLUSTERS else "企业与荣誉"
        year = f"{int(row.data_year)}年" if pd.notna(row.data_year) else "无数据"
        if pd.notna(row.batch_id):
            confirmed = (
                f"最近确认 {pd.Timestamp(row.confirmed_at):%Y-%m-%d}（第 {int(row.batch_id)} 批；"
                f"{int(row.batch_year)}年已确认 {int(row.counties)} 个区县）"
            )
            confirmed += "，其余为演示数据" if row.demo else ""
        else:
            confirmed = "演示数据，尚无省级确认的上报批次" if row.demo else "尚无省级确认的上报批次"
        parts.append(f"{label} {year}（{confirmed}）")
    return "数据截至：" + "；".join(parts) if parts else ""


def render(url_path: str | None) -> None:
    """The 数据截至 line of the reading page at ``url_path`` (nothing on other pages)."""
    kinds = KINDS.get(url_path or "")
    if kinds is None:
        return
    line = text(store.query("data_as_of"), kinds)
    if line:
        st.markdown(f'<div class="data-as-of" role="note">{html.escape(line)}</div>', unsafe_allow_html=True)
