"""按图索企's Streamlit pieces: the filter widgets (restored from the URL or the last search, read back as a
``Search``, mirrored into the URL) and the map of the results (points, or grid cells when there are many). The
filters' rules themselves are pure, in ``components.enterprise_search``."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import settings
import store
from analysis.scope import Scope
from components import enterprise_links, map_view, url_state
from components import enterprise_search as es
from data.vocab import HONOURS
from geo import boundaries, points
from server import routes


def restore(counties: pd.DataFrame, clusters: pd.DataFrame, industries: pd.DataFrame) -> None:
    """Set the widgets' values before they are drawn, from whoever names the search: the URL when it changed from
    outside (a count's link, a bookmark, the first visit), the last search when the page is reopened from the menu
    (Streamlit dropped its widgets meanwhile), else nobody (the widgets keep their own values)."""
    incoming = {k: v for k, v in st.query_params.to_dict().items() if k in enterprise_links.FILTER_KEYS}
    applied = st.session_state.get("ent_applied")
    if applied is None or (incoming and incoming != applied):
        source = incoming
    elif not incoming and applied:
        source = applied
    else:
        return
    url_industry = source.get("industry")
    url_links = (
        frozenset(store.query("chain_links", industry=url_industry).link_id)
        if url_industry in set(industries.industry)
        else frozenset()
    )
    options = es.Options(
        frozenset(counties.adcode),
        frozenset(clusters.cluster_id),
        frozenset(industries.industry),
        {url_industry: url_links},
        frozenset(counties.city_adcode),
    )
    wanted = es.from_params(source, options)
    st.session_state.update(
        {
            "ent_text": wanted.text,
            "ent_honours": list(wanted.honours),
            "ent_member": wanted.member,
            "ent_adcodes": list(wanted.adcodes),
            "ent_cities": list(wanted.cities),
            "ent_exclude": wanted.exclude,
            "ent_cluster": wanted.cluster,
            "ent_industry": wanted.industry,
            "ent_link": wanted.link,
            "ent_rmin": wanted.revenue_min,
            "ent_rmax": wanted.revenue_max,
        }
    )


def widgets(
    county_names: dict[str, str],
    city_names: dict[str, str],
    cluster_names: dict[str, str],
    industries: pd.DataFrame,
    scope: Scope,
) -> tuple[es.Search, dict[str, str]]:
    """Draw the filters; returns the search they name and the names of the chosen industry's chain links. The URL
    is set to the scope and the search, so a list can be bookmarked or sent on."""
    top = st.columns([3, 3, 2, 1, 1])
    text = top[0].text_input(
        "名称、拼音首字母或统一社会信用代码",
        key="ent_text",
        max_chars=es.MAX_TEXT,
        placeholder="如“电缆”、wwdl、18位代码",
    )
    honours = top[1].multiselect("荣誉（持有任一项）", HONOURS, key="ent_honours", placeholder="不限")
    member = top[2].selectbox(
        "集群内外", list(es.MEMBERSHIP), key="ent_member", index=None, format_func=es.MEMBERSHIP.get, placeholder="不限"
    )
    revenue_min = top[3].number_input("营收下限（亿元）", min_value=0.0, value=None, key="ent_rmin", placeholder="不限")
    revenue_max = top[4].number_input("营收上限（亿元）", min_value=0.0, value=None, key="ent_rmax", placeholder="不限")
    places = st.columns([3, 4, 2], vertical_alignment="bottom")
    cities = places[0].multiselect(
        "城市（可多选）", list(city_names), key="ent_cities", format_func=city_names.get, placeholder="不限"
    )
    adcodes = places[1].multiselect(
        "区县（可多选）",
        list(county_names),
        key="ent_adcodes",
        format_func=county_names.get,
        placeholder=f"{scope.name}全部区县",
    )
    exclude = places[2].toggle("排除所选城市和区县", key="ent_exclude", disabled=not (cities or adcodes))
    row = st.columns(3)
    cluster = row[0].selectbox(
        "集群", list(cluster_names), key="ent_cluster", index=None, format_func=cluster_names.get, placeholder="不限"
    )
    industry = row[1].selectbox("产业", list(industries.industry), key="ent_industry", index=None, placeholder="不限")
    links = store.query("chain_links", industry=industry) if industry else None
    link_names = dict(zip(links.link_id, links.stage + " · " + links.name)) if links is not None else {}
    if st.session_state.get("ent_link") not in link_names:
        st.session_state["ent_link"] = None
    link = row[2].selectbox(
        "产业链环节",
        list(link_names),
        key="ent_link",
        index=None,
        format_func=link_names.get,
        placeholder="先选产业" if not industry else "不限",
        disabled=not industry,
    )

    search = es.Search(
        tuple(adcodes),
        tuple(cities),
        bool(exclude and (cities or adcodes)),
        cluster,
        member,
        tuple(h for h in HONOURS if h in honours),
        industry,
        link,
        text.strip(),
        revenue_min,
        revenue_max,
    )
    params = es.to_params(search)
    st.session_state["ent_applied"] = params
    url_state.write("enterprises", scope, params)
    return search, link_names


def results_map(search: es.Search, scope: Scope, counties: pd.DataFrame, matches: int, height: int = 560) -> None:
    """The results on the map of their counties: each firm a point, or grid cells sized by count beyond
    ``points.MAX_POINTS`` and before any filter is set (the first view then sends about 0.2 MB, not every firm of
    the scope as a point). A click on a point sets the map's value (``county_profile.take_click`` reads it)."""
    as_points = matches <= points.MAX_POINTS and not search.is_empty()
    drawn = counties.adcode[es.within(counties, search)]  # the counties of the scope that the places keep

    def draw():
        shape = boundaries.counties()
        shape = shape[shape.adcode.isin(list(drawn))]
        basemap = dict(
            static_url=routes.static_url(),
            basemap_url=settings.BASEMAP_URL,
            basemap_attribution=settings.BASEMAP_ATTRIBUTION,
        )
        unplaced = store.query("enterprise_unplaced", **es.query_args(search, scope))  # drawn at county centres
        if as_points:
            found = store.query("enterprise_points", **es.query_args(search, scope, limit=points.MAX_POINTS))
            return points.add_unplaced(points.points_map(shape, found, **basemap), unplaced), None, None
        # a few counties kept: finer cells; most of the scope (e.g. all but 合肥): the scope's own cell size
        cell = points.cell_size(scope.region, scope.city, len(drawn) if len(drawn) <= 16 else 0)
        cells = store.query("enterprise_cells", **es.query_args(search, scope, cell=cell))
        return points.add_unplaced(points.cells_map(shape, cells, **basemap), unplaced), None, None

    map_view.view(
        ("enterprises", search, scope, tuple(drawn), as_points),
        draw,
        key="ent_map",
        height=height,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
    )
