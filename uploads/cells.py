"""One normalisation of every uploaded cell, and the one rule for codes and numbers (README: "What is normalised").

Every header and cell: the byte-order mark and zero-width characters are removed, tabs and line breaks inside a
cell become one space, spaces at both ends go. Where a code or a number is expected, full-width digits, letters
and signs are folded to ASCII (Unicode NFKC; the minus sign U+2212 too). Control characters are not removed but
refused, with their row and column, so that every stored text can be written to every export.

Numbers: digits with an optional sign, decimal point and exponent, spaces ignored; a comma only as a thousands
separator (every three digits: 1,234,567.5); the column's own unit may follow (12.5亿元 in a column in 亿元, 3.5% in
one in %), any other unit is refused with a hint (120万元 → 0.012); the value must be finite (inf, 1e400 refused).
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u180e"  # byte-order mark, zero-width space/joiners, word joiner
_CLEANING = re.compile(f"[{INVISIBLE}\t\r\n]")
_BREAKS = re.compile(r"[\t\r\n]+")
# C0/C1 controls (tab and line breaks are cleaned, not refused), surrogates, the two non-characters XML forbids,
# and the bidirectional overrides that make a name read differently from what it stores
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
# A column's cells are joined for one search: by a character the search does not look for (cells hold no line
# break once cleaned), so that the separator itself is never a match.
_JOIN_RAW, _JOIN_CLEAN = "\x00", "\n"


def clean(text: str) -> str:
    """A cell as validation reads it: invisible characters removed, tabs and line breaks as one space, trimmed."""
    for char in INVISIBLE:
        text = text.replace(char, "")
    return _BREAKS.sub(" ", text).strip()


def clean_column(values: list[str]) -> list[str]:
    """``clean`` for a column of cells; one search of the whole column decides whether any cell needs it."""
    if not _CLEANING.search(_JOIN_RAW.join(values)):
        return values
    return [clean(v) for v in values]


def controls(raw: pd.Series) -> np.ndarray:
    """Which cells hold a control character (see ``CONTROL``)."""
    values = raw.tolist()
    if not CONTROL.search(_JOIN_CLEAN.join(values)):
        return np.zeros(len(values), dtype=bool)
    return np.array([bool(CONTROL.search(v)) for v in values], dtype=bool)


def control_name(text: str) -> str:
    """The first control character of ``text`` as U+XXXX, for messages."""
    found = CONTROL.search(text)
    return f"U+{ord(found.group()):04X}" if found else ""


def fold(raw: pd.Series) -> pd.Series:
    """Full-width digits, letters and signs as ASCII (NFKC), the minus sign U+2212 as '-': for codes and numbers."""
    values = raw.tolist()
    if _JOIN_CLEAN.join(values).isascii():
        return raw
    return pd.Series(
        [unicodedata.normalize("NFKC", v).replace("\u2212", "-") for v in values], index=raw.index, dtype=object
    )


_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_GROUPED = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"
_WITH_UNIT = re.compile(rf"({_NUMBER}|{_GROUPED})\s*([^\d\s.,+_-]+)")  # a unit has no digits or signs
# Units a filer may write instead of the column's, and their factor to it, for the hint of a refused value
_CONVERTIBLE = {("万元", "亿元"): 1e-4, ("元", "亿元"): 1e-8, ("千万元", "亿元"): 0.1, ("亿", "亿元"): 1.0}


def unit_of(header: str) -> str:
    """The unit in a template header: 营业收入（亿元） → 亿元; '' when the header names none."""
    found = re.search(r"（([^（）]+)）$", header)
    return found.group(1) if found else ""


def numbers(raw: pd.Series, unit: str = "") -> tuple[np.ndarray, list[str | None]]:
    """The numbers of a column of cleaned cells by the rule above: (values with NaN where a cell is empty or
    refused, the reason of each refusal or None)."""
    text = fold(raw).str.replace(r"\s+", "", regex=True)
    if unit:
        text = text.str.removesuffix(unit)
    plain = text.str.fullmatch(_NUMBER).to_numpy(dtype=bool)
    grouped = ~plain & text.str.fullmatch(_GROUPED).to_numpy(dtype=bool)
    digits = text.where(~grouped, text.str.replace(",", "", regex=False))
    value = np.full(len(text), np.nan)
    ok = plain | grouped
    with np.errstate(over="ignore", invalid="ignore"):
        value[ok] = pd.to_numeric(digits[ok], errors="coerce").to_numpy(dtype=float)
    reasons: list[str | None] = [None] * len(text)
    for i in np.flatnonzero((text != "").to_numpy() & ~(ok & np.isfinite(value))):
        reasons[i] = _why(raw.iloc[i], text.iloc[i], unit, bool(ok[i]))
    value[~np.isfinite(value)] = np.nan
    return value, reasons


def _why(original: str, text: str, unit: str, parsed: bool) -> str:
    if parsed:
        return f"“{original}”不是有限的数值。"
    if "," in text and re.fullmatch(r"[+-]?[\d,]+(?:\.\d+)?", text):
        return f"“{original}”中的逗号不是每三位一个的千位分隔符：小数点请用“.”，或去掉逗号。"
    found = _WITH_UNIT.fullmatch(text)
    if found:
        number, written = found.groups()
        factor = _CONVERTIBLE.get((written, unit))
        hint = f"（{number}{written} = {float(number.replace(',', '')) * factor:g}{unit}）" if factor else ""
        return (
            f"“{original}”：本列单位为{unit or '纯数字'}，只填数字{hint}。"
            if unit
            else f"“{original}”：本列只填数字，不带单位。"
        )
    return f"“{original}”不是数字。"
