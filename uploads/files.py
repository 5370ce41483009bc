"""Uploaded files as tables of text: .xlsx (read with python-calamine, a Rust reader ~10× faster than openpyxl)
and .csv in UTF-8, UTF-8 with BOM, UTF-16 or GBK. Limits are checked before cells are read (``package`` for an
.xlsx's structure, rows and columns of a CSV as it is parsed), then every cell is normalised once
(``cells.clean``) and stays text, so that validation can say which cell is wrong and why.

These functions read untrusted bytes: the app calls them only inside a worker process with resource limits
(``uploads.sandbox``).
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from itertools import zip_longest

import numpy as np
import pandas as pd
from python_calamine import CalamineWorkbook

from uploads import cells, package
from uploads.package import Limits, column_letters


class UnreadableFile(ValueError):
    """A file that cannot be read at all (wrong format, damaged, over a limit, unknown encoding), in Chinese."""


@dataclass
class Sheet:
    """One table of an upload: ``cells`` has one text column per header (normalised; '' for an empty cell) and
    one row per data row; ``rows`` is the row number each data row has in the file, ``header_row`` the header's.
    An empty sheet has no header."""

    file_name: str
    name: str  # the sheet's name; '' for a CSV file
    header: list[str]
    cells: pd.DataFrame
    rows: list[int] = field(default_factory=list)
    header_row: int = 1

    @property
    def where(self) -> str:
        return f"{self.file_name} › {self.name}" if self.name else self.file_name


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest(uploads: list[tuple[str, bytes]]) -> str:
    """The SHA-256 of an upload's files, in order (what the audit log and the batch record)."""
    return sha256(b"".join(data for _, data in uploads))


def safe_name(file_name: str, limit: int = 120) -> str:
    """An uploaded file's name as messages, batches and the audit log hold it: cleaned like a cell, control
    characters as '?', at most ``limit`` characters with the extension kept (the browser sends any name)."""
    name = cells.CONTROL.sub("?", cells.clean(str(file_name))) or "未命名文件"
    if len(name) > limit:
        stem, dot, extension = name.rpartition(".")
        extension = dot + extension if dot and len(extension) <= 5 else ""
        name = name[: limit - len(extension) - 1] + "…" + extension
    return name


def read(file_name: str, data: bytes, limits: Limits | None = None) -> list[Sheet]:
    """Every sheet of an uploaded .xlsx (empty ones too, so that messages can name them), or the one table of a
    .csv. Raises ``UnreadableFile`` naming the file (and sheet, row and column where there is one). ``limits``:
    ``Limits.current()`` unless given."""
    limits = limits or Limits.current()
    if not data:
        raise UnreadableFile(f"{file_name}：文件是空的（0 字节）。")
    if len(data) > limits.file_mb * package.MB:
        raise UnreadableFile(
            f"{file_name}：文件大小 {len(data) / package.MB:.1f} MB，超过 {limits.file_mb} MB 的上限。"
        )
    lower = file_name.lower()
    if lower.endswith(".xlsx"):
        try:
            package.inspect(data, limits)
        except package.Refused as refused:
            raise UnreadableFile(f"{file_name}：{refused}") from None
        return _xlsx(file_name, data, limits)
    if lower.endswith(".csv"):
        return [_csv(file_name, data, limits)]
    raise UnreadableFile(f"{file_name}：只接受 .xlsx 或 .csv 文件（.xls 请在 Excel 中另存为 .xlsx）。")


def _xlsx(file_name: str, data: bytes, limits: Limits) -> list[Sheet]:
    sheets = [
        _table(file_name, name, [_texts(column) for column in zip(*values)], limits)
        for name, values in _calamine(file_name, data)
    ]
    if not any(sheet.header for sheet in sheets):
        raise UnreadableFile(f"{file_name}：文件中没有数据（每个工作表都是空的）。")
    return sheets


def _calamine(file_name: str, data: bytes):
    """(sheet name, rows of cell values) of every sheet; the reader's errors, and its panics (which PyO3 raises
    as BaseException), as ``UnreadableFile``."""
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        for name in book.sheet_names:  # a sheet's name is the filer's text too: shown in messages and exports
            yield cells.CONTROL.sub("?", name), book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except (KeyboardInterrupt, SystemExit, MemoryError, GeneratorExit):
        raise
    except BaseException as error:  # noqa: BLE001  (CalamineError, or a panic in the Rust reader)
        raise UnreadableFile(
            f"{file_name}：无法读取该 Excel 文件，文件可能已损坏（{type(error).__name__}）。"
        ) from None


def _texts(column: tuple) -> list[str]:
    """A column of cell values as text; a column of strings (the usual case) without a call per cell."""
    types = set(map(type, column))
    if types == {str}:
        return [value.strip() for value in column]
    if types == {float}:  # numbers as _text writes them
        return [str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v) for v in column]
    return [_text(value) for value in column]


def _text(value) -> str:
    """A cell as text: whole numbers without '.0', dates as YYYY-MM-DD, booleans as 是/否."""
    if type(value) is str:  # most cells: tested first (a million cells a second faster)
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value).strip()


