"""An .xlsx file's structure checked against the upload limits before any cell is read.

An .xlsx is a zip of XML parts. A file of a few kilobytes can declare a shared-string table of 10¹² entries or
cells at A1 and XFD1048576, and the reader then asks for hundreds of gigabytes and aborts the process; a zip part
can unpack a thousand times its size. ``inspect`` finds such files from the zip directory and a scan of the XML
(regular expressions over bytes, ~0.3 s for a 100,000-row sheet) and names the limit broken; the reader runs only
on files that pass. Parts are unpacked with the standard library's ``zipfile``, which checks every part's CRC
against the size its directory declares, so a part cannot unpack to more than was checked.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO
from posixpath import dirname, join, normpath

from defusedxml import ElementTree as SafeXml
from defusedxml.common import DefusedXmlException

import settings

MB = 2**20
MAX_PARTS = 1000  # an .xlsx from Excel or WPS holds a few dozen parts
MAX_META_BYTES = 5 * MB  # workbook.xml and its relationships: a few kilobytes in real files
RATIO_FLOOR = MB  # parts smaller than this unpacked may have any compression ratio
EXCEL_ROWS, EXCEL_COLUMNS = 1_048_576, 16_384
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and .xlsx files with an opening password


@dataclass(frozen=True)
class Limits:
    """The upload limits (README: "Limits on uploads"); ``Limits.current()`` reads them from ``settings``."""

    file_mb: int
    sheets: int
    rows: int
    columns: int
    cell_chars: int
    unzipped_mb: int
    part_mb: int
    ratio: int

    @classmethod
    def current(cls) -> Limits:
        return cls(
            settings.UPLOAD_MAX_MB,
            settings.UPLOAD_MAX_SHEETS,
            settings.UPLOAD_MAX_ROWS,
            settings.UPLOAD_MAX_COLUMNS,
            settings.UPLOAD_MAX_CELL_CHARS,
            settings.UPLOAD_MAX_UNZIPPED_MB,
            settings.UPLOAD_MAX_PART_MB,
            settings.UPLOAD_MAX_RATIO,
        )


class Refused(ValueError):
    """A file outside a limit or not an .xlsx at all; the message is Chinese and does not name the file."""


def column_letters(number: int) -> str:
    """1 → A, 27 → AA."""
    name = ""
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(65 + rest) + name
    return name


def column_number(letters: bytes | str) -> int:
    """A → 1, AA → 27 (letters of any case)."""
    number = 0
    for char in letters.upper() if isinstance(letters, str) else letters.upper().decode("ascii"):
        number = number * 26 + ord(char) - 64
    return number


def inspect(data: bytes, limits: Limits) -> None:
    """Raise ``Refused`` naming the first limit ``data`` (an .xlsx file's bytes) breaks; return if it keeps them.

    Checked in order: a zip with an Excel workbook, the number of parts, each part's declared unpacked size and
    compression ratio, their total, the number of sheets, then while unpacking every part: the real sizes, each
    sheet's declared dimension and the rows and columns its cells use, the cells of all sheets' rectangles
    together (at most one sheet's worth), and the shared-string table's size.
    """
    book = _open(data)
    infos = book.infolist()
    if len(infos) > MAX_PARTS:
        raise Refused(f"压缩包内有 {len(infos):,} 个部件，超过 {MAX_PARTS:,} 个的上限，不是正常的 Excel 文件。")
    names = {info.filename.lower(): info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise Refused(_not_a_workbook(names))
    declared_sizes(infos, limits)
    sheets = _sheets(book, names, limits)
    total = cells = 0
    for info in infos:
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            raise Refused("文件已加密，请取消密码后另存为 .xlsx。")
        body = _unpack(book, info, limits)
        total += len(body)
        if total > limits.unzipped_mb * MB:
            raise Refused(f"解压后总大小超过 {limits.unzipped_mb} MB 的上限。")
        lower = info.filename.lower()
        if lower in sheets:
            cells += _check_sheet(sheets[lower], body, limits)
            if cells > limits.rows * limits.columns:  # the reader builds every sheet's whole rectangle
                raise Refused(
                    f"各工作表用到的区域合计 {cells:,} 个单元格，超过 {limits.rows * limits.columns:,} 个"
                    "的上限：请删除不需要的工作表或空白区域后另存。"
                )
        elif lower.endswith("sharedstrings.xml"):
            _check_shared_strings(body, limits)


def _open(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        if data.startswith(_CFB):
            raise Refused(
                "这是旧版 .xls 文件或设置了打开密码的文件：请在 Excel 或 WPS 中另存为不加密的 .xlsx。"
            ) from error
        if data[:1] in (b"<", b"{") or data.lstrip()[:5].lower() in (b"<html", b"<?xml"):
            raise Refused("这不是 Excel 文件（内容是网页或 XML 文本）：请在 Excel 或 WPS 中另存为 .xlsx。") from error
        raise Refused("不是有效的 .xlsx 文件（无法作为 Excel 工作簿打开，文件可能已损坏或不完整）。") from error


def _not_a_workbook(names: dict[str, str]) -> str:
    if "xl/workbook.bin" in names:
        return "这是 Excel 二进制工作簿（.xlsb）：请另存为 .xlsx。"
    if "content.xml" in names:
        return "这是 OpenDocument 表格（.ods）：请另存为 .xlsx。"
    if "word/document.xml" in names:
        return "这是 Word 文档，不是 Excel 工作簿。"
    return "压缩包中没有 Excel 工作簿（缺少 xl/workbook.xml），不是有效的 .xlsx 文件。"


def declared_sizes(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    """The unpacked sizes and compression ratios a zip's directory declares, against ``limits`` (unpacking with
    ``zipfile`` checks them again: a part never yields more than its declared size)."""
    for info in infos:
        if info.file_size > limits.part_mb * MB:
            raise Refused(
                f"部件 {info.filename} 解压后 {info.file_size / MB:,.0f} MB，超过单个部件 {limits.part_mb} MB 的上限。"
            )
        if info.file_size > RATIO_FLOOR and info.file_size > limits.ratio * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise Refused(
                f"部件 {info.filename} 的压缩比为 {ratio:,.0f}:1，超过 {limits.ratio}:1 的上限"
                "（正常表格远低于此，文件可能是恶意构造的“压缩炸弹”）。"
            )
    total = sum(info.file_size for info in infos)
    if total > limits.unzipped_mb * MB:
        raise Refused(f"解压后总大小为 {total / MB:,.0f} MB，超过 {limits.unzipped_mb} MB 的上限。")


def _unpack(book: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> bytes:
    """A part's bytes; never more than its declared size (zipfile stops there and checks the CRC)."""
    try:
        with book.open(info) as part:
            body = part.read(limits.part_mb * MB + 1)
    except NotImplementedError as error:
        raise Refused(f"部件 {info.filename} 使用了不支持的压缩方式，请用 Excel 或 WPS 重新另存为 .xlsx。") from error
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError) as error:
        raise Refused(f"文件已损坏（部件 {info.filename} 无法解压）：请重新导出或另存后上传。") from error
    if len(body) > limits.part_mb * MB:
        raise Refused(f"部件 {info.filename} 解压后超过单个部件 {limits.part_mb} MB 的上限。")
    return body


