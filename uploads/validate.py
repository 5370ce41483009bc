"""Validation of an upload: every problem in Chinese, by file, sheet, row and column, errors apart from warnings.

``check(kind, year, sheets, context)`` returns the rows ready for the store (``Checked.tables``) and the problems.
A batch with any error is never written. Vectorised with pandas: 100,000 rows take a few seconds (see
``python -m bench imports``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd
import shapely

from geo import boundaries
from uploads import cells, spec
from uploads.files import Sheet

ERROR, WARNING = "错误", "警告"
JUMP = 10.0  # a value this many times last year's (or more, or this much smaller) is a warning
COORD_TOLERANCE = 0.005  # degrees (~500 m) around a county: its outline is simplified
LISTED = 5000  # problems listed at most (a hostile file can hold millions); the counts stay exact


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
class Context:
    """What validation compares an upload with: the store's vocabularies and the uploader's scope."""

    counties: pd.DataFrame  # adcode, name, city_adcode
    industries: list[str]
    links: pd.DataFrame  # link_id, industry, stage, name
    honours: list[str]
    allowed_counties: set[str] | None  # None: any county (a province role)
    clusters: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["adcode", "name", "cluster_id"]))
    last_year: pd.DataFrame = field(  # the confirmed revenue of last year, by county and cluster name
        default_factory=lambda: pd.DataFrame(columns=["adcode", "name", "revenue"]))
    enterprise_revenue: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))  # by uscc
    shapes: dict[str, object] = field(default_factory=dict)  # adcode → shapely geometry (WGS-84)


@dataclass
class Checked:
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
        return pd.DataFrame({"级别": [p.level for p in order], "文件与工作表": [p.where for p in order],
                             "行": [p.row for p in order], "列": [p.column or "" for p in order],
                             "问题": [p.message for p in order]})


def _column_order(label: str | None) -> tuple[int, str]:
    """'F 列「…」' sorts after 'E 列' and before 'AA 列'; no column first."""
    letters = (label or "").split(" ", 1)[0]
    return len(letters), letters


def quoted(value, limit: int = 40) -> str:
    """A cell's text for a message: at most ``limit`` characters."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _letter(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def _normal(header: str) -> str:
    """Headers compare without spaces and with half-width brackets made full-width."""
    return re.sub(r"\s+", "", header).replace("(", "（").replace(")", "）")


def _nearest(value: str, options) -> str | None:
    if len(value) > 30:  # nothing in a vocabulary is this long; and difflib's time grows with the length
        return None
    return _closest(value, tuple(options))


@lru_cache(maxsize=4096)
def _closest(value: str, options: tuple[str, ...]) -> str | None:
    found = difflib.get_close_matches(value, options, n=1, cutoff=0.5)
    return found[0] if found else None


def _suggest(value: str, options) -> str:
    near = _nearest(value, options)
    return f"，是否为“{near}”？" if near else "。"


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


class _Sheet:
    """One sheet being checked: its columns by key, and the problems found, with row numbers of the file."""

    def __init__(self, sheet: Sheet, columns: tuple[spec.Column, ...], problems: Problems):
        self.sheet, self.columns, self.problems = sheet, columns, problems
        self.rows = np.array(sheet.rows, dtype=int)
        self.position: dict[str, int] = {}
        self.bad = np.zeros(len(sheet.cells), dtype=bool)  # rows with an error
        known = {_normal(c.name): c for c in columns}
        header_row = sheet.header_row
        seen: dict[str, int] = {}
        unknown = []
        for i, raw in enumerate(sheet.header):
            head = _normal(raw)
            if not head:
                if sheet.cells[i].astype(bool).any():
                    self.add(WARNING, f"{_letter(i)} 列", "有数据但没有列名，将被忽略。", header_row)
                continue
            if head in seen:
                self.add(ERROR, f"{_letter(i)} 列「{raw}」", f"列名与 {_letter(seen[head])} 列重复。", header_row)
                continue
            seen[head] = i
            if head in known:
                self.position[known[head].key] = i
            else:
                unknown.append((i, raw))
        names = [c.name for c in columns]
        for column in columns:
            if column.key not in self.position and column.required:
                near = _nearest(column.name, [raw for _, raw in unknown])
                hint = f"文件中的“{near}”列是否即此列？请改为模板中的列名。" if near else "请使用模板中的列名。"
                self.add(ERROR, None, f"缺少必填列“{column.name}”。{hint}", header_row)
        for i, raw in unknown:
            self.add(WARNING, f"{_letter(i)} 列「{raw}」", "不是模板中的列，将被忽略" + _suggest(raw, names),
                     header_row)

    @property
    def complete(self) -> bool:
        return all(c.key in self.position for c in self.columns if c.required)

    def label(self, key: str) -> str:
        i = self.position[key]
        return f"{_letter(i)} 列「{self.sheet.header[i]}」"

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


