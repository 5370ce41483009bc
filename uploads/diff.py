"""What an upload would change: its rows against the county's confirmed rows (preview before submitting, and the
reviewers' view of a batch)."""

from __future__ import annotations

import numpy as np
import pandas as pd

ADDED, REMOVED, CHANGED = "新增", "删除", "变更"


def _same(a: pd.Series, b: pd.Series) -> np.ndarray:
    both_missing = a.isna().to_numpy() & b.isna().to_numpy()
    numeric = pd.api.types.is_numeric_dtype(a) and pd.api.types.is_numeric_dtype(b)
    if numeric:
        equal = np.isclose(a.to_numpy(dtype=float), b.to_numpy(dtype=float), rtol=0, atol=1e-6)
    else:
        equal = (a.astype(str) == b.astype(str)).to_numpy()
    return both_missing | equal


def changes(new: pd.DataFrame, old: pd.DataFrame, key: str, fields: dict[str, str], label: str) -> pd.DataFrame:
    """One row per added, removed or changed record: 变化, the key (as ``label``), 名称/字段, 原值, 新值."""
    merged = new.set_index(key)[list(fields)].join(
        old.set_index(key)[list(fields)], how="outer", lsuffix="_new", rsuffix="_old"
    )
    in_new = merged.index.isin(new[key])
    in_old = merged.index.isin(old[key])
    rows = []
    for k in merged.index[in_new & ~in_old]:
        rows.append((ADDED, k, "", "", ""))
    for k in merged.index[~in_new & in_old]:
        rows.append((REMOVED, k, "", "", ""))
    both = merged[in_new & in_old]
    for field, heading in fields.items():
        a, b = both[f"{field}_new"], both[f"{field}_old"]
        if field in ("revenue", "lon", "lat") or pd.api.types.is_numeric_dtype(a):
            a, b = pd.to_numeric(a, errors="coerce"), pd.to_numeric(b, errors="coerce")
        differs = ~_same(a, b)
        for k, was, now in zip(both.index[differs], b[differs], a[differs]):
            rows.append((CHANGED, k, heading, _show(was), _show(now)))
    return pd.DataFrame(rows, columns=["变化", label, "字段", "原值", "新值"])


def _show(value) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "（空）"
    if isinstance(value, (bool, np.bool_)):
        return "是" if value else "否"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def summary(diff: pd.DataFrame, label: str) -> str:
    """E.g. '新增 3 家，删除 1 家，变更 12 家（共 15 处）'."""
    unit = "家" if label == "统一社会信用代码" else "个"
    changed = diff[diff["变化"] == CHANGED]
    return (
        f"新增 {(diff['变化'] == ADDED).sum()} {unit}，删除 {(diff['变化'] == REMOVED).sum()} {unit}，"
        f"变更 {changed[label].nunique()} {unit}（共 {len(changed)} 处）"
    )
