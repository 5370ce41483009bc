"""Lists leave the app as CSV (UTF-8 with BOM, so Excel and WPS open it correctly) or .xlsx.

Text from uploads may begin with ``= + - @``: a spreadsheet would run it as a formula (CSV/formula injection).
CSV cells that do so get a leading apostrophe, as OWASP advises; .xlsx cells are written as typed text, so they
show exactly what was uploaded and never run.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """``value`` with a leading apostrophe if it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with BOM, text cells neutralised, numbers untouched."""
    text_columns = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
    safe = frame.copy()
    for column in text_columns:
        safe[column] = safe[column].map(neutralise)
    header = [neutralise(str(c)) for c in frame.columns]
    return safe.to_csv(index=False, header=header).encode("utf-8-sig")


def _cell_value(value):
    """A number, date or empty cell as openpyxl takes it (numpy scalars unwrapped, NaN/NA empty)."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return None
    return value.item() if isinstance(value, np.generic) else value


def to_xlsx(frame: pd.DataFrame, sheet: str = "名单", notes: list[str] | None = None) -> bytes:
    """One sheet: optional note lines, a bold header row, then the rows; text is always stored as text."""
    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet[:31])
    for note in notes or []:
        ws.append([_text_cell(ws, note)])
    header = []
    for name in frame.columns:
        cell = _text_cell(ws, str(name))
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    for row in frame.itertuples(index=False, name=None):
        ws.append([_text_cell(ws, v) if isinstance(v, str) else _cell_value(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text_cell(ws, text: str) -> WriteOnlyCell:
    # Uploads refuse control characters (uploads/cells.py); text stored before that rule, or restored from a
    # backup, may still hold some, which .xlsx cannot store: shown as U+FFFD rather than failing the whole export.
    cell = WriteOnlyCell(ws, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))
    cell.data_type = "s"  # openpyxl would otherwise store "=…" as a formula
    return cell
