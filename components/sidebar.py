"""The shared sidebar: year, region group and city. Every page reads the choice as an ``analysis.scope.Scope``."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import store
from analysis.scope import Scope
from components import url_state

ALL = "全省"
ALL_CITIES = "全部城市"
SCOPE_FROM_LINK = "scope_from_link"  # session key: the year/region/city of a clicked link, applied on the next run


def current(page_file: str) -> Scope:
    """The filters ``app.py`` put in session state, for the page in ``page_file`` (pass ``__file__``).

    Until ``st.navigation`` has run once in the process, Streamlit runs a page named in the URL straight from
    ``pages/`` without ``app.py`` (its multipage v1 rule). Such a run finds no filters in its new session: it hands
    over to ``app.py``, which comes back to the page.
    """
    if "filters" not in st.session_state:
        st.session_state["return_to"] = (f"pages/{Path(page_file).name}", st.query_params.to_dict())
        st.switch_page("app.py")
    return st.session_state["filters"]


def _apply_scope(params: dict, years: list[int], cities) -> None:
    """Set the year, region and city widgets from ``params`` (before they are drawn), clearing a region or city
    that ``params`` leaves out: a link's list, like a pasted address, is exactly the scope it names."""
    state = st.session_state
    if str(params.get("year", "")).isdigit() and int(params["year"]) in years:
        state["year"] = int(params["year"])
    region, city = params.get("region"), params.get("city")
    if city in set(cities.adcode):
        state["city"], state["region"] = city, cities.set_index("adcode").region[city]
        return
    if region in ("皖北", "皖中", "皖南"):
        state["region"] = region
    else:
        state["region"] = ALL
    state["city"] = ALL_CITIES


@store.derived
def _years() -> list[int]:
    return store.query("data_years").year.tolist()


@store.derived
def _city_names(region: str) -> dict[str, str]:
    """adcode → name of the cities in ``region`` (all for 全省)."""
    cities = store.query("cities")
    in_region = cities if region == ALL else cities[cities.region == region]
    return dict(zip(in_region.adcode.tolist(), in_region.name.tolist()))


def render() -> Scope:
    """Draw the filters in the sidebar and return the current choice."""
    years = _years()
    if (scope := st.session_state.pop(SCOPE_FROM_LINK, None)) is not None:
        _apply_scope(scope, years, store.query("cities"))  # a count was clicked (enterprise_links)
    elif (scope := url_state.incoming_scope()) is not None:  # a reload, a bookmark, a pasted link, "back"
        _apply_scope(scope, years, store.query("cities"))
    with st.sidebar:
        st.markdown("### 筛选")
        year = st.selectbox("年份", years[::-1], key="year", format_func=lambda y: f"{y}年")
        region = st.radio("区域", [ALL, "皖北", "皖中", "皖南"], key="region", horizontal=True)
        names = _city_names(region)
        if st.session_state.get("city") not in (ALL_CITIES, *names):
            st.session_state["city"] = ALL_CITIES
        city = st.selectbox("城市", [ALL_CITIES, *names], key="city", format_func=lambda a: names.get(a, a))
    return Scope(int(year), None if region == ALL else region, None if city == ALL_CITIES else city, names.get(city))


def demo_badge(beside: str = "") -> None:
    """The 演示数据 badge, shown on every page while the demo dataset is loaded, with ``beside`` (escaped HTML: the
    page's 数据截至) on the same line."""
    badge = (
        '<div class="demo-badge" role="status">演示数据 · 公开报道数据与示例生成数据混合，每个数字的来源见详情</div>'
        if store.is_demo()
        else ""
    )
    if badge or beside:
        st.markdown(f'<div class="page-status">{badge}{beside}</div>', unsafe_allow_html=True)
