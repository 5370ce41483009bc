"""Reading a published 名单 (issue 21, item 5): the department's yearly list of 专精特新、小巨人、高新 … firms, as
published (a title row above the header, a 序号 and 所在市 column, often no 统一社会信用代码), read in the upload
worker (``uploads.sandbox``) like any upload and matched there to the 名录 (``analysis.name_matching``).

Its columns: 企业名称 (required), 区县 and 统一社会信用代码 (optional; a list's own words for them are understood,
``ALIASES``). Bad cells are errors by file, sheet, row and column, and a list with any error is not matched at all
(nothing can be written from it). The honour and year are the whole list's, chosen on the page."""

from __future__ import annotations

import pandas as pd

from analysis import name_matching as nm
from uploads import files, rules, sandbox, spec
from uploads.context import Context
from uploads.files import Sheet
from uploads.package import Limits
from uploads.parsing import parse
from uploads.problems import ERROR, Checked, Problem, Problems
from uploads.sheets import Checking, normal

KIND = "名单"
COLUMNS = (
    spec.Column("企业名称", "text", True, "名单上的企业全称", "name"),
    spec.Column("区县", "county", False, "企业所在区县（名称或 6 位代码）；空则在全省查找同名企业", "adcode"),
    spec.Column("统一社会信用代码", "uscc", False, "有则先按代码匹配", "uscc"),
    spec.Column("序号", "text", False, "可有可无，不读取", "number"),
    spec.Column("所在市", "text", False, "可有可无，仅供核对", "city"),
)
ALIASES = {  # a published list's headers → the columns above
    "单位名称": "企业名称",
    "企业名单": "企业名称",
    "名称": "企业名称",
    "县区": "区县",
    "所在区县": "区县",
    "所在县区": "区县",
    "县（市、区）": "区县",
    "所在县（市、区）": "区县",
    "社会信用代码": "统一社会信用代码",
    "信用代码": "统一社会信用代码",
    "市": "所在市",
    "所在地市": "所在市",
    "地市": "所在市",
}
HEADER_SEARCH = 20  # rows of titles and notes above the header that are looked through


def read(file_name: str, data: bytes, context: Context, firms: pd.DataFrame, limits: Limits | None = None) -> Checked:
    """The list in ``data`` checked and matched in a worker process under the upload limits. The result's table
    ``名单`` holds row_number, name, adcode, uscc and the matcher's status, uscc_matched, score and candidates (only
    when there is no error). Raises ``files.UnreadableFile`` or ``sandbox.WorkerFailed`` naming the file."""
    return sandbox.run(_read, (file_name, data, context, firms, limits or Limits.current()), file_name)


def _read(file_name: str, data: bytes, context: Context, firms: pd.DataFrame, limits: Limits) -> Checked:
    sheets = files.read(file_name, data, limits)
    problems = Problems()
    sheet = _find(sheets)
    if sheet is None:
        problems.append(
            Problem(
                ERROR,
                file_name,
                None,
                None,
                f"找不到“企业名称”列：请在前 {HEADER_SEARCH} 行内放一行列名（企业名称、区县、统一社会信用代码），或使用名单模板。",
            )
        )
        return Checked(KIND, 0, None, {}, problems)
    if not len(sheet.cells):
        problems.append(Problem(ERROR, sheet.where, None, None, "只有列名、没有企业。"))
        return Checked(KIND, 0, None, {}, problems)
    s = Checking(sheet, COLUMNS, problems)
    parsed = parse(s, context)
    keys = pd.DataFrame({"name": parsed.name.map(lambda n: nm.normalise(n) if isinstance(n, str) else None)})
    keys["adcode"] = parsed.adcode.fillna("") if "adcode" in parsed else ""
    rules.duplicates(s, keys, "name", "同一区县的同名企业")
    checked = Checked(KIND, 0, None, {}, problems, rows=len(sheet.cells))
    checked.error_count = problems.listed[ERROR] + problems.unlisted[ERROR]
    if checked.error_count:
        return checked
    rows = pd.DataFrame(
        {
            "row_number": s.rows,
            "name": parsed.name,
            "adcode": parsed.adcode if "adcode" in parsed else None,
            "uscc": parsed.uscc if "uscc" in parsed else None,
        }
    )
    rows = rows.astype({"adcode": object, "uscc": object}).where(rows.notna(), None)
    checked.tables = {KIND: nm.match(rows, firms)}
    checked.warning_count = len(checked.warnings)
    return checked


def _find(sheets: list[Sheet]) -> Sheet | None:
    """The sheet named 名单, else the first whose header — its first row, or a row among the first
    ``HEADER_SEARCH`` below a title — names 企业名称 (in the list's words or ours); its header renamed to ours."""
    ordered = sorted(sheets, key=lambda sheet: sheet.name != KIND)
    for sheet in ordered:
        if _names_firms(sheet.header):
            return _renamed(sheet)
        for i in range(min(HEADER_SEARCH, len(sheet.cells))):
            header = sheet.cells.iloc[i].tolist()
            if _names_firms(header):
                return _renamed(
                    Sheet(
                        sheet.file_name,
                        sheet.name,
                        header,
                        sheet.cells.iloc[i + 1 :].reset_index(drop=True),
                        sheet.rows[i + 1 :],
                        sheet.rows[i],
                    )
                )
    return None


def _names_firms(header: list[str]) -> bool:
    return any(ALIASES.get(normal(h), normal(h)) == "企业名称" for h in header)


def _renamed(sheet: Sheet) -> Sheet:
    header = [ALIASES.get(normal(h), h) for h in sheet.header]
    return Sheet(sheet.file_name, sheet.name, header, sheet.cells, sheet.rows, sheet.header_row)
