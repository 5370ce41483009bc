"""What a check finds: each problem by file, sheet, row and column, errors apart from warnings; the list kept
short for a hostile file (counts stay exact); and the checked upload (``Checked``) with its rows for the store."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

ERROR, WARNING = "错误", "警告"
LISTED = 5000  # problems listed at most of each level (a hostile file can hold millions); the counts stay exact


@dataclass(frozen=True)
class Problem:
    level: str  # 错误 / 警告
    where: str  # file › sheet
    row: int | None  # the row number in the file (None: the whole sheet)
    column: str | None  # e.g. 'C 列「区县」'
    message: str

    def text(self) -> str:
        parts = [self.where]
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.column:
            parts.append(self.column)
        return " · ".join(parts) + f"：{self.message}"


@dataclass
class Checked:
    """An upload read and checked: its kind, year and county, the rows ready for the ``batch_*`` tables (only
    when there is no error), the problems, and how many rows were read."""

    kind: str
    year: int
    adcode: str | None  # the one county of the upload (None if it could not be told)
    tables: dict[str, pd.DataFrame]
    problems: list[Problem]  # at most LISTED of them, then one line saying how many more there are
    rows: int = 0
    error_count: int | None = None  # of all problems found, listed or not (None: count the list)
    warning_count: int | None = None

    def __post_init__(self):
        if self.error_count is None:
            self.error_count = sum(p.level == ERROR for p in self.problems)
        if self.warning_count is None:
            self.warning_count = sum(p.level == WARNING for p in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == WARNING]

    def report(self) -> pd.DataFrame:
        """Every problem as a table (errors first), for the page and its download."""
        order = sorted(self.problems, key=lambda p: (p.level != ERROR, p.where, p.row or 0, _column_order(p.column)))
        return pd.DataFrame(
            {
                "级别": [p.level for p in order],
                "文件与工作表": [p.where for p in order],
                "行": [p.row for p in order],
                "列": [p.column or "" for p in order],
                "问题": [p.message for p in order],
            }
        )


def _column_order(label: str | None) -> tuple[int, str]:
    """'F 列「…」' sorts after 'E 列' and before 'AA 列'; no column first."""
    letters = (label or "").split(" ", 1)[0]
    return len(letters), letters


def quoted(value, limit: int = 40) -> str:
    """A cell's text for a message: at most ``limit`` characters."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


class Problems(list):
    """The problems found: at most ``LISTED`` of each level are kept, the others only counted (``unlisted``)."""

    def __init__(self):
        super().__init__()
        self.unlisted = {ERROR: 0, WARNING: 0}
        self.listed = {ERROR: 0, WARNING: 0}

    def append(self, problem: Problem) -> None:
        if self.listed[problem.level] >= LISTED:
            self.unlisted[problem.level] += 1
            return
        self.listed[problem.level] += 1
        super().append(problem)

    def room(self, level: str) -> int:
        return LISTED - self.listed[level]
