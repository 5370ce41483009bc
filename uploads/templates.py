"""The .xlsx upload templates: one sheet per table with its headers, a note on every header, drop-down lists for
counties, industries, chain links, honours and the yes/no columns (from a hidden 选项 sheet), and a 填写说明 sheet."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from uploads import kinds, spec

ROWS = 5000  # rows a drop-down covers (more can be added by copying a row)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
REQUIRED_FONT = Font(bold=True, color="C00000")


def template(
    kind: str, options: dict[str, list[str]], county: str | None = None, prefill: kinds.Prefill | None = None
) -> bytes:
    """The template of ``kind`` (a name of ``uploads.kinds.NAMES``) as .xlsx bytes.

    ``options``: the drop-down values by column key: adcode (county names), industry, link, honour. ``county`` is
    named in the instructions (a 县级填报 user's own county). ``prefill``: rows to start from (the county's confirmed
    data, ``Kind.prefill``), written under each sheet's header; its note heads the instructions.
    """
    book = Workbook()
    lists = book.active
    lists.title = spec.OPTIONS_SHEET
    sheets = [(template.name, template.columns) for template in kinds.get(kind).sheets]
    fixed = {column.key: list(column.choices) for _, columns in sheets for column in columns if column.choices}
    choices = dict(options) | fixed | {"yesno": [spec.YES, spec.NO]}
    ranges = {}
    for col, (key, values) in enumerate(choices.items(), start=1):
        letter = get_column_letter(col)
        lists.cell(1, col, key)
        for row, value in enumerate(values, start=2):
            lists.cell(row, col, value)
        ranges[key] = f"{spec.OPTIONS_SHEET}!${letter}$2:${letter}${max(len(values), 1) + 1}"
    lists.sheet_state = "hidden"

    for name, columns in sheets:
        sheet = book.create_sheet(name)
        for i, column in enumerate(columns, start=1):
            cell = sheet.cell(1, i, column.name)
            cell.fill = HEADER_FILL
            cell.font = REQUIRED_FONT if column.required else Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.comment = Comment(("必填。" if column.required else "选填。") + column.note, "模板")
            sheet.column_dimensions[get_column_letter(i)].width = max(12, min(34, len(column.name) * 2 + 4))
            key = "yesno" if column.kind == "yesno" else column.key
            if column.kind in ("choice", "county", "yesno") and key in ranges:
                letter = get_column_letter(i)
                check = DataValidation(
                    type="list",
                    formula1=f"={ranges[key]}",
                    allow_blank=not column.required,
                    showErrorMessage=True,
                    errorTitle="不在可选值中",
                    error=f"“{column.name}”请从下拉列表选择。",
                )
                check.add(f"{letter}2:{letter}{ROWS + 1}")
                sheet.add_data_validation(check)
            if column.kind == "uscc":  # as text, so Excel keeps leading zeros and never shows 9.1E+17
                for row in range(2, ROWS + 2):
                    sheet.cell(row, i).number_format = "@"
        if prefill is not None and name in prefill.sheets:
            _write_rows(sheet, columns, prefill.sheets[name])
        sheet.freeze_panes = "A2"
        sheet.row_dimensions[1].height = 32

    notes = book.create_sheet(spec.NOTES_SHEET, 0)
    notes.append([f"{kind}上报模板" + (f"（{county}）" if county else "")])
    notes["A1"].font = Font(bold=True, size=14)
    notes.append(
        [
            "红色列名为必填。每个文件只报一个区县、一个年度；上传后系统逐行校验，错误须改正后才能提交，"
            "警告请核对。可另存为 CSV（UTF-8 或 GBK 编码）上传"
            + (f"，{sheets[1][0]}另存为第二个 CSV 文件。" if len(sheets) > 1 else "。")
        ]
    )
    if prefill is not None:
        notes.append([prefill.note])
        notes.cell(notes.max_row, 1).font = Font(bold=True, color="C00000")
    notes.append([])
    notes.append(["工作表", "列名", "必填", "说明"])
    for cell in notes[notes.max_row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for name, columns in sheets:
        for column in columns:
            notes.append([name, column.name, "是" if column.required else "否", column.note])
    for letter, width in zip("ABCD", (14, 30, 8, 70)):
        notes.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write_rows(sheet, columns: tuple[spec.Column, ...], rows: pd.DataFrame) -> None:
    """``rows`` (by column key) under the header: yes/no as 是/否, numbers as numbers, codes and text as text."""
    for r, values in enumerate(rows.to_dict("records"), start=2):
        for i, column in enumerate(columns, start=1):
            value = values.get(column.key)
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                continue
            if column.kind == "yesno":
                value = spec.YES if bool(value) else spec.NO
            elif column.kind == "year":
                value = int(value)
            elif column.kind == "number":
                value = float(value)
            else:
                value = str(value)
            sheet.cell(r, i, value)


def options_from(
    counties: pd.DataFrame, industries: list[str], links: pd.DataFrame, honours: list[str], county: str | None = None
) -> dict[str, list[str]]:
    """Drop-down values from the store's vocabularies (only the user's county, for a 县级填报)."""
    names = counties[counties.adcode == county].name.tolist() if county else counties.name.tolist()
    return {"adcode": names, "industry": list(industries), "link": sorted(set(links.name)), "honour": list(honours)}
