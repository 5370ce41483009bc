"""安徽省县域产业集群地图: page set-up, the shared sidebar, and navigation built from one page table."""

import atexit
import gc

import streamlit as st

import settings
from components import enterprise_links, sidebar
from geo.choropleth import install_leaflet

# An emoji favicon is drawn in the browser; a ":material/…:" one would be fetched from fonts.gstatic.com.
st.set_page_config(page_title="安徽省县域产业集群地图", page_icon="🗺️", layout="wide")
install_leaflet(settings.STATIC_DIR)
st.html(settings.ROOT.joinpath("components", "theme.css"))

# One table of pages; later issues add pages and the roles that may see them.
PAGES = [
    st.Page("pages/home.py", title="全省产业地图", icon=":material/map:", url_path="map", default=True),
    st.Page("pages/tiers.py", title="营收梯队", icon=":material/stacked_bar_chart:", url_path="tiers"),
    st.Page("pages/honours.py", title="优质企业", icon=":material/workspace_premium:", url_path="honours"),
    st.Page("pages/enterprises.py", title="按图索企", icon=":material/domain:", url_path="enterprises"),
    st.Page("pages/chains.py", title="循链招商", icon=":material/account_tree:", url_path="chains"),
]


@st.cache_resource(show_spinner=False)
def freeze_startup_heap() -> bool:
    """Once per process, after the first page run: hide the modules, caches and store from the garbage collector.

    Full collections otherwise rescan those millions of long-lived objects and stall a page run by 50–350 ms.
    """
    gc.collect()
    gc.freeze()
    atexit.register(gc.unfreeze)  # let the interpreter free them at exit (native extensions check for leaks)
    return True


navigation = st.navigation(PAGES)
if return_to := st.session_state.pop("return_to", None):  # see components.sidebar.current
    page, query_params = return_to
    st.switch_page(page, query_params=query_params)
sidebar.demo_badge()
st.session_state["filters"] = sidebar.render()
with st.sidebar:  # out of the pages' layout; a clicked count switches page before the current page runs again
    enterprise_links.follow()
navigation.run()
freeze_startup_heap()
