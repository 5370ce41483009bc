"""Errors that escape a page run or a widget callback: the traceback to the server log under an incident id, a
Chinese message with the id to the user (``st.App``'s ``on_script_error``). Page runs already catch their own
errors in app.py; this also covers the callbacks (``on_click``, ``on_change``), which run before the page."""

from __future__ import annotations

import streamlit as st

from components import incidents, session


def on_script_error(error: Exception) -> bool:
    """Record ``error`` and show its incident id; True hides Streamlit's own error display."""
    try:
        user = session.username()
    except Exception:  # noqa: BLE001  (no session state outside a script run)
        user = None
    st.error(incidents.shown(error, "script or callback", user))
    return True