def _parse(s: _Sheet, context: Context, choices: dict[str, list[str]]) -> pd.DataFrame:
    """Each known column parsed by its kind, its bad cells flagged; the result has one column per key."""
    out = {}
    for column in s.columns:
        if column.key not in s.position:
            continue
        raw = s.text(column.key)
        control = cells.controls(raw)
        s.flag(ERROR, control, column.key,
               lambda v: f"含有不可见的控制字符（{cells.control_name(v)}），请删除后重新上传。", raw.to_numpy())
        raw = raw.where(~control, "")  # refused above; not parsed again
        empty = (raw == "").to_numpy()
        if column.required:
            s.flag(ERROR, empty & ~control, column.key, "必填项为空。")
        present = ~empty
        if column.kind == "text":
            too_long = present & (raw.str.len() > 100).to_numpy()
            s.flag(ERROR, too_long, column.key, "超过 100 个字符。")
            out[column.key] = raw.where(present, None)
        elif column.kind in ("number", "year"):
            out[column.key] = _numbers(s, column, raw, present)
        elif column.kind == "yesno":
            value = cells.fold(raw).str.upper().map({spec.YES: True, spec.NO: False, "Y": True, "N": False})
            wrong = present & value.isna().to_numpy()
            s.flag(ERROR, wrong, column.key, lambda v: f"“{quoted(v)}”应为“是”或“否”。", raw.to_numpy())
            out[column.key] = value.to_numpy()
        elif column.kind == "choice":
            options = list(column.choices) or choices[column.key]
            known = raw.isin(options).to_numpy()
            wrong = present & ~known
            s.flag(ERROR, wrong, column.key, lambda v, o=options: f"“{quoted(v)}”不在可选值中" + _suggest(v, o),
                   raw.to_numpy())
            out[column.key] = raw.where(present & known, None)
        elif column.kind == "county":
            out[column.key] = _counties(s, cells.fold(raw), present, context)
        elif column.kind == "uscc":
            out[column.key] = _uscc(s, column, raw, present)
        else:
            raise ValueError(f"column {column.name!r} has unknown kind {column.kind!r}")
    return pd.DataFrame(out)


def _numbers(s: _Sheet, column: spec.Column, raw: pd.Series, present: np.ndarray) -> np.ndarray:
    """A number or year column by the rule of ``cells.numbers``, then its range; refused cells become NaN."""
    number, reasons = cells.numbers(raw, "年" if column.kind == "year" else cells.unit_of(column.name))
    wrong = np.array([r is not None for r in reasons], dtype=bool)
    s.flag(ERROR, wrong, column.key, lambda r: r, reasons)
    ok = present & ~wrong
    text = raw.to_numpy()
    out_of_range = np.zeros(len(raw), dtype=bool)
    if column.kind == "year":
        whole = ok & (number == np.floor(number))
        s.flag(ERROR, ok & ~whole, column.key, lambda v: f"年份“{quoted(v)}”须为整数。", text)
        out_of_range = ~whole | (number < 1949) | (number > date.today().year + 1)
        s.flag(ERROR, whole & out_of_range, column.key, lambda v: f"年份 {quoted(v)} 不合理。", text)
    elif column.key in ("lon", "lat"):
        out_of_range = (number < column.minimum) | (number > column.maximum)
        what = "经度" if column.key == "lon" else "纬度"
        s.flag(ERROR, ok & out_of_range, column.key, lambda v, w=what: f"{w} {quoted(v)} 不在安徽省范围内。", text)
    else:
        if column.minimum is not None:
            below = number < column.minimum
            s.flag(ERROR, ok & below, column.key, "不能为负数。" if column.minimum == 0
                   else f"应不小于 {column.minimum:g}。")
            out_of_range |= below
        if column.maximum is not None:
            above = number > column.maximum
            s.flag(ERROR, ok & above, column.key, f"应不大于 {column.maximum:g}。")
            out_of_range |= above
    return np.where(ok & ~out_of_range, number, np.nan)


_USCC_SHAPE = r"[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}"


