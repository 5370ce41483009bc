"""A long step on screen (reading and checking an upload, comparing, publishing): what is being done while it runs,
then how long it took, so that nobody clicks again or reloads during a 10-second check."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st


@contextmanager
def step(label: str, done: str | None = None) -> Iterator[None]:
    """``label`` (e.g. "正在校验") while the block runs; then ``done`` (default: label) with the seconds it took,
    or, if the block raised, marked as not completed (the page shows the reason itself)."""
    start = time.perf_counter()

    def finished() -> str:
        return f"{done or label}（用时 {time.perf_counter() - start:,.1f} 秒）"

    with st.status(f"{label}……", expanded=False) as status:
        try:
            yield
        except Exception:
            status.update(label=f"{label}：未完成", state="error")
            raise
        except BaseException:  # Streamlit's rerun or stop after the step did its work (components.attempt)
            status.update(label=finished(), state="complete")
            raise
        status.update(label=finished(), state="complete")
