"""The shared sidebar: year, region group and city. Every page reads the choice through ``Filters``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

import store

ALL = "全省"
ALL_CITIES = "全部城市"


@dataclass(frozen=True)
class Filters:
    year: int
    region: str | None  # 皖北/皖中/皖南, None for the whole province
    city: str | None  # city adcode, None for all
    city_name: str | None

    @property
    def scope(self) -> str:
        """What the selection is called on screen."""
        return self.city_name or self.region or "安徽省"


def current(page_file: str) -> Filters:
    """The filters ``app.py`` put in session state, for the page in ``page_file`` (pass ``__file__``).

    Until ``st.navigation`` has run once in the process, Streamlit runs a page named in the URL straight from
    ``pages/`` without ``app.py`` (its multipage v1 rule, flagged by ``PagesManager.uses_pages_directory``;
    AppTest re-arms it on every run). Such a run hands over to ``app.py``, which comes back to the page.
    """
    if PagesManager.uses_pages_directory or "filters" not in st.session_state:
        st.session_state["return_to"] = (f"pages/{Path(page_file).name}", st.query_params.to_dict())
        st.switch_page("app.py")
    return st.session_state["filters"]


def _start_from_url(years: list[int], cities) -> None:
    """A session opened from a shared URL (e.g. an enterprise list) starts with the year, region and city in it."""
    if "year" in st.session_state:
        return
    url = st.query_params
    if url.get("year", "").isdigit() and int(url["year"]) in years:
        st.session_state["year"] = int(url["year"])
    if url.get("region") in ("皖北", "皖中", "皖南"):
        st.session_state["region"] = url["region"]
    if url.get("city") in set(cities.adcode):
        st.session_state["city"] = url["city"]
        st.session_state.setdefault("region", cities.set_index("adcode").region[url["city"]])


def render() -> Filters:
    """Draw the filters in the sidebar and return the current choice."""
    years = store.query("data_years").year.tolist()
    cities = store.query("cities")
    _start_from_url(years, cities)
    with st.sidebar:
        st.markdown("### 筛选")
        year = st.selectbox("年份", years[::-1], key="year", format_func=lambda y: f"{y}年")
        region = st.radio("区域", [ALL, "皖北", "皖中", "皖南"], key="region", horizontal=True)
        in_region = cities if region == ALL else cities[cities.region == region]
        names = dict(zip(in_region.adcode, in_region.name))
        if st.session_state.get("city") not in (ALL_CITIES, *names):
            st.session_state["city"] = ALL_CITIES
        city = st.selectbox("城市", [ALL_CITIES, *names], key="city",
                            format_func=lambda a: names.get(a, a))
    return Filters(int(year), None if region == ALL else region,
                   None if city == ALL_CITIES else city, names.get(city))


def demo_badge() -> None:
    """The 演示数据 badge, shown on every page while the demo dataset is loaded."""
    if store.is_demo():
        st.markdown(
            '<div class="demo-badge" role="status">演示数据 · 公开报道数据与示例生成数据混合，'
            '每个数字的来源见详情</div>',
            unsafe_allow_html=True,
        )
