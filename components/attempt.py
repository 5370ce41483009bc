"""A write from a page: refusals shown as errors, caches cleared after a success, and the success message shown once
after the page runs again (``flash``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

import store
from components import plain
from records import Refused

T = TypeVar("T")
FLASH = "flash"


def attempt(write: Callable[[], T], done: str | Callable[[T], str] | None = None) -> T | None:
    """Run ``write`` (a data-layer call). A refusal (``records.Refused``: outside the role, a step that cannot be
    taken now, a bad value) is shown as an error and None returned. After a success the cached query results are
    dropped (``store.after_write``); with ``done`` (a message, or a function of the result) the message is kept and
    the page runs again to show it (``flash``); without, the result is returned for the page to show."""
    try:
        result = write()
    except Refused as refused:
        st.error(plain.md(refused))
        return None
    store.after_write()
    if done is not None:
        st.session_state[FLASH] = done(result) if callable(done) else done
        st.rerun()
    return result


def flash() -> None:
    """The message of the last successful write, once."""
    if message := st.session_state.pop(FLASH, None):
        st.success(message)
