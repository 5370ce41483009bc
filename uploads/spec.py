"""What the upload templates are made of: a column (its header, kind, note and the field it fills), a template
sheet, and the words the kinds share. Each kind's own columns are in ``uploads.kinds``."""

from __future__ import annotations

from dataclasses import dataclass

CLUSTERS, ENTERPRISES, PROJECTS, TALENTS = (
    "集群年度数据",
    "企业名录",
    "项目库",
    "人才库",
)  # the kinds, as users see them
NOTES_SHEET, OPTIONS_SHEET = "填写说明", "选项"
TEMPLATE_SHEETS = (NOTES_SHEET, OPTIONS_SHEET)  # the templates' own sheets, never data
LEVELS = ("国家级", "省级", "市级", "县级")
YES, NO = "是", "否"
WGS84, GCJ02 = "WGS-84", "GCJ-02"


@dataclass(frozen=True)
class Column:
    name: str  # the header, exactly as in the template
    kind: str  # how its cells are read: text / number / year / yesno / choice / county / uscc / date (uploads.parsing)
    required: bool
    note: str  # the template's note for the column
    key: str  # the field it fills
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    """One data sheet of a template: its name and columns."""

    name: str
    columns: tuple[Column, ...]
