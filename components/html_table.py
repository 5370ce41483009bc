"""Small tables as plain HTML: large type on a projector, text in the page (not a canvas), escaped cell by cell.

``st.dataframe`` stays the choice for long, sortable tables; a ten-row ranking does not need its grid, which
costs the browser about 0.7 s on a first visit (``python -m bench home``).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st


def to_html(frame: pd.DataFrame, columns: Mapping[str, str], decimals: int = 1, names_first: int = 0) -> str:
    """``frame``'s ``columns`` (name → heading) as an HTML table; pandas escapes every cell and heading.

    ``names_first``: how many leading columns hold place names (1 or 2), which never break ("长丰/县")."""
    table = frame[list(columns)].rename(columns=dict(columns))
    classes = "plain-table" + (f" names-{names_first}" if names_first else "")
    return table.to_html(
        index=False, border=0, classes=classes, na_rep="—", float_format=lambda v: f"{v:,.{decimals}f}"
    )


def render(frame: pd.DataFrame, columns: Mapping[str, str], caption: str, decimals: int = 1) -> None:
    show(to_html(frame, columns, decimals), caption)


def show(table: str, caption: str) -> None:
    """A table made by ``to_html`` under its caption."""
    st.markdown(f"**{caption}**")
    st.html(table)
