"""The review of a matched 名单 (issue 21, item 5): what matched by itself (代码、名称), and one choice per row that
waits for a person (相近: the proposed firm or another; 多个候选: one of the firms, never by default; 未匹配: a
close firm or nothing), a page of rows at a time; the decisions kept across pages and reruns."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from analysis import name_matching as nm
from components import pager

PER_PAGE = 20
SKIP, UNDECIDED = "（不写入）", "（请选择）"
DECIDE = (nm.NEAR, nm.AMBIGUOUS, nm.NONE)


def summary(matched: pd.DataFrame) -> None:
    """One line of counts by way of matching, each with what happens to its rows."""
    counts = matched.status.value_counts()
    meaning = {
        nm.CODE: "按代码匹配，直接写入",
        nm.NAME: "按名称匹配，直接写入",
        nm.NEAR: "名称相近，请确认",
        nm.AMBIGUOUS: "多个候选，须逐行选定",
        nm.NONE: "未匹配，默认不写入",
    }
    parts = [
        f'<span data-status="{status}"><b>{status}</b> {int(counts.get(status, 0)):,}（{meaning[status]}）</span>'
        for status in (nm.CODE, nm.NAME, nm.NEAR, nm.AMBIGUOUS, nm.NONE)
    ]
    st.html(f'<p class="list-summary">{"　".join(parts)}</p>')


def automatic(matched: pd.DataFrame, names: dict[str, str], firms: dict[str, str]) -> None:
    """The rows matched by code or exact name, as a table."""
    rows = matched[matched.status.isin(nm.AUTOMATIC)]
    if rows.empty:
        return
    with st.expander(f"直接匹配的 {len(rows):,} 行", expanded=False):
        st.dataframe(
            pd.DataFrame(
                {
                    "行": rows.row_number,
                    "名单上的名称": rows.name,
                    "区县": rows.adcode.map(lambda a: names.get(a, "")),
                    "匹配方式": rows.status,
                    "名录企业": rows.uscc_matched.map(firms),
                    "统一社会信用代码": rows.uscc_matched,
                }
            ),
            hide_index=True,
            width="stretch",
            key="list_automatic",
        )


def decide(matched: pd.DataFrame, names: dict[str, str], key: str) -> dict[int, str | None]:
    """A choice for each row that waits for a person, a page at a time; returns {row position: uscc, None for
    不写入, or UNDECIDED}. The choices live in ``st.session_state[key]`` (a widget off the page keeps no state)."""
    choices: dict[int, str | None] = st.session_state.setdefault(key, {})
    waiting = matched[matched.status.isin(DECIDE)]
    for i, row in waiting.iterrows():
        choices.setdefault(
            i, row.uscc_matched if row.status == nm.NEAR else UNDECIDED if row.status == nm.AMBIGUOUS else None
        )
    if waiting.empty:
        return choices
    st.markdown(f"#### 待人工确认的 {len(waiting):,} 行")
    open_only = st.toggle("只看尚未选定的行", key=f"{key}_open")
    shown = waiting[[choices[i] == UNDECIDED for i in waiting.index]] if open_only else waiting
    pages = max(1, -(-len(shown) // PER_PAGE))
    st.session_state[f"{key}_page"] = min(st.session_state.get(f"{key}_page", 1), pages)
    page = st.session_state[f"{key}_page"]
    for i, row in shown.iloc[(page - 1) * PER_PAGE : page * PER_PAGE].iterrows():
        _row(i, row, names, choices, key)
    pager.render(f"{key}_page", pages, f"共 {len(shown):,} 行，每页 {PER_PAGE} 行")
    return choices


def _row(i: int, row: pd.Series, names: dict[str, str], choices: dict, key: str) -> None:
    options = [UNDECIDED] if row.status == nm.AMBIGUOUS else []
    options += [uscc for uscc, _, _ in row.candidates] + [None]
    labels = {uscc: f"{name}（{uscc}，相似度 {score:.2f}）" for uscc, name, score in row.candidates}
    labels |= {None: SKIP, UNDECIDED: UNDECIDED}
    left, right = st.columns([2, 3], vertical_alignment="center")
    county = names.get(row.adcode, "区县未填")
    left.html(
        f'<div class="list-row" data-row="{int(row.row_number)}" data-status="{row.status}">第 {int(row.row_number)} 行 · '
        f"<b>{html.escape(row['name'])}</b> · {html.escape(county)} · {row.status}</div>"
    )

    def keep(widget: str = f"{key}_{i}") -> None:
        choices[i] = st.session_state[widget]

    current = choices[i] if choices[i] in options else options[0]
    right.selectbox(
        f"第 {int(row.row_number)} 行写入的企业",
        options,
        index=options.index(current),
        format_func=labels.get,
        key=f"{key}_{i}",
        on_change=keep,
        label_visibility="collapsed",
    )


def decided(matched: pd.DataFrame, choices: dict[int, str | None]) -> pd.DataFrame:
    """The rows as ``records.name_lists.write`` takes them: uscc_chosen (the automatic match, or the person's
    choice; None for 不写入) and by_person."""
    person = matched.status.isin(DECIDE)
    chosen = [choices.get(i) if p else u for i, p, u in zip(matched.index, person, matched.uscc_matched)]
    undecided = [c == UNDECIDED for c in chosen]
    return matched.assign(
        uscc_chosen=pd.Series([None if c == UNDECIDED else c for c in chosen], dtype=object, index=matched.index),
        by_person=person & ~pd.Series(undecided, index=matched.index),
    )