_BINARY = {
    b"PK\x03\x04": "这是 Excel 文件（.xlsx）而不是 CSV：请把扩展名改为 .xlsx 后上传。",
    b"\xd0\xcf\x11\xe0": "这是旧版 Excel 文件（.xls）而不是 CSV：请另存为 .xlsx 或 CSV。",
    b"%PDF": "这是 PDF 文件，不是 CSV。",
}


def decode(file_name: str, data: bytes) -> str:
    """The text of a CSV file: UTF-16 with its byte-order mark, UTF-8 (with or without BOM), else GBK (read as
    GB18030, its superset). Binary files are refused, with what they look like."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableFile(f"{file_name}：UTF-16 编码有误，请另存为 UTF-8 或 GBK 编码的 CSV。") from None
    for magic, message in _BINARY.items():
        if data.startswith(magic):
            raise UnreadableFile(f"{file_name}：{message}")
    if b"\x00" in data[:65536]:
        if (text := _utf16_without_mark(data)) is not None:
            return text
        raise UnreadableFile(f"{file_name}：文件含有二进制内容，不是文本格式的 CSV。")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise UnreadableFile(f"{file_name}：无法识别文件编码，请保存为 UTF-8 或 GBK 编码的 CSV。") from None


def _utf16_without_mark(data: bytes) -> str | None:
    """The text of UTF-16 saved without its byte-order mark (little- or big-endian), if ``data`` reads as lines of
    comma- or tab-separated text in one of them; else None (the zero bytes are binary content)."""
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and "\n" in text and ("," in text or "\t" in text):
            return text
    return None


def _csv(file_name: str, data: bytes, limits: Limits) -> Sheet:
    """The one table of a CSV file, comma-separated (tab-separated when the first line has tabs and no comma, as
    Excel's “Unicode 文本” saves), its rows, columns and cell lengths checked as it is parsed."""
    text = decode(file_name, data)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    csv.field_size_limit(max(len(text), 131072))  # the file size bounds a cell; _table names a long one's column
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for row in reader:
            if len(rows) >= limits.rows:
                raise UnreadableFile(f"{file_name}：超过 {limits.rows:,} 行的上限，请拆分为几个文件。")
            if len(row) > limits.columns:
                raise UnreadableFile(
                    f"{file_name} · 第 {reader.line_num} 行：有 {len(row):,} 列，超过 {limits.columns} 列的上限。"
                )
            rows.append([c.strip() for c in row])
    except csv.Error:
        raise UnreadableFile(
            f"{file_name} · 第 {reader.line_num} 行：CSV 格式错误，引号不成对，或右引号后还有字符"
            '（单元格内的引号须写成两个：""）。'
        ) from None
    if not any(any(row) for row in rows):
        raise UnreadableFile(f"{file_name}：文件中没有数据。")
    return _table(file_name, "", [list(column) for column in zip_longest(*rows, fillvalue="")], limits)


def _table(file_name: str, sheet: str, columns: list[list[str]], limits: Limits) -> Sheet:
    """A sheet from its ``columns`` of cell texts (one per column, all of the sheet's rows): header = the first
    row with any text; data = the rows after it that are not entirely empty; every cell normalised
    (``cells.clean``) and no longer than the limit."""
    rows = len(columns[0]) if columns else 0
    filled = np.zeros(rows, dtype=bool)
    for column in columns:
        filled |= np.fromiter(map(bool, column), dtype=bool, count=rows)
    found = np.flatnonzero(filled)
    if not len(found):
        return Sheet(file_name, sheet, [], pd.DataFrame(dtype=object), [], 1)
    start, body = int(found[0]), found[1:]
    header = cells.clean_column([column[start] for column in columns])
    columns = [cells.clean_column(np.asarray(column, dtype=object)[body].tolist()) for column in columns]
    numbers = (body + 1).tolist()  # row numbers in the file
    where = f"{file_name} › {sheet}" if sheet else file_name
    for j, column in enumerate(columns):
        for row, text in [(start + 1, header[j]), *_too_long(column, numbers, limits.cell_chars)]:
            if len(text) > limits.cell_chars:
                raise UnreadableFile(
                    f"{where} · 第 {row} 行 · {column_letters(j + 1)} 列：单元格有 {len(text):,} "
                    f"个字符，超过 {limits.cell_chars:,} 个的上限。"
                )
    while header and not header[-1] and not any(columns[len(header) - 1]):
        header.pop()
    data = pd.DataFrame({j: columns[j] for j in range(len(header))}, index=range(len(body)), dtype=object)
    kept = (data != "").any(axis=1).to_numpy()  # rows of invisible characters only are empty rows too
    if not kept.all():
        data = data[kept].reset_index(drop=True)
        numbers = [n for n, keep in zip(numbers, kept) if keep]
    return Sheet(file_name, sheet, header, data, numbers, start + 1)


def _too_long(column: list[str], numbers: list[int], most: int) -> list[tuple[int, str]]:
    """The first cell of a column longer than ``most`` characters, with its row number (or none)."""
    if not column or max(map(len, column)) <= most:
        return []
    k = next(i for i, text in enumerate(column) if len(text) > most)
    return [(numbers[k], column[k])]
