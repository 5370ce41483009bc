"""Finding the sheet of an upload and reading its header: which column is which (with or without spaces, half- or
full-width brackets), missing and unknown columns with the nearest name, data on another sheet or in no row at all;
then, for the rules, each problem flagged on its rows by file, sheet, row and column (``Checking``)."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

import numpy as np
import pandas as pd

from uploads import spec
from uploads.files import Sheet
from uploads.problems import ERROR, WARNING, Problem, Problems


def letter(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def normal(header: str) -> str:
    """Headers compare without spaces and with half-width brackets made full-width."""
    return re.sub(r"\s+", "", header).replace("(", "（").replace(")", "）")


def nearest(value: str, options) -> str | None:
    if len(value) > 30:  # nothing in a vocabulary is this long; and difflib's time grows with the length
        return None
    return _closest(value, tuple(options))


@lru_cache(maxsize=4096)
def _closest(value: str, options: tuple[str, ...]) -> str | None:
    found = difflib.get_close_matches(value, options, n=1, cutoff=0.5)
    return found[0] if found else None


def suggest(value: str, options) -> str:
    near = nearest(value, options)
    return f"，是否为“{near}”？" if near else "。"


class Checking:
    """One sheet being checked: its columns by key, and the problems found, with row numbers of the file."""

    def __init__(self, sheet: Sheet, columns: tuple[spec.Column, ...], problems: Problems):
        self.sheet, self.columns, self.problems = sheet, columns, problems
        self.rows = np.array(sheet.rows, dtype=int)
        self.position: dict[str, int] = {}
        self.bad = np.zeros(len(sheet.cells), dtype=bool)  # rows with an error
        known = {normal(c.name): c for c in columns}
        header_row = sheet.header_row
        seen: dict[str, int] = {}
        unknown = []
        for i, raw in enumerate(sheet.header):
            head = normal(raw)
            if not head:
                if sheet.cells[i].astype(bool).any():
                    self.add(WARNING, f"{letter(i)} 列", "有数据但没有列名，将被忽略。", header_row)
                continue
            if head in seen:
                self.add(ERROR, f"{letter(i)} 列「{raw}」", f"列名与 {letter(seen[head])} 列重复。", header_row)
                continue
            seen[head] = i
            if head in known:
                self.position[known[head].key] = i
            else:
                unknown.append((i, raw))
        names = [c.name for c in columns]
        for column in columns:
            if column.key not in self.position and column.required:
                near = nearest(column.name, [raw for _, raw in unknown])
                hint = f"文件中的“{near}”列是否即此列？请改为模板中的列名。" if near else "请使用模板中的列名。"
                self.add(ERROR, None, f"缺少必填列“{column.name}”。{hint}", header_row)
        for i, raw in unknown:
            self.add(WARNING, f"{letter(i)} 列「{raw}」", "不是模板中的列，将被忽略" + suggest(raw, names), header_row)

    @property
    def complete(self) -> bool:
        return all(c.key in self.position for c in self.columns if c.required)

    def label(self, key: str) -> str:
        i = self.position[key]
        return f"{letter(i)} 列「{self.sheet.header[i]}」"

    def add(self, level: str, column: str | None, message: str, row: int | None = None) -> None:
        self.problems.append(Problem(level, self.sheet.where, row, column, message))

    def flag(self, level: str, mask: np.ndarray, key: str | None, message, values=None) -> None:
        """A problem on each row of ``mask``; ``message`` may be a function of the row's value. Beyond the rows
        the list has room for, problems are only counted (their messages are not even built)."""
        column = self.label(key) if key else None
        hits = np.flatnonzero(mask)
        room = max(self.problems.room(level), 0)
        for i in hits[:room]:
            text = message(values[i]) if callable(message) else message
            self.problems.append(Problem(level, self.sheet.where, int(self.rows[i]), column, text))
        self.problems.unlisted[level] += max(len(hits) - room, 0)
        if level == ERROR:
            self.bad |= mask

    def text(self, key: str) -> pd.Series:
        if key not in self.position:
            return pd.Series([""] * len(self.sheet.cells), dtype=object)
        return self.sheet.cells[self.position[key]].reset_index(drop=True)  # Python str objects (object dtype)


def pick(sheets: list[Sheet], template: spec.Template, reserved: set[str]) -> Sheet | None:
    """The sheet named as ``template``, else the one whose header holds most of its columns (at least two) among
    those not named in ``reserved`` (the sheets of other templates)."""
    for sheet in sheets:
        if sheet.name == template.name:
            return sheet
    scored = [(matching(sheet, template.columns), sheet) for sheet in sheets if sheet.name not in reserved]
    scored = [(n, sheet) for n, sheet in scored if n >= 2]
    return max(scored, key=lambda x: x[0])[1] if scored else None


def matching(sheet: Sheet, columns: tuple[spec.Column, ...]) -> int:
    """How many of ``columns`` the sheet's header holds."""
    return len({normal(c.name) for c in columns} & {normal(h) for h in sheet.header})


def open_main(
    templates: tuple[spec.Template, ...], others: tuple[spec.Template, ...], sheets: list[Sheet], problems: Problems
) -> Checking | None:
    """The main sheet of an upload (``templates[0]``; the rest are the kind's further sheets) with its header
    checked; None (with the problem recorded) when it is missing, empty or lacks a required column. ``others``:
    the other kinds' main templates (a file of another kind is named as such)."""
    main, kind = templates[0], templates[0].name
    names = {t.name for t in (*templates, *others)} | set(spec.TEMPLATE_SHEETS)
    sheet = pick(sheets, main, names - {kind})
    if sheet is None:
        other = next((t.name for t in others if pick(sheets, t, names - {t.name})), None)
        hint = f"此文件似为“{other}”模板，请确认上报类型，" if other else ""
        problems.append(
            Problem(ERROR, sheets[0].file_name, None, None, f"找不到“{kind}”表：{hint}请使用下载的{kind}模板。")
        )
        return None
    ours = {t.name for t in templates} | set(spec.TEMPLATE_SHEETS)
    elsewhere = [
        other
        for other in sheets
        if other is not sheet and other.name not in ours and len(other.cells) and matching(other, main.columns) >= 2
    ]
    if len(sheet.cells) == 0:
        if elsewhere:
            message = f"没有数据行；数据在工作表“{elsewhere[0].name}”中，请放在“{kind}”中。"
        elif not sheet.header:
            message = "工作表是空的（没有列名和数据）：请使用下载的模板。"
        else:
            message = f"只有列名、没有数据行：请从第 {sheet.header_row + 1} 行起填写数据。"
        problems.append(Problem(ERROR, sheet.where, None, None, message))
        return None
    for other in elsewhere:
        problems.append(
            Problem(WARNING, other.where, None, None, f"此工作表的数据不会被读取：只读取“{sheet.name or kind}”表。")
        )
    checking = Checking(sheet, main.columns, problems)
    return checking if checking.complete else None
