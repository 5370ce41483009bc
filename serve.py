"""The server's entry: ``streamlit run serve.py`` (run.sh does it) serves app.py as an ASGI application —
Streamlit's ``st.App`` on uvicorn — with the store opened before the first request, ``/readyz``, and every
error of a page run or a callback turned into an incident id (see the ``server`` package)."""

import streamlit as st

from server import errors, routes, startup

app = st.App("app.py", lifespan=startup.lifespan, routes=routes.all_routes(), on_script_error=errors.on_script_error)
