"""Hand-built hostile and careless upload files, and work for the upload worker that ends badly; shared by the tests
and ``python -m bench uploads``. Each file is a few kilobytes."""

from __future__ import annotations

import io
import os
import time
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
    'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def workbook(
    sheets: list[tuple[str, str | bytes]], shared: str | None = None, extra: dict | None = None, doctype: str = ""
) -> bytes:
    """An .xlsx of ``sheets`` (name, worksheet XML), an optional shared-string part, ``extra`` parts and a
    ``doctype`` in the workbook part."""
    names = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (n, _) in enumerate(sheets))
    rels = "".join(
        f'<Relationship Id="rId{i + 1}" Type="{_REL}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
        for i in range(len(sheets))
    )
    if shared is not None:
        rels += f'<Relationship Id="rId{len(sheets) + 1}" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _TYPES)
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<workbook xmlns="{MAIN}" '
            f'xmlns:r="{_REL}"><sheets>{names}</sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
            f'"http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
        )
        for i, (_, body) in enumerate(sheets):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", body)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
        for name, body in (extra or {}).items():
            z.writestr(name, body)
    return out.getvalue()


def worksheet(cells: str, dimension: str | None = None, tail: str = "") -> str:
    """A worksheet's XML around ``cells`` (rows of cells), with an optional declared dimension."""
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{declared}<sheetData>{cells}'
        f"</sheetData>{tail}</worksheet>"
    )


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def far_cells() -> bytes:
    """Two cells, at A1 and XFD1048576: the reader would build a dense range of 17 billion cells (it aborts)."""
    return workbook(
        [
            (
                "企业名录",
                worksheet(
                    f'<row r="1">{text_cell("A1", "x")}</row><row r="1048576">{text_cell("XFD1048576", "y")}</row>'
                ),
            )
        ]
    )


def cases() -> dict[str, tuple[bytes, str]]:
    """Hostile .xlsx files by name: (bytes, a fragment of the message that refuses each, with default limits)."""
    one = f'<row r="1">{text_cell("A1", "统一社会信用代码")}</row>'
    return {
        "far_cells": (far_cells(), "用到第 1,048,576 行，超过 200,000 行的上限"),
        "cell_beyond_its_row": (
            workbook([("S", worksheet(f'<row r="1">{text_cell("A1", "x")}{text_cell("B900000", "y")}</row>'))]),
            "用到第 900,000 行",
        ),
        "huge_shared_string_count": (
            workbook(
                [("S", worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))],
                shared=f'<sst xmlns="{MAIN}" count="1" uniqueCount="4000000000000"><si><t>x</t></si></sst>',
            ),
            "共享字符串表声明了 4,000,000,000,000 个字符串",
        ),
        "declared_dimension": (
            workbook([("S", worksheet(one, "A1:XFD1048576"))]),
            "声明的数据范围为 A1:XFD1048576（1,048,576 行 × 16,384 列）",
        ),
        "wide_row": (
            workbook([("S", worksheet(f'<row r="1">{text_cell("A1", "x")}{text_cell("ZZ1", "y")}</row>'))]),
            "用到第 702 列（ZZ 列），超过 60 列的上限",
        ),
        "cells_without_references": (
            workbook([("S", worksheet("<row>" + '<c t="inlineStr"><is><t>x</t></is></c>' * 100 + "</row>"))]),
            "用到第 100 列",
        ),
        "prefixed_far_row": (
            workbook(
                [
                    (
                        "S",
                        worksheet(
                            '<x:row xmlns:x="' + MAIN + '" r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>x'
                            '</x:t></x:is></x:c></x:row><x:row xmlns:x="' + MAIN + '" spans="1:1" '
                            'r="500000"><x:c t="n" r="A500000"><x:v>1</x:v></x:c></x:row>'
                        ),
                    )
                ]
            ),
            "用到第 500,000 行",
        ),
        "many_full_sheets": (
            workbook(
                [
                    (
                        f"表{i}",
                        worksheet(
                            f'<row r="1">{text_cell("A1", "x")}</row><row r="150000">{text_cell("AX150000", "y")}</row>'
                        ),
                    )
                    for i in range(3)
                ]
            ),
            "各工作表用到的区域合计 15,000,000 个单元格，超过 12,000,000 个的上限",
        ),
        "many_sheets": (workbook([(f"表{i}", worksheet(one)) for i in range(30)]), "工作簿有 30 个工作表，超过 20 个"),
        "zip_bomb": (workbook([("S", worksheet(one, tail="<!--" + " " * 50_000_000 + "-->"))]), "的压缩比为"),
        "long_cell": (
            workbook([("S", worksheet(f'<row r="1">{text_cell("A1", "长" * 5000)}</row>'))]),
            "S · 第 1 行 · A 列：单元格有 5,000 个字符，超过 1,000 个的上限",
        ),
        "many_parts": (
            workbook([("S", worksheet(one))], extra={f"xl/media/p{i}.bin": b"" for i in range(1200)}),
            "压缩包内有 1,205 个部件",
        ),
        "entity_expansion": (
            workbook([("S", worksheet(one))], doctype=_LAUGHS),
            "部件 xl/workbook.xml 含有 XML 实体或文档类型定义",
        ),
        "old_xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "这是旧版 .xls 文件或设置了打开密码的文件"),
        "html_as_xlsx": (b"<html><body><table><tr><td>x</td></tr></table></body></html>", "内容是网页或 XML 文本"),
        "ods": (
            _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"}),
            "这是 OpenDocument 表格（.ods）",
        ),
        "xlsb": (_zip({"xl/workbook.bin": b"\x00" * 10}), "这是 Excel 二进制工作簿（.xlsb）"),
        "truncated": (far_cells()[:700], "不是有效的 .xlsx 文件"),
        "crc_mismatch": (_corrupt(workbook([("S", worksheet(one))])), "文件已损坏"),
        "understated_size": (_understated(workbook([("S", worksheet(one * 50))])), "文件已损坏"),
    }


_LAUGHS = (
    '<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>"
)


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in parts.items():
            z.writestr(name, body)
    return out.getvalue()


def _corrupt(data: bytes) -> bytes:
    """``data`` with the stored bytes of its worksheet altered (its CRC no longer matches)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    return data[:middle] + bytes([data[middle] ^ 0x55]) + data[middle + 1 :]


def _understated(data: bytes) -> bytes:
    """``data`` with its worksheet's unpacked size declared as 100 bytes in both zip headers (it is larger)."""
    import struct

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    out = bytearray(data)
    struct.pack_into("<I", out, info.header_offset + 22, 100)  # local header: uncompressed size
    central = out.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", out, central + 28)[0]
        if out[central + 46 : central + 46 + name_length] == info.filename.encode():
            struct.pack_into("<I", out, central + 24, 100)  # central directory: uncompressed size
            break
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


# Work for the upload worker (module-level, so that a worker can be given it) ------------------------------------


def read_unchecked(data: bytes):
    """The reader on ``data`` without the limits checked first (what the worker contains when a file slips by)."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return [book.get_sheet_by_name(name).to_python() for name in book.sheet_names]


def allocate_forever():
    blocks = []
    while True:
        blocks.append(bytearray(64 * 2**20))


def spin_forever():
    while True:
        pass


def sleep_forever():
    time.sleep(3600)


def abort():
    os.abort()


def killed():
    os.kill(os.getpid(), 9)


def fail():
    raise KeyError("a bug in validation")


def answer(x):
    return x * 2
