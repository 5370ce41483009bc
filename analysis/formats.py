"""How the app writes a number — on a page, in a tooltip, on a chart, a slide and in every export — so that one
figure reads the same everywhere (a tooltip said 257 亿元 where the page said 256.6).

- 亿元 (a cluster's, a county's or the province's revenue, a gap, a target): one decimal and thousands separators,
  whole figures too: 9,744.7 · 620.0 · 14,000.0.
- An enterprise's revenue spans 0.01 to several hundred 亿元, two orders of magnitude more than one decimal of 亿元
  can show: tables give it in 万元 (whole: 3,500), text in 万元 below 1 亿元 and in 亿元 above, unit always stated.
- Counts (个, 家, 人, 项): whole numbers with separators: 1,668.
- Shares: a percentage with one decimal: 12.5%. Ratios (区位熵, densities): two decimals.

The column formats are Streamlit's printf formats for ``st.column_config.NumberColumn``.
"""

from __future__ import annotations

import math

import pandas as pd

YI = "亿元"
WAN = "万元"
COUNT_UNITS = frozenset({"个", "家", "人", "项", "个县(市)", "家/集群", "个/集群"})
YI_COLUMN = "%,.1f"  # a 亿元 column of st.dataframe
WAN_COLUMN = "%,d"  # a 万元 column (an enterprise's revenue)
COUNT_COLUMN = "%,d"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def yi(value) -> str:
    """亿元: ``9,744.7``; a missing value is "—"."""
    return "—" if _missing(value) else f"{float(value):,.1f}"


def count(value) -> str:
    """A count: ``1,668``."""
    return "—" if _missing(value) else f"{round(float(value)):,d}"


def wan(value_yi) -> str:
    """An amount in 亿元 written in 万元, whole: 0.35 → ``3,500``."""
    return "—" if _missing(value_yi) else f"{round(float(value_yi) * 10_000):,d}"


def to_wan(value_yi):
    """An amount in 亿元 as a number of 万元 (for a 万元 column), or None."""
    return None if _missing(value_yi) else round(float(value_yi) * 10_000)


def firm_revenue(value_yi) -> str:
    """An enterprise's revenue as text with its unit: ``3,500 万元`` below 1 亿元, ``35.2 亿元`` above."""
    if _missing(value_yi):
        return "—"
    return f"{wan(value_yi)} {WAN}" if float(value_yi) < 1 else f"{yi(value_yi)} {YI}"


def share(value, digits: int = 1) -> str:
    """A share (0.125) as a percentage: ``12.5%``."""
    return "—" if _missing(value) else f"{float(value):.{digits}%}"


def figure(value, unit: str = "") -> str:
    """``value`` written for ``unit``: 亿元 with one decimal, counts whole, anything else with up to two decimals."""
    if _missing(value):
        return "—"
    if unit == YI:
        return yi(value)
    if unit == WAN:
        return wan(float(value) / 10_000)
    if unit in COUNT_UNITS or float(value).is_integer():
        return count(value)
    return f"{float(value):,.2f}"


def with_unit(value, unit: str) -> str:
    """``figure`` followed by its unit: ``256.6 亿元``, ``12 家``."""
    text = figure(value, unit)
    return text if text == "—" or not unit else f"{text} {unit}"


def days(values: pd.Series) -> pd.Series:
    """Dates (dates, timestamps or text, as each backend returns them) as YYYY-MM-DD; missing ones empty."""
    return pd.to_datetime(values, errors="coerce").dt.strftime("%Y-%m-%d").fillna("")
