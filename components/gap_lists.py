"""赛马评价's gap lists: clusters without a public service platform and each cluster's missing 五个一 items, in the
sidebar's scope, each downloadable (``analysis.gaps``)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis import gaps
from components import downloads


def render(values: pd.DataFrame, year: int, inside: set[str], place: str) -> None:
    rows = values[(values.year == year) & values.adcode.isin(inside)]
    with st.expander(f"公共服务平台与“五个一”缺口（{place}，{year}年，{len(rows)} 个集群）"):
        platforms = gaps.platform_gaps(rows)
        st.markdown(
            f"**{len(platforms)} 个集群尚无省级及以上公共服务平台**"
            "（〔002〕每个县域产业集群至少 1 个综合性公共服务平台；〔000〕每个首位产业集群至少 1 个共性技术平台，2027年）"
        )
        st.dataframe(platforms, hide_index=True, width="stretch", height=min(35 * len(platforms) + 38, 320))
        downloads.buttons(platforms, f"缺少公共服务平台的集群_{place}_{year}", key="gap_platforms", label="平台缺口")
        five = gaps.five_one_gaps(rows)
        counts = "，".join(f"{k} {v} 个" for k, v in gaps.item_counts(rows).items())
        st.markdown(f"**{len(five)} 个集群“五个一”尚未齐全**（〔000〕〔001〕）：缺{counts}")
        st.dataframe(five, hide_index=True, width="stretch", height=min(35 * len(five) + 38, 320))
        downloads.buttons(five, f"五个一缺项_{place}_{year}", key="gap_five", label="五个一缺项")
