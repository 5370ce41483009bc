"""数据上报's 全省导入 (the 省级管理员): a checked file of many counties, shown county by county against the confirmed
data, and confirmed in one step (``records.province_import``, which checks the user and writes all or nothing)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import attempt, steps
from records import batches, province_import
from uploads import diff, kinds
from uploads.problems import Checked

LABEL = "全省导入（一个文件含多个区县；校验通过后一步确认，每个区县一批，可分别回滚）"


def render(con, username: str, checked: Checked, file_name: str, digest: str, counties: pd.DataFrame) -> None:
    parts = kinds.split(checked)
    names = counties.set_index("adcode")
    rows = []
    with steps.step(f"正在与 {len(parts)} 个区县的已确认数据比较", "已比较"):
        for adcode, part in parts.items():
            changes, label = batches.preview(con, part)
            rows.append(
                {
                    "区县": names.name.get(adcode, adcode),
                    "所属市": names.city.get(adcode, ""),
                    "行数": part.rows,
                    "与已确认数据相比": diff.summary(changes, label),
                }
            )
    st.markdown(f"#### 全省导入：{len(parts)} 个区县，{checked.rows:,} 行")
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="wide_counties")
    if checked.warning_count:
        st.warning(f"有 {checked.warning_count:,} 个警告：请核对后再导入。")
    done = st.session_state.get("wide_done", {}).get(digest)
    if done is not None:
        st.success(f"已导入并确认 {done} 个区县的{checked.kind}（{checked.year}年），地图已更新。")
    elif st.button(f"导入并确认（{len(parts)} 个区县）", type="primary", key="wide_confirm"):
        with steps.step(f"正在导入 {len(parts)} 个区县并确认", "已导入"):
            made = attempt.attempt(lambda: province_import.confirm(con, username, checked, file_name, digest))
        if made is not None:
            st.session_state.setdefault("wide_done", {})[digest] = len(made)
            st.rerun()
