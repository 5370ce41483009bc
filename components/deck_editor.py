"""Editing the 汇报模式 deck (province roles): a table of the slides on the presentation page, and 加入汇报 on the
map, which appends the map's current view. ``deck.save`` checks the role again and audits every version."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import store
from components import attempt
from geo.choropleth import METRICS
from records import access, deck

COLUMNS = {
    "position": "顺序",
    "title": "标题",
    "kind": "类型",
    "metric": "地图指标",
    "region": "区域",
    "city": "城市",
    "industry": "产业链",
    "year": "年份（0 为最新）",
}


def _choices() -> tuple[dict[str, str], list[str]]:
    cities = store.query("cities")
    chains = store.query("industries")
    return dict(zip(cities.adcode, cities.name)), sorted(chains[chains.chain_id.notna()].industry)


def _frame(slides: list[deck.Slide], city_names: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame([vars(s) for s in slides], columns=list(deck.Slide.__dataclass_fields__))
    frame["city"] = frame.city.map(city_names)
    frame.insert(0, "position", range(1, len(frame) + 1))
    return frame.rename(columns=COLUMNS)


def _slides(edited: pd.DataFrame, city_names: dict[str, str]) -> list[deck.Slide]:
    by_name = {name: code for code, name in city_names.items()}
    rows = edited.rename(columns={v: k for k, v in COLUMNS.items()}).dropna(subset=["title"])
    rows = rows.sort_values("position", kind="stable")
    out = []
    for r in rows.itertuples():
        text = {
            k: (getattr(r, k) if isinstance(getattr(r, k), str) and getattr(r, k) else None)
            for k in ("region", "city", "industry")
        }
        out.append(
            deck.Slide(
                title=str(r.title).strip(),
                kind=r.kind or "地图",
                metric=r.metric or "集群营收合计",
                region=text["region"],
                city=by_name.get(text["city"], text["city"]),
                industry=text["industry"],
                year=int(r.year) if pd.notna(r.year) else 0,
            )
        )
    return out


def _save(username: str, slides: list[deck.Slide]) -> int | None:
    return attempt.attempt(lambda: deck.save(store.cursor(), username, slides))


def render(current: access.User | None, version: int, slides: list[deck.Slide]) -> None:
    """The editor under the slide, for a user whose role may edit the deck; nothing for anyone else."""
    if current is None or not access.allowed(current, "edit_deck"):
        return
    city_names, chains = _choices()
    with st.expander(f"编辑汇报页（第 {version} 版，{len(slides)} 页）", expanded="deck_saved" in st.session_state):
        if saved := st.session_state.pop("deck_saved", None):  # set before the rerun that shows the new deck
            st.success(f"已保存为第 {saved} 版。")
        st.caption("改“顺序”调整先后；在表格末行添加新页，勾选行后按删除键删除。保存后所有人的汇报模式立即使用新版本。")
        edited = st.data_editor(
            _frame(slides, city_names),
            key="deck_editor",
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            column_config={
                COLUMNS["position"]: st.column_config.NumberColumn(min_value=1, step=1),
                COLUMNS["title"]: st.column_config.TextColumn(required=True, max_chars=40),
                COLUMNS["kind"]: st.column_config.SelectboxColumn(options=list(deck.KINDS), required=True),
                COLUMNS["metric"]: st.column_config.SelectboxColumn(options=list(METRICS)),
                COLUMNS["region"]: st.column_config.SelectboxColumn(options=list(deck.REGIONS)),
                COLUMNS["city"]: st.column_config.SelectboxColumn(options=list(city_names.values())),
                COLUMNS["industry"]: st.column_config.SelectboxColumn(options=chains),
                COLUMNS["year"]: st.column_config.NumberColumn(min_value=0, step=1, default=0),
            },
        )
        if st.button("保存汇报页", key="deck_save", type="primary"):
            if (saved := _save(current.username, _slides(edited, city_names))) is not None:
                st.session_state.pop("deck_editor", None)
                st.session_state["deck_saved"] = saved
                st.rerun()


def add_button(current: access.User | None, slide: deck.Slide) -> None:
    """加入汇报: append ``slide`` (the map's current view) to the deck, for a user whose role may edit it."""
    if current is None or not access.allowed(current, "edit_deck"):
        return
    if st.button(
        "加入汇报",
        key="deck_add",
        icon=":material/add_to_queue:",
        help="把当前地图（指标、范围、年份）作为一页加入汇报模式",
    ):
        version, slides = deck.current(store.cursor())
        if (saved := _save(current.username, [*slides, slide])) is not None:
            st.toast(f"已加入汇报模式第 {len(slides) + 1} 页（汇报页第 {saved} 版）。")