def _uscc(s: _Sheet, column: spec.Column, raw: pd.Series, present: np.ndarray) -> pd.Series:
    """统一社会信用代码: full-width characters folded, case, spaces and hyphens ignored, shape and check digit."""
    code = cells.fold(raw).str.upper().str.replace(r"[\s-]", "", regex=True)
    shape = code.str.fullmatch(_USCC_SHAPE).to_numpy(dtype=bool)
    valid = uscc_valid(code, shape)
    s.flag(ERROR, present & ~shape, column.key,
           lambda v: f"“{quoted(v)}”不是 18 位统一社会信用代码（数字与除 I、O、Z、S、V 外的大写字母）。", raw.to_numpy())
    s.flag(ERROR, present & shape & ~valid, column.key,
           lambda v: f"“{v}”的校验位不符（GB 32100-2015），请核对。", raw.to_numpy())
    return code.where(present & valid, None)


_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = np.array((1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28))
_USCC_INDEX = np.full(128, -1)
_USCC_INDEX[[ord(c) for c in _USCC_ALPHABET]] = range(len(_USCC_ALPHABET))


def uscc_valid(codes: pd.Series, shaped: np.ndarray) -> np.ndarray:
    """``stdnum.cn.uscc.is_valid`` for many codes at once (it takes ~100 µs a code; this, ~1 µs): the GB 32100
    check digit of each code of the right shape. A test compares the two on random codes."""
    valid = np.zeros(len(codes), dtype=bool)
    idx = np.flatnonzero(shaped)
    if not len(idx):
        return valid
    chars = np.frombuffer("".join(codes.iloc[idx]).encode("ascii"), dtype=np.uint8).reshape(-1, 18)
    values = _USCC_INDEX[chars]
    expected = (31 - (values[:, :17] * _USCC_WEIGHTS).sum(axis=1) % 31) % 31
    valid[idx] = (values[:, 17] == expected) & (values >= 0).all(axis=1) & (chars[:, :8] < 58).all(axis=1)
    return valid


def _counties(s: _Sheet, raw: pd.Series, present: np.ndarray, context: Context) -> np.ndarray:
    """Adcodes for county names (with or without 县/市/区) or codes; unknown ones flagged with the nearest name."""
    counties = context.counties
    lookup = dict(zip(counties.adcode, counties.adcode)) | dict(zip(counties.name, counties.adcode))
    short = counties.name.str.replace(r"(?<=..)[县市区]$", "", regex=True)
    once = short[~short.duplicated(keep=False)]
    lookup |= {k: v for k, v in zip(once, counties.adcode[once.index]) if k not in lookup}
    code = raw.map(lookup)
    wrong = present & code.isna().to_numpy()
    s.flag(ERROR, wrong, "adcode", lambda v: f"未知的区县“{quoted(v)}”" + _suggest(v, counties.name), raw.to_numpy())
    return code.to_numpy()


def _scope(s: _Sheet, parsed: pd.DataFrame, context: Context) -> str | None:
    """The one county of the sheet, flagging rows of other counties or outside the uploader's scope."""
    if "adcode" not in parsed:
        return None
    codes = parsed.adcode
    names = dict(zip(context.counties.adcode, context.counties.name))
    if context.allowed_counties is not None:
        outside = (codes.notna() & ~codes.isin(context.allowed_counties)).to_numpy()
        allowed = "、".join(names[a] for a in sorted(context.allowed_counties)) or "无"
        s.flag(ERROR, outside, "adcode", lambda v: f"{names.get(v, v)}不在您的填报范围（{allowed}）内。",
               codes.to_numpy())
    counted = codes.dropna().value_counts()
    if counted.empty:
        return None
    main = counted.index[0]
    if len(counted) > 1:
        other = (codes.notna() & (codes != main)).to_numpy()
        s.flag(ERROR, other, "adcode", lambda v: f"一个文件只能报一个区县：本文件主要是{names[main]}，此行为"
               f"{names.get(v, v)}。", codes.to_numpy())
    return main


def _duplicates(s: _Sheet, keys: pd.DataFrame, key: str, what: str) -> None:
    complete = keys.notna().all(axis=1)
    repeated = (keys.duplicated(keep="first") & complete).to_numpy()
    if repeated.any():
        first = {}
        for i, row in enumerate(map(tuple, keys.to_numpy())):
            first.setdefault(row, int(s.rows[i]))
        rows = [first[tuple(r)] for r in keys.to_numpy()]
        s.flag(ERROR, repeated, key, lambda r: f"{what}与第 {r} 行重复。", rows)


