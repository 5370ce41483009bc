"""Download buttons for a list: .xlsx and CSV (UTF-8 with BOM), built only when clicked."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from exports import offload, tables


def buttons(
    frame: pd.DataFrame | Callable[[], pd.DataFrame],
    basename: str,
    key: str,
    notes: list[str] | None = None,
    label: str = "",
) -> None:
    """Two buttons side by side; the files are generated on click (``data`` is a callable), not on every run.

    ``frame`` may itself be a callable, so that a long list is fetched only when someone downloads it. The .xlsx is
    built in a worker process (``exports.offload``: 100,000 rows take seconds); the CSV, written by pandas' C
    writer, in the server.
    """
    rows = frame if callable(frame) else (lambda: frame)

    def xlsx() -> bytes:
        return offload.call(tables.to_xlsx, rows(), basename[:31], notes, what=f"{basename}.xlsx")

    left, right = st.columns(2)
    with left:
        st.download_button(
            f"下载{label} Excel（.xlsx）",
            xlsx,
            file_name=f"{basename}.xlsx",
            mime=tables.XLSX_MIME,
            key=f"{key}_xlsx",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
        )
    with right:
        st.download_button(
            f"下载{label} CSV",
            lambda: tables.to_csv(rows()),
            file_name=f"{basename}.csv",
            mime=tables.CSV_MIME,
            key=f"{key}_csv",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
        )
