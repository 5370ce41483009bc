"""The server's entry: ``streamlit run serve.py`` (run.sh does it) serves app.py as an ASGI application —
Streamlit's ``st.App`` on uvicorn — with the store opened before the first request, ``/readyz``, and every
error of a page run or a callback turned into an incident id (see the ``server`` package)."""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from server import errors, routes, startup

# app.py declares the pages with st.navigation. Until it has run once, Streamlit treats the pages/ folder as the
# old multipage layout and runs a page's file alone (no login, no sidebar) when a browser's first request to a
# fresh process is a page's address: a bookmark, a reload, or a move to another process after one died.
PagesManager.uses_pages_directory = False

app = st.App("app.py", lifespan=startup.lifespan, routes=routes.all_routes(), on_script_error=errors.on_script_error)
