"""Hostile and careless files: every limit is checked before a cell is read, each with its own message naming the
file (and the sheet, row and column where there is one); the reader never runs on a file that breaks one."""

from __future__ import annotations

import dataclasses
import io
import os
import zipfile

import pytest

from harness import hostile_files as hostile
from uploads import files, package

CASES = hostile.cases()
READ_FIRST = {"long_cell"}  # a cell's length is measured on what the reader returns


def limits(**changes) -> package.Limits:
    return dataclasses.replace(package.Limits.current(), **changes)


@pytest.fixture()
def no_reader(monkeypatch):
    """The .xlsx reader replaced by a failure: a file that reaches it fails the test instead of aborting it."""

    def reader(*_):
        pytest.fail("the reader ran on a file that breaks a limit")
        yield

    monkeypatch.setattr(files, "_calamine", reader)


@pytest.mark.parametrize("name", sorted(set(CASES) - READ_FIRST))
def test_each_hostile_xlsx_is_refused_before_its_cells_are_read(name, no_reader):
    data, expected = CASES[name]
    with pytest.raises(files.UnreadableFile) as refused:
        files.read(f"{name}.xlsx", data)
    assert str(refused.value).startswith(f"{name}.xlsx") and expected in str(refused.value)


def test_a_long_cell_is_named_by_sheet_row_and_column():
    data, expected = CASES["long_cell"]
    with pytest.raises(files.UnreadableFile, match=expected):
        files.read("long_cell.xlsx", data)


def sheet_of(rows: int, columns: int = 2) -> bytes:
    cells = "".join(
        f'<row r="{r}">'
        + "".join(hostile.text_cell(f"{package.column_letters(c)}{r}", "值") for c in range(1, columns + 1))
        + "</row>"
        for r in range(1, rows + 1)
    )
    return hostile.workbook([("企业名录", hostile.worksheet(cells))])


def test_rows_and_columns_of_an_xlsx_sheet_against_their_settings(no_reader):
    with pytest.raises(files.UnreadableFile, match="名录.xlsx：工作表“企业名录”用到第 12 行，超过 10 行的上限"):
        files.read("名录.xlsx", sheet_of(12), limits(rows=10))
    with pytest.raises(files.UnreadableFile, match=r"工作表“企业名录”用到第 5 列（E 列），超过 4 列的上限"):
        files.read("名录.xlsx", sheet_of(3, 5), limits(columns=4))


def test_a_sheet_within_the_limits_is_read():
    sheets = files.read("名录.xlsx", sheet_of(10, 4), limits(rows=10, columns=4))
    assert sheets[0].header == ["值"] * 4 and len(sheets[0].cells) == 9


def test_unpacked_sizes_against_their_settings(no_reader):
    noise = os.urandom(600_000).hex()  # random text: a compression ratio of about 2
    one = hostile.workbook([("S", hostile.worksheet(hostile.text_cell("A1", "x"), tail=f"<!--{noise}-->"))])
    with pytest.raises(files.UnreadableFile, match=r"部件 xl/worksheets/sheet1.xml 解压后 1 MB，超过单个部件 1 MB"):
        files.read("大.xlsx", one, limits(part_mb=1))
    two = hostile.workbook(
        [
            ("S", hostile.worksheet(hostile.text_cell("A1", "x"), tail=f"<!--{noise[:800_000]}-->")),
            ("T", hostile.worksheet(hostile.text_cell("A1", "x"), tail=f"<!--{noise[:800_000]}-->")),
        ]
    )
    with pytest.raises(files.UnreadableFile, match="解压后总大小为 2 MB，超过 1 MB 的上限"):
        files.read("大.xlsx", two, limits(unzipped_mb=1))
    big = hostile.workbook(
        [("S", hostile.worksheet(hostile.text_cell("A1", "x"), tail=f"<!--{os.urandom(1_300_000).hex()}-->"))]
    )
    with pytest.raises(files.UnreadableFile, match=r"大.xlsx：文件大小 1.[34] MB，超过 1 MB 的上限"):
        files.read("大.xlsx", big, limits(file_mb=1))


def test_a_part_that_unpacks_to_more_than_its_zip_entry_declares_is_refused(no_reader):
    """The zip directory may lie about a part's size; unpacking stops at the declared size and the CRC fails."""
    data, expected = CASES["understated_size"]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.getinfo("xl/worksheets/sheet1.xml").file_size == 100
    with pytest.raises(files.UnreadableFile, match=expected):
        files.read("小.xlsx", data)


def test_csv_rows_columns_and_cells_against_their_settings():
    rows = "统一社会信用代码,企业名称\n" + "".join(f"A{i},B{i}\n" for i in range(20))
    with pytest.raises(files.UnreadableFile, match="名录.csv：超过 10 行的上限"):
        files.read("名录.csv", rows.encode(), limits(rows=10))
    with pytest.raises(files.UnreadableFile, match="名录.csv · 第 2 行：有 6 列，超过 5 列的上限"):
        files.read("名录.csv", b"a,b\n1,2,3,4,5,6\n", limits(columns=5))
    with pytest.raises(files.UnreadableFile, match="名录.csv · 第 3 行 · B 列：单元格有 1,200 个字符，超过 1,000 个"):
        files.read("名录.csv", ("a,b\n1,2\n3," + "长" * 1200 + "\n").encode())
    with pytest.raises(files.UnreadableFile, match=r"名录.csv · 第 3 行 · B 列：单元格有 12 个字符，超过 10 个"):
        files.read("名录.csv", ("a,b\n1,2\n3," + "长" * 12 + "\n").encode(), limits(cell_chars=10))


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", "名录.csv：文件是空的（0 字节）"),
        (b"PK\x03\x04" + bytes(100), "这是 Excel 文件（.xlsx）而不是 CSV：请把扩展名改为 .xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "这是旧版 Excel 文件（.xls）而不是 CSV"),
        (b"a,b\n\x00\x01\x02", "文件含有二进制内容，不是文本格式的 CSV"),
        (b'a,b\n"1,2\n', "名录.csv · 第 2 行：CSV 格式错误，引号不成对"),
        (b'a,b\n"1"x,2\n', "名录.csv · 第 2 行：CSV 格式错误"),
        (b"\n\n ,\n", "名录.csv：文件中没有数据"),
    ],
)
def test_files_that_are_not_csv_text_are_named_as_such(data, expected):
    with pytest.raises(files.UnreadableFile, match=expected):
        files.read("名录.csv", data)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_as_excel_saves_it_is_read_with_or_without_its_mark(encoding):
    sheets = files.read("名录.csv", "统一社会信用代码\t企业名称\r\n1\t桐城某某\r\n".encode(encoding))
    assert sheets[0].header == ["统一社会信用代码", "企业名称"] and sheets[0].cells.iloc[0].tolist() == [
        "1",
        "桐城某某",
    ]


def test_file_names_from_the_browser_are_made_safe():
    assert files.safe_name("名录\x07\n2025.xlsx") == "名录? 2025.xlsx"
    long = files.safe_name("长" * 300 + ".xlsx")
    assert len(long) == 120 and long.endswith("….xlsx")
    assert files.safe_name("\u200b") == "未命名文件"
