"""Each column of a sheet parsed by its kind (text, number, year, 是/否, a choice, a county, a 统一社会信用代码), in one
table of parsers: an unknown kind raises. Bad cells are flagged with their row and column; the result holds one
value per row (None or NaN where a cell is empty or refused)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from uploads import cells, spec
from uploads.context import Context
from uploads.problems import ERROR, quoted
from uploads.sheets import Checking, suggest


def parse(s: Checking, context: Context, choices: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """Each known column of the sheet parsed by its kind (``PARSERS``), control characters and empty required
    cells flagged first; the result has one column per key. ``choices``: the options of a choice column whose
    options come from the store (industry, chain link, honour)."""
    out = {}
    for column in s.columns:
        if column.kind not in PARSERS:
            raise ValueError(
                f"column {column.name!r} has unknown kind {column.kind!r}; expected one of {sorted(PARSERS)}"
            )
        if column.key not in s.position:
            continue
        raw = s.text(column.key)
        control = cells.controls(raw)
        s.flag(
            ERROR,
            control,
            column.key,
            lambda v: f"含有不可见的控制字符（{cells.control_name(v)}），请删除后重新上传。",
            raw.to_numpy(),
        )
        raw = raw.where(~control, "")  # refused above; not parsed again
        empty = (raw == "").to_numpy()
        if column.required:
            s.flag(ERROR, empty & ~control, column.key, "必填项为空。")
        out[column.key] = PARSERS[column.kind](s, column, raw, ~empty, context, choices or {})
    return pd.DataFrame(out)


def _text(s: Checking, column: spec.Column, raw: pd.Series, present: np.ndarray, *_) -> pd.Series:
    too_long = present & (raw.str.len() > 100).to_numpy()
    s.flag(ERROR, too_long, column.key, "超过 100 个字符。")
    return raw.where(present, None)


def _yesno(s: Checking, column: spec.Column, raw: pd.Series, present: np.ndarray, *_) -> np.ndarray:
    value = cells.fold(raw).str.upper().map({spec.YES: True, spec.NO: False, "Y": True, "N": False})
    wrong = present & value.isna().to_numpy()
    s.flag(ERROR, wrong, column.key, lambda v: f"“{quoted(v)}”应为“是”或“否”。", raw.to_numpy())
    return value.to_numpy()


def _choice(
    s: Checking,
    column: spec.Column,
    raw: pd.Series,
    present: np.ndarray,
    context: Context,
    choices: dict[str, list[str]],
) -> pd.Series:
    options = list(column.choices) or choices[column.key]
    known = raw.isin(options).to_numpy()
    s.flag(
        ERROR,
        present & ~known,
        column.key,
        lambda v: f"“{quoted(v)}”不在可选值中" + suggest(v, options),
        raw.to_numpy(),
    )
    return raw.where(present & known, None)


def _numbers(s: Checking, column: spec.Column, raw: pd.Series, present: np.ndarray, *_) -> np.ndarray:
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
            s.flag(
                ERROR,
                ok & below,
                column.key,
                "不能为负数。" if column.minimum == 0 else f"应不小于 {column.minimum:g}。",
            )
            out_of_range |= below
        if column.maximum is not None:
            above = number > column.maximum
            s.flag(ERROR, ok & above, column.key, f"应不大于 {column.maximum:g}。")
            out_of_range |= above
    return np.where(ok & ~out_of_range, number, np.nan)


_USCC_SHAPE = r"[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}"


def _uscc(s: Checking, column: spec.Column, raw: pd.Series, present: np.ndarray, *_) -> pd.Series:
    """统一社会信用代码: full-width characters folded, case, spaces and hyphens ignored, shape and check digit."""
    code = cells.fold(raw).str.upper().str.replace(r"[\s-]", "", regex=True)
    shape = code.str.fullmatch(_USCC_SHAPE).to_numpy(dtype=bool)
    valid = uscc_valid(code, shape)
    s.flag(
        ERROR,
        present & ~shape,
        column.key,
        lambda v: f"“{quoted(v)}”不是 18 位统一社会信用代码（数字与除 I、O、Z、S、V 外的大写字母）。",
        raw.to_numpy(),
    )
    s.flag(
        ERROR,
        present & shape & ~valid,
        column.key,
        lambda v: f"“{v}”的校验位不符（GB 32100-2015），请核对。",
        raw.to_numpy(),
    )
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


def _county(s: Checking, column: spec.Column, raw: pd.Series, present: np.ndarray, context: Context, *_) -> np.ndarray:
    """Adcodes for county names (with or without 县/市/区) or codes (full-width digits folded); unknown ones
    flagged with the nearest name."""
    raw = cells.fold(raw)
    counties = context.counties
    lookup = dict(zip(counties.adcode, counties.adcode)) | dict(zip(counties.name, counties.adcode))
    short = counties.name.str.replace(r"(?<=..)[县市区]$", "", regex=True)
    once = short[~short.duplicated(keep=False)]
    lookup |= {k: v for k, v in zip(once, counties.adcode[once.index]) if k not in lookup}
    code = raw.map(lookup)
    wrong = present & code.isna().to_numpy()
    s.flag(ERROR, wrong, column.key, lambda v: f"未知的区县“{quoted(v)}”" + suggest(v, counties.name), raw.to_numpy())
    return code.to_numpy()


_DATE = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?|(\d{4})(\d{2})(\d{2})"


def _date(s: Checking, column: spec.Column, raw: pd.Series, present: np.ndarray, *_) -> np.ndarray:
    """A date: 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日 or 20250301 (a date cell of Excel reads as the first;
    a time after it is ignored); no later than today."""
    parts = cells.fold(raw).str.fullmatch(_DATE)
    found = cells.fold(raw).str.extract(_DATE)
    out = np.full(len(raw), None, dtype=object)
    wrong = present.copy()
    for i in np.flatnonzero(present & parts.fillna(False).to_numpy(dtype=bool)):
        y, m, d = (found.iloc[i, 0:3] if isinstance(found.iloc[i, 0], str) else found.iloc[i, 3:6]).astype(int)
        try:
            out[i] = date(y, m, d)
            wrong[i] = False
        except ValueError:
            pass
    s.flag(ERROR, wrong, column.key, lambda v: f"“{quoted(v)}”不是日期，请写作 2025-03-01。", raw.to_numpy())
    later = np.array([v is not None and (v > date.today() or v.year < 1949) for v in out], dtype=bool)
    s.flag(ERROR, later, column.key, lambda v: f"日期 {v} 晚于今天或早于 1949 年。", out)
    out[later] = None
    return out


PARSERS = {
    "text": _text,
    "number": _numbers,
    "year": _numbers,
    "yesno": _yesno,
    "choice": _choice,
    "county": _county,
    "uscc": _uscc,
    "date": _date,
}
