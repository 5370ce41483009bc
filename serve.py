"""The server's entry: ``streamlit run serve.py`` (run.sh does it) serves app.py as an ASGI application —
Streamlit's ``st.App`` on uvicorn — with the store opened before the first request, ``/readyz``, and every
error of a page run or a callback turned into an incident id (see the ``server`` package)."""

import streamlit as st
from streamlit import net_util
from streamlit.runtime.pages_manager import PagesManager

from server import errors, routes, startup

# app.py declares the pages with st.navigation. Until it has run once, Streamlit treats the pages/ folder as the
# old multipage layout and runs a page's file alone (no login, no sidebar) when a browser's first request to a
# fresh process is a page's address: a bookmark, a reload, or a move to another process after one died.
PagesManager.uses_pages_directory = False

# No outbound request, ever: Streamlit asks checkip.amazonaws.com for the machine's "external" address (and
# connects a socket towards 8.8.8.8 for its "internal" one) to print them at start and to admit a websocket from an
# unknown origin. On an intranet that request hangs until its timeout or tells the outside that the app runs. The
# start-up line is the app's own (server/startup.py; logger.hideWelcomeMessage), and a websocket is admitted when
# its origin is the page's own host, which Streamlit checks first anyway (tests/test_no_outbound.py).
net_util.get_external_ip = lambda: None
net_util.get_internal_ip = lambda: None

app = st.App("app.py", lifespan=startup.lifespan, routes=routes.all_routes(), on_script_error=errors.on_script_error)
