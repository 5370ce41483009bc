"""Validation of an upload: every problem in Chinese, by file, sheet, row and column, errors apart from warnings.

``check(kind, year, sheets, context)`` finds the kind's main sheet and checks its header (``uploads.sheets``),
then applies the kind's rules (``uploads.kinds``), and returns the rows ready for the store (``Checked.tables``)
with the problems. A batch with any error is never written. Vectorised with pandas: 100,000 rows take a few
seconds (see ``python -m bench imports``).
"""

from __future__ import annotations

from uploads import kinds
from uploads import problems as findings
from uploads import sheets as sheet_rules
from uploads.context import Context
from uploads.files import Sheet
from uploads.problems import ERROR, WARNING, Checked, Problem, Problems


def check(kind: str, year: int, sheets: list[Sheet], context: Context) -> Checked:
    """Validate an upload of ``kind`` (a name of ``uploads.kinds.NAMES``) for ``year``; ValueError for another."""
    described = kinds.get(kind)
    problems = Problems()
    others = tuple(other.sheets[0] for other in kinds.REGISTRY.values() if other is not described)
    main = sheet_rules.open_main(described.sheets, others, sheets, problems)
    checked = (
        Checked(kind, year, None, {}, problems)
        if main is None
        else described.check(year, main, sheets, context, problems)
    )
    checked.error_count = problems.listed[ERROR] + problems.unlisted[ERROR]
    checked.warning_count = problems.listed[WARNING] + problems.unlisted[WARNING]
    checked.problems = list(problems)
    if sum(problems.unlisted.values()):
        checked.problems.append(
            Problem(
                ERROR if problems.unlisted[ERROR] else WARNING,
                sheets[0].file_name,
                None,
                None,
                f"另有 {problems.unlisted[ERROR]:,} 个错误、{problems.unlisted[WARNING]:,} 个警告未列出（每类最多列出 "
                f"{findings.LISTED:,} 个）：请先改正已列出的问题，再重新上传。",
            )
        )
    return checked