def _xml(book: zipfile.ZipFile, name: str, limits: Limits):
    info = book.getinfo(name)
    if info.file_size > MAX_META_BYTES:
        raise Refused(f"部件 {name} 大小异常（{info.file_size / MB:,.1f} MB），不是正常的 Excel 文件。")
    try:
        return SafeXml.fromstring(_unpack(book, info, limits))
    except DefusedXmlException as error:
        raise Refused(f"部件 {name} 含有 XML 实体或文档类型定义，Excel 不会这样保存，文件可能是恶意构造的。") from error
    except SafeXml.ParseError as error:
        raise Refused(f"文件已损坏（部件 {name} 不是有效的 XML）：请重新导出或另存后上传。") from error


def _sheets(book: zipfile.ZipFile, names: dict[str, str], limits: Limits) -> dict[str, str]:
    """The worksheets' part names (lower case) → their sheet names, with the number of sheets checked."""
    workbook = _xml(book, names["xl/workbook.xml"], limits)
    declared = [e for e in workbook.iter() if _local(e.tag) == "sheet"]
    if len(declared) > limits.sheets:
        raise Refused(f"工作簿有 {len(declared):,} 个工作表，超过 {limits.sheets} 个的上限。")
    targets = {}
    if "xl/_rels/workbook.xml.rels" in names:
        for rel in _xml(book, names["xl/_rels/workbook.xml.rels"], limits).iter():
            if _local(rel.tag) == "Relationship" and rel.get("Target"):
                target = rel.get("Target")
                path = (
                    target.lstrip("/") if target.startswith("/") else normpath(join(dirname("xl/workbook.xml"), target))
                )
                targets[rel.get("Id")] = path.lower()
    found = {}
    for element in declared:
        rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
        if rid in targets:
            found[targets[rid]] = element.get("name") or targets[rid]
    for lower, name in names.items():  # worksheet parts no relationship names: checked all the same
        if lower.startswith("xl/worksheets/") and lower.endswith(".xml") and lower not in found:
            found[lower] = name
    return found


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\b[^>]*?\bref\s*=\s*[\"']([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?")
# Excel, WPS and openpyxl write every row and cell as <row r="12" …> and <c r="B12" …>: read fast in that form.
# Anything else (no reference, another attribute first, a namespace prefix) is read by the general patterns.
_UNUSUAL = re.compile(rb'<(?:c(?:[/>]|\s(?!r="))|row(?:[/>]|\s(?!r="))|[A-Za-z_][\w.-]*:(?:c|row)[\s/>])')
_ROW_FAST = re.compile(rb'<row r="(\d+)"')
_WIDE_FAST = re.compile(rb'<c r="([A-Z]{2,})')  # one letter is column Z at most
_ROW = re.compile(rb"<(?:[\w.-]+:)?row[\s/>]")
_ROW_NUMBER = re.compile(rb"<(?:[\w.-]+:)?row\b[^>]*?\sr\s*=\s*[\"'](\d+)")
_CELL = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_CELL_COLUMN = re.compile(rb"<(?:[\w.-]+:)?c\b[^>]*?\sr\s*=\s*[\"']([A-Za-z]+)")
_ROW_BODY = re.compile(rb"<(?:[\w.-]+:)?row\b.*?(?:</(?:[\w.-]+:)?row>|/>)", re.S)


