"""Download buttons for a list: .xlsx and CSV (UTF-8 with BOM), built only when clicked."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

import exports


def buttons(frame: pd.DataFrame, basename: str, key: str, notes: list[str] | None = None) -> None:
    """Two buttons side by side; the files are generated on click (``data`` is a callable), not on every run."""
    left, right = st.columns(2)
    with left:
        st.download_button("下载 Excel（.xlsx）", partial(exports.to_xlsx, frame, basename[:31], notes),
                           file_name=f"{basename}.xlsx", mime=exports.XLSX_MIME, key=f"{key}_xlsx",
                           on_click="ignore", icon=":material/download:", width="stretch")
    with right:
        st.download_button("下载 CSV", partial(exports.to_csv, frame), file_name=f"{basename}.csv",
                           mime=exports.CSV_MIME, key=f"{key}_csv", on_click="ignore",
                           icon=":material/download:", width="stretch")
