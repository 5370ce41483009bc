"""Counts that open their enterprise list: every count is a link to 按图索企 with its filters in the query string.

A plain link would start a new session (a full page load, the sidebar's choices lost). ``follow`` (mounted once
by ``app.py`` for every page) loads a small script that catches left clicks on these links and hands the link to
Python, which switches page inside the session (``st.switch_page`` with the same query parameters). A ctrl or
middle click still opens a new tab, and the URL alone reproduces the list there, so a list can be bookmarked or
sent on. Links to 循链招商 (``chain_link``) and 集群画像 (``cluster_link``) work the same way.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit

import streamlit as st

from components.sidebar import SCOPE_FROM_LINK

PAGE = "pages/enterprises.py"
URL_PATH = "enterprises"
CHAIN_PAGE, CHAIN_URL_PATH = "pages/chains.py", "chains"  # 循链招商 is opened the same way (see chain_link)
CLUSTER_PAGE, CLUSTER_URL_PATH = "pages/cluster.py", "cluster"  # and 集群画像 (see cluster_link)
# … and the other pages a caught link may open, with the parameters each takes from it
PAGES = {
    CHAIN_URL_PATH: (CHAIN_PAGE, ("year", "region", "city", "adcode", "industry", "gap")),
    CLUSTER_URL_PATH: (CLUSTER_PAGE, ("year", "cluster")),
    "projects": ("pages/projects.py", ("year", "region", "city", "county")),
    "insight": ("pages/insight.py", ("year", "region", "city", "adcode", "tab")),
}
# Query parameters of the list. Lists (adcode, cities, honour) are comma-joined: no county name, adcode or honour has a
# comma. year/region/city are the sidebar's, the rest the list page's own filters.
SCOPE_KEYS = ("year", "region", "city")
FILTER_KEYS = ("adcode", "cities", "except", "cluster", "member", "honour", "industry", "link", "q", "rmin", "rmax")
KEYS = SCOPE_KEYS + FILTER_KEYS

_JS = """
export default function ({ setTriggerValue }) {
  const onClick = (event) => {
    const link = event.target.closest && event.target.closest("a[data-open]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    setTriggerValue("open", link.getAttribute("href"));
  };
  document.addEventListener("click", onClick);
  return () => document.removeEventListener("click", onClick);
}
"""
_catcher = st.components.v2.component("enterprise_links", js=_JS)


def params(**filters) -> dict[str, str]:
    """The query parameters for ``filters`` (keys of ``KEYS``); empty values are left out."""
    unknown = set(filters) - set(KEYS)
    if unknown:
        raise ValueError(f"not filters of the enterprise list: {sorted(unknown)}")
    out = {}
    for key in KEYS:
        value = filters.get(key)
        if isinstance(value, Iterable) and not isinstance(value, str):
            value = ",".join(str(v) for v in value)
        if value is not None and str(value) != "":
            out[key] = str(value)
    return out


def href(**filters) -> str:
    """The relative URL of the enterprise list filtered by ``filters``, e.g. ``enterprises?adcode=340881``."""
    return f"{URL_PATH}?{urlencode(params(**filters))}"


def link(count: int, **filters) -> str:
    """``count`` as an HTML link to the list of those enterprises (escaped, ready for ``st.html``)."""
    return (
        f'<a class="count-link" data-open="1" href="{html.escape(href(**filters), quote=True)}" '
        f'title="查看这些企业">{int(count):,}</a>'
    )


def chain_link(text: str, year: int, adcode: str, industry: str) -> str:
    """A link to 循链招商 for a county and an industry's chain (escaped, ready for ``st.html``)."""
    query = urlencode({"year": year, "adcode": adcode, "industry": industry})
    return (
        f'<a class="count-link" data-open="1" href="{CHAIN_URL_PATH}?{html.escape(query, quote=True)}">'
        f"{html.escape(text)}</a>"
    )


def cluster_link(text: str, year: int, cluster_id: str) -> str:
    """A link to a cluster's 集群画像 (escaped, ready for ``st.html``)."""
    query = urlencode({"year": year, "cluster": cluster_id})
    return (
        f'<a class="count-link cluster-link" data-open="1" data-cluster="{html.escape(cluster_id, quote=True)}" '
        f'href="{CLUSTER_URL_PATH}?{html.escape(query, quote=True)}">{html.escape(text)}</a>'
    )


def parse(url: str) -> dict[str, str]:
    """The known query parameters of a list URL (unknown ones dropped; values are checked by the list page)."""
    return {k: v for k, v in parse_qsl(urlsplit(url).query) if k in KEYS}


def target(url: str) -> tuple[str, dict[str, str]]:
    """The page a caught link opens, and its query parameters."""
    path = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    if path in PAGES:
        page, keys = PAGES[path]
        return page, {k: v for k, v in parse_qsl(urlsplit(url).query) if k in keys}
    return PAGE, parse(url)


def page_link(text: str, path: str, **query) -> str:
    """A link to another reading page (a key of ``PAGES``) with ``query``, opened in the same session like the
    counts' links (escaped, ready for ``st.html``)."""
    if path not in PAGES:
        raise ValueError(f"unknown page {path!r}")
    href = f"{path}?{urlencode({k: v for k, v in query.items() if v is not None})}"
    return f'<a class="count-link" data-open="1" href="{html.escape(href, quote=True)}">{html.escape(text)}</a>'


def open_list(**filters) -> None:
    """Switch to the enterprise list filtered by ``filters`` (as a click on a count would), e.g. from a chart."""
    query = params(**filters)
    st.session_state[SCOPE_FROM_LINK] = {k: query[k] for k in SCOPE_KEYS if k in query}
    st.switch_page(PAGE, query_params=query)


def follow(key: str = "enterprise_links") -> None:
    """Mount the click catcher; after a click on a link, switch to its page (the list, or 循链招商) with its filters."""
    result = _catcher(key=key, on_open_change=lambda: None)
    if result.open:
        page, params = target(str(result.open))
        # the sidebar takes the link's year, region and city before it is drawn again (components.sidebar)
        st.session_state[SCOPE_FROM_LINK] = {k: params[k] for k in SCOPE_KEYS if k in params}
        st.switch_page(page, query_params=params)
