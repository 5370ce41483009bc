"""st_folium, rendering each map once, and each *view* of a map once per data version and process.

- ``show(fmap, …)``: st_folium renders the whole figure to HTML (and throws the text away) before it renders the
  map and its scripts again for the component; with ``render=False`` it skips the first, and the component receives
  the same arguments (tests/test_branca_literal.py compares them for every kind of map the pages draw).
- ``view(signature, build, …)``: a map is a function of the published data and of a few choices (year, region,
  metric, the selected county). What st_folium hands to the browser component for one such view is kept (a small
  LRU per process, dropped with the query cache: ``store.clear``) and handed again to the next session that asks
  for the same view, without building or rendering the map: a meeting's twenty leaders open the same few views.
  ``signature`` must name every choice the map depends on besides the data.

The component call is captured by wrapping streamlit-folium's ``_component_func`` (pinned in constraints.txt);
on a repeat view the same arguments go to the same component, with st_folium's own on_change behaviour (the map's
state copied to ``st.session_state[key]``).
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import folium
import streamlit as st
import streamlit_folium
from streamlit_folium import st_folium

import store

VIEWS = 24  # views kept per process (a county map's view is about 0.3–0.6 MB of script)

_component = streamlit_folium._component_func
_capture = threading.local()
_views: OrderedDict[tuple, tuple[dict, Any]] = OrderedDict()
_lock = threading.Lock()


def _dispatch(**kwargs):
    sink = getattr(_capture, "sink", None)
    if sink is not None:
        sink.update({k: v for k, v in kwargs.items() if k != "on_change"})
    return _component(**kwargs)


streamlit_folium._component_func = _dispatch


def show(fmap: folium.Map, **options):
    """``st_folium(fmap, **options)``, rendering the map once; returns what st_folium returns."""
    return st_folium(fmap, render=False, **options)


def view(
    signature: tuple, build: Callable[[], tuple[folium.Map, folium.FeatureGroup | None, Any]], *, key: str, **options
) -> Any:
    """The map of ``build()`` — (map, a feature group for st_folium's ``feature_group_to_add`` or None, anything the
    page needs besides, e.g. the legend) — shown with ``options`` as ``show`` shows it; for a ``signature`` (with
    ``key``, ``options`` and the data version) seen before in this process, shown from what was sent then, without
    calling ``build``. Returns the third item of ``build()``'s result."""
    name = (store.data_version(), key, signature, repr(sorted(options.items())))
    with _lock:
        kept = _views.get(name)
        if kept is not None:
            _views.move_to_end(name)
    if kept is None:
        fmap, group, extra = build()
        _capture.sink = sink = {}
        try:
            show(fmap, key=key, feature_group_to_add=group, **options)
        finally:
            _capture.sink = None
        with _lock:
            _views[name] = (sink, extra)
            while len(_views) > VIEWS:
                _views.popitem(last=False)
        return extra
    sent, extra = kept
    hash_key = sent["key"]

    def on_change():  # st_folium's own: the component's value under the page's key
        st.session_state[key] = st.session_state.get(hash_key, {})

    _component(**{**sent, "default": copy.deepcopy(sent["default"])}, on_change=on_change)
    return extra


def clear() -> None:
    with _lock:
        _views.clear()


store.on_clear(clear)