def check(kind: str, year: int, sheets: list[Sheet], context: Context) -> Checked:
    """Validate an upload of ``kind`` (spec.CLUSTERS or spec.ENTERPRISES) for ``year``."""
    if kind not in spec.KINDS:
        raise ValueError(f"unknown upload kind {kind!r}; expected one of {spec.KINDS}")
    problems = Problems()
    checked = (_check_clusters if kind == spec.CLUSTERS else _check_enterprises)(year, sheets, context, problems)
    checked.error_count = problems.listed[ERROR] + problems.unlisted[ERROR]
    checked.warning_count = problems.listed[WARNING] + problems.unlisted[WARNING]
    checked.problems = list(problems)
    if sum(problems.unlisted.values()):
        checked.problems.append(Problem(
            ERROR if problems.unlisted[ERROR] else WARNING, sheets[0].file_name, None, None,
            f"另有 {problems.unlisted[ERROR]:,} 个错误、{problems.unlisted[WARNING]:,} 个警告未列出（每类最多列出 "
            f"{LISTED:,} 个）：请先改正已列出的问题，再重新上传。"))
    return checked


def _pick(sheets: list[Sheet], columns: tuple[spec.Column, ...], name: str) -> Sheet | None:
    """The sheet named ``name``, else the one whose header holds most of ``columns`` (at least two) among those
    not named as another of the templates' sheets."""
    for sheet in sheets:
        if sheet.name == name:
            return sheet
    theirs = {*spec.KINDS, *spec.TEMPLATE_SHEETS, spec.HONOURS_SHEET} - {name}
    scored = [(_matching(sheet, columns), sheet) for sheet in sheets if sheet.name not in theirs]
    scored = [(n, sheet) for n, sheet in scored if n >= 2]
    return max(scored, key=lambda x: x[0])[1] if scored else None


def _matching(sheet: Sheet, columns: tuple[spec.Column, ...]) -> int:
    """How many of ``columns`` the sheet's header holds."""
    return len({_normal(c.name) for c in columns} & {_normal(h) for h in sheet.header})


def _open(kind: str, sheets: list[Sheet], problems: Problems) -> _Sheet | None:
    """The main sheet of an upload of ``kind`` with its header checked; None (with the problem recorded) when it
    is missing, empty or lacks a required column."""
    columns = spec.COLUMNS[kind]
    sheet = _pick(sheets, columns, kind)
    if sheet is None:
        other = next((k for k in spec.KINDS if k != kind and _pick(sheets, spec.COLUMNS[k], k)), None)
        hint = f"此文件似为“{other}”模板，请确认上报类型，" if other else ""
        problems.append(Problem(ERROR, sheets[0].file_name, None, None,
                                f"找不到“{kind}”表：{hint}请使用下载的{kind}模板。"))
        return None
    ours = {kind, *spec.TEMPLATE_SHEETS, *(spec.COMPANION_SHEETS.get(kind, ()))}
    elsewhere = [other for other in sheets if other is not sheet and other.name not in ours
                 and len(other.cells) and _matching(other, columns) >= 2]
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
        problems.append(Problem(WARNING, other.where, None, None,
                                f"此工作表的数据不会被读取：只读取“{sheet.name or kind}”表。"))
    s = _Sheet(sheet, columns, problems)
    return s if s.complete else None