def _check_sheet(name: str, body: bytes, limits: Limits) -> int:
    """The sheet's declared dimension and the rows and columns its cells use, within the limits; returns the
    number of cells of the rectangle they span (what the reader will build)."""
    where = f"工作表“{name}”"
    head = _DIMENSION.search(body, 0, 4096)  # the dimension comes before the cells
    if head:
        first_col, first_row, last_col, last_row = (g.decode("ascii") if g else "" for g in head.groups())
        if last_col or last_row:
            rows = int(last_row or EXCEL_ROWS) - int(first_row or 1) + 1
            columns = column_number(last_col or "XFD") - column_number(first_col or "A") + 1
            if rows > limits.rows or columns > limits.columns:
                ref = f"{first_col}{first_row}:{last_col}{last_row}"
                raise Refused(
                    f"{where}声明的数据范围为 {ref}（{rows:,} 行 × {columns:,} 列），超过上限"
                    f"（{limits.rows:,} 行、{limits.columns} 列）：请删除多余的空白行和列后另存。"
                )
    last_row, last_column = _extent(body, limits.rows, limits.columns)
    if last_row > limits.rows:
        raise Refused(
            f"{where}用到第 {last_row:,} 行，超过 {limits.rows:,} 行的上限：如有大量空白行，请删除后另存；"
            "数据确实更多时请拆分为几个文件。"
        )
    if last_column > limits.columns:
        raise Refused(
            f"{where}用到第 {last_column:,} 列（{column_letters(min(last_column, EXCEL_COLUMNS))} 列），"
            f"超过 {limits.columns} 列的上限：请删除多余的列后另存。"
        )
    return last_row * last_column


def _extent(body: bytes, rows: int, columns: int) -> tuple[int, int]:
    """(last row, last column) the sheet's cells reach, as the reader will place them: a cell's own reference
    decides its place; a row or cell without one follows the one before (bounded by counting them all).
    Row numbers are only collected where they may exceed ``rows``, one-letter columns where ``columns`` < 26."""
    big = rb"0*([1-9]\d{%d,})" % (len(str(rows)) - 1)
    if not _UNUSUAL.search(body):
        numbers = _ROW_FAST.findall(body) + re.findall(rb'<c r="[A-Z]+' + big, body)
        last_row = max((int(n) for n in numbers), default=0)
        wide = set(_WIDE_FAST.findall(body)) or (set(re.findall(rb'<c r="([A-Z])', body)) if columns < 26 else {b"Z"})
        return last_row, max((column_number(x) for x in wide), default=0)
    numbers = [int(n) for n in _ROW_NUMBER.findall(body)]
    unnumbered = len(_ROW.findall(body)) - len(numbers)
    cell_rows = re.findall(rb"<(?:[\w.-]+:)?c\b[^>]*?\sr\s*=\s*[\"'][A-Za-z]+" + big, body)
    last_row = max([max(numbers, default=0) + max(unnumbered, 0), *(int(n) for n in cell_rows)])
    letters = _CELL_COLUMN.findall(body)
    last_column = max((column_number(x) for x in set(letters)), default=0)
    if len(_CELL.findall(body)) > len(letters):
        last_column = max(last_column, _widest_row(body))
    return last_row, last_column


def _widest_row(body: bytes) -> int:
    """The most cells in one row (an upper bound of the columns used when cells carry no reference)."""
    return max((len(_CELL.findall(row)) for row in _ROW_BODY.findall(body)), default=0)


_SST = re.compile(rb"<(?:[\w.-]+:)?sst\b([^>]*)>")
_COUNT = re.compile(rb"\b(count|uniqueCount)\s*=\s*[\"'](\d+)")
_SHARED = re.compile(rb"<(?:[\w.-]+:)?si\b")


def _check_shared_strings(body: bytes, limits: Limits) -> None:
    """The shared-string table's declared and real sizes: at most one string per cell the limits allow."""
    most = limits.rows * limits.columns
    head = _SST.search(body, 0, 4096)
    declared = [int(n) for _, n in _COUNT.findall(head.group(1))] if head else []
    if any(n > most for n in declared):
        raise Refused(
            f"共享字符串表声明了 {max(declared):,} 个字符串，超过 {most:,} 个单元格的上限，不是正常的 Excel 文件。"
        )
    if len(_SHARED.findall(body)) > most:
        raise Refused(f"共享字符串表的字符串数超过 {most:,} 个单元格的上限。")
