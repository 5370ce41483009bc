"""A long list's pager: 上一页 · 页码 · 下一页 and a caption, the page number kept in session state."""

from __future__ import annotations

import streamlit as st


def render(key: str, pages: int, caption: str) -> None:
    """The pager of a list of ``pages`` pages; ``st.session_state[key]`` is the page shown (1-based), set by the
    buttons and the number box. Draws nothing for a single page."""
    if pages <= 1:
        return

    def turn(step: int) -> None:
        st.session_state[key] = min(max(st.session_state[key] + step, 1), pages)

    page = st.session_state[key]
    columns = st.columns([1, 1, 1, 5], vertical_alignment="center")
    columns[0].button("上一页", key=f"{key}_prev", on_click=turn, args=(-1,), disabled=page <= 1, width="stretch")
    columns[1].number_input("页码", min_value=1, max_value=pages, step=1, key=key, label_visibility="collapsed")
    columns[2].button("下一页", key=f"{key}_next", on_click=turn, args=(1,), disabled=page >= pages, width="stretch")
    columns[3].caption(caption)