def _check_clusters(year: int, sheets: list[Sheet], context: Context, problems: Problems) -> Checked:
    s = _open(spec.CLUSTERS, sheets, problems)
    if s is None:
        return Checked(spec.CLUSTERS, year, None, {}, problems)
    sheet = s.sheet
    parsed = _parse(s, context, {"industry": context.industries})
    adcode = _scope(s, parsed, context)
    s.flag(ERROR, (parsed.year.notna() & (parsed.year != year)).to_numpy(), "year",
           lambda v: f"年度 {v:g} 与本次上报的年度 {year} 不符。", parsed.year.to_numpy())
    _duplicates(s, parsed[["adcode", "name"]], "name", "同一区县的集群名称")
    leading = (parsed.is_leading == True).to_numpy()  # noqa: E712  (object column of True/False/None)
    if leading.sum() > 1:
        first = int(s.rows[np.flatnonzero(leading)[0]])
        later = leading.copy()
        later[np.flatnonzero(leading)[0]] = False
        s.flag(ERROR, later, "is_leading", f"每个区县至多一个首位产业集群，第 {first} 行已填“是”。")
    recognised_later = (parsed.recognised_year > year).to_numpy()
    s.flag(ERROR, recognised_later, "recognised_year", f"认定年份晚于上报年度 {year}。")
    if "profit" in parsed:
        odd = (parsed.profit > parsed.revenue).to_numpy()
        s.flag(WARNING, odd, "profit", "利润总额大于营业收入，请核对。")
    last = context.last_year.set_index(["adcode", "name"]).revenue
    before = pd.Series([last.get((a, n), np.nan) for a, n in zip(parsed.adcode, parsed.name)], dtype=float)
    _jumps(s, parsed.revenue, before, "revenue", "上年已确认的营业收入")
    figures = pd.DataFrame()
    if not s.bad.all():
        good = parsed[~s.bad].copy()
        indicators = [k for k in spec.INDICATORS if k in good]
        figures = good.melt(id_vars=["name"], value_vars=indicators, var_name="indicator",
                            value_name="value").dropna(subset=["value"]).rename(columns={"name": "cluster_name"})
        good["row_number"] = s.rows[~s.bad]
        parsed = good
    tables = {"batch_clusters": parsed, "batch_cluster_figures": figures}
    return Checked(spec.CLUSTERS, year, adcode, tables, problems, rows=len(sheet.cells))


def _jumps(s: _Sheet, now: pd.Series, before: pd.Series, key: str, what: str) -> None:
    ratio = now.to_numpy(dtype=float) / before.to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        jump = (before.to_numpy() > 0) & ((ratio >= JUMP) | (ratio <= 1 / JUMP))
    s.flag(WARNING, jump, key, lambda b: f"与{what}（{b:g}）相差 10 倍以上，请核对单位（亿元）。", before.to_numpy())


def _check_enterprises(year: int, sheets: list[Sheet], context: Context, problems: Problems) -> Checked:
    s = _open(spec.ENTERPRISES, sheets, problems)
    if s is None:
        return Checked(spec.ENTERPRISES, year, None, {}, problems)
    sheet = s.sheet
    link_names = sorted(set(context.links.name))
    parsed = _parse(s, context, {"industry": context.industries, "link": link_names})
    adcode = _scope(s, parsed, context)
    _duplicates(s, parsed[["uscc"]], "uscc", "统一社会信用代码")
    # the chain link must be one of the industry's chain
    if "link" in parsed:
        link_id = parsed[["industry", "link"]].merge(
            context.links.rename(columns={"name": "link"})[["industry", "link", "link_id"]],
            on=["industry", "link"], how="left").link_id.astype(object).where(lambda x: x.notna(), None)
        foreign = (parsed.link.notna() & parsed.industry.notna() & link_id.isna()).to_numpy()
        s.flag(ERROR, foreign, "link", lambda v: f"“{v[1]}”不是“{v[0]}”产业链的环节。",
               list(zip(parsed.industry, parsed.link)))
        parsed["link_id"] = link_id
    else:
        parsed["link_id"] = None
    # the cluster must be one of the county's
    if "cluster_name" in parsed:
        theirs = context.clusters[context.clusters.adcode == adcode]
        unknown = (parsed.cluster_name.notna() & ~parsed.cluster_name.isin(theirs.name)).to_numpy()
        s.flag(ERROR, unknown, "cluster_name", lambda v: f"本县没有名为“{quoted(v)}”的集群" + _suggest(v, theirs.name),
               parsed.cluster_name.to_numpy())
    if "revenue" in parsed:
        before = parsed.uscc.map(context.enterprise_revenue).astype(float)
        _jumps(s, parsed.revenue, before, "revenue", "现有营业收入")
    _coordinates(s, parsed, context)
    honours, honour_rows = _honours(sheets, sheet, parsed, year, context, problems)
    tables = {}
    if not s.bad.all():
        good = parsed[~s.bad].copy()
        good["row_number"] = s.rows[~s.bad]
        tables = {"batch_enterprises": good, "batch_enterprise_honours": honours}
    return Checked(spec.ENTERPRISES, year, adcode, tables, problems, rows=len(sheet.cells) + honour_rows)


def _coordinates(s: _Sheet, parsed: pd.DataFrame, context: Context) -> None:
    """Coordinates inside the declared county, read as WGS-84 or GCJ-02 (both accepted; GCJ-02 converted)."""
    if "lon" not in parsed or "lat" not in parsed:
        parsed["lon"], parsed["lat"] = np.nan, np.nan
        return
    lon, lat = parsed.lon.to_numpy(dtype=float, copy=True), parsed.lat.to_numpy(dtype=float, copy=True)
    half = np.isnan(lon) != np.isnan(lat)
    s.flag(ERROR, half & np.isnan(lon), "lon", "只填了纬度：经纬度须同时填写或同时留空。")
    s.flag(ERROR, half & np.isnan(lat), "lat", "只填了经度：经纬度须同时填写或同时留空。")
    declared = parsed.crs.fillna(spec.WGS84).to_numpy() if "crs" in parsed else np.full(len(parsed), spec.WGS84)
    names = dict(zip(context.counties.adcode, context.counties.name))
    for code, index in pd.Series(range(len(parsed))).groupby(parsed.adcode.to_numpy()).groups.items():
        shape = context.shapes.get(code)
        if shape is None:
            continue
        idx = np.array([i for i in index if not np.isnan(lon[i]) and not np.isnan(lat[i])], dtype=int)
        if not len(idx):
            continue
        area = shapely.buffer(shape, COORD_TOLERANCE)
        shapely.prepare(area)
        as_wgs = shapely.contains_xy(area, lon[idx], lat[idx])
        # GCJ-02 read only where it matters (a slow iterative inverse): declared so, or outside as WGS-84
        need = (declared[idx] == spec.GCJ02) | ~as_wgs
        converted = np.column_stack([lon[idx], lat[idx]])
        converted[need] = boundaries.gcj_to_wgs(converted[need])  # (lon, lat)
        as_gcj = np.zeros(len(idx), dtype=bool)
        as_gcj[need] = shapely.contains_xy(area, converted[need, 0], converted[need, 1])
        for j, i in enumerate(idx):
            row = int(s.rows[i])
            column = s.label("lon")
            if declared[i] == spec.GCJ02 and as_gcj[j]:
                lon[i], lat[i] = converted[j, 0], converted[j, 1]
            elif declared[i] == spec.GCJ02 and as_wgs[j]:
                s.problems.append(Problem(WARNING, s.sheet.where, row, column,
                                          "坐标按 WGS-84 落在本县内、按所填 GCJ-02 则在县外：已按 WGS-84 保存，请核对坐标系。"))
            elif declared[i] != spec.GCJ02 and not as_wgs[j] and as_gcj[j]:
                lon[i], lat[i] = converted[j, 0], converted[j, 1]
                s.problems.append(Problem(WARNING, s.sheet.where, row, column,
                                          "坐标似为 GCJ-02（高德、腾讯地图）：按 WGS-84 在县外、按 GCJ-02 在县内，已转换为 WGS-84。"))
            elif not as_wgs[j] and not as_gcj[j]:
                s.problems.append(Problem(ERROR, s.sheet.where, row, column,
                                          f"坐标（{lon[i]:.4f}, {lat[i]:.4f}）不在{names[code]}内（按 WGS-84 和 GCJ-02 均不在）。"))
                s.bad[i] = True
    parsed["lon"], parsed["lat"] = lon, lat


def _honours(sheets: list[Sheet], main: Sheet, parsed: pd.DataFrame, year: int, context: Context,
             problems: Problems) -> tuple[pd.DataFrame, int]:
    """The 企业荣誉 table (its own sheet, or a second CSV file), checked against the 名录 and the vocabulary."""
    others = [sheet for sheet in sheets if sheet is not main]
    sheet = _pick(others, spec.HONOUR_COLUMNS, spec.HONOURS_SHEET)
    empty = pd.DataFrame(columns=["uscc", "honour", "year"])
    if sheet is None or not len(sheet.cells):  # no honours this year: the sheet may be missing or header-only
        return empty, 0
    h = _Sheet(sheet, spec.HONOUR_COLUMNS, problems)
    if not h.complete:
        return empty, len(sheet.cells)
    rows = _parse(h, context, {"honour": context.honours})
    listed = set(parsed.uscc.dropna())
    missing = (rows.uscc.notna() & ~rows.uscc.isin(listed)).to_numpy()
    h.flag(ERROR, missing, "uscc", lambda v: f"企业 {v} 不在“企业名录”表中。", rows.uscc.to_numpy())
    h.flag(ERROR, (rows.year > year).to_numpy(), "year", f"首次获得年份晚于上报年度 {year}。")
    _duplicates(h, rows[["uscc", "honour"]], "honour", "同一企业的同一荣誉")
    return rows[~h.bad], len(sheet.cells)
