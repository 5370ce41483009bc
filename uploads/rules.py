"""Rules shared by the upload kinds: one county per file and within the uploader's scope, no duplicate keys,
values ten times last year's (a warning), coordinates inside the declared county as WGS-84 or GCJ-02, a
row's cluster among its county's, a chain link of the row's industry."""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from geo import boundaries
from uploads import spec
from uploads.context import Context
from uploads.problems import ERROR, WARNING, Problem, quoted
from uploads.sheets import Checking, suggest

JUMP = 10.0  # a value this many times last year's (or more, or this much smaller) is a warning
COORD_TOLERANCE = 0.005  # degrees (~500 m) around a county: its outline is simplified


def scope(s: Checking, parsed: pd.DataFrame, context: Context) -> str | None:
    """The one county of the sheet, flagging rows of other counties or outside the uploader's scope. In a
    province-wide import (``context.province_wide``) many counties are allowed: None when there are several."""
    if "adcode" not in parsed:
        return None
    codes = parsed.adcode
    names = dict(zip(context.counties.adcode, context.counties.name))
    if context.allowed_counties is not None:
        outside = (codes.notna() & ~codes.isin(context.allowed_counties)).to_numpy()
        allowed = "、".join(names[a] for a in sorted(context.allowed_counties)) or "无"
        s.flag(
            ERROR, outside, "adcode", lambda v: f"{names.get(v, v)}不在您的填报范围（{allowed}）内。", codes.to_numpy()
        )
    counted = codes.dropna().value_counts()
    if counted.empty:
        return None
    main = counted.index[0]
    if context.province_wide:
        return main if len(counted) == 1 else None
    if len(counted) > 1:
        other = (codes.notna() & (codes != main)).to_numpy()
        s.flag(
            ERROR,
            other,
            "adcode",
            lambda v: f"一个文件只能报一个区县：本文件主要是{names[main]}，此行为{names.get(v, v)}。",
            codes.to_numpy(),
        )
    return main


def duplicates(s: Checking, keys: pd.DataFrame, key: str, what: str) -> None:
    complete = keys.notna().all(axis=1)
    repeated = (keys.duplicated(keep="first") & complete).to_numpy()
    if repeated.any():
        first = {}
        for i, row in enumerate(map(tuple, keys.to_numpy())):
            first.setdefault(row, int(s.rows[i]))
        rows = [first[tuple(r)] for r in keys.to_numpy()]
        s.flag(ERROR, repeated, key, lambda r: f"{what}与第 {r} 行重复。", rows)


def jumps(s: Checking, now: pd.Series, before: pd.Series, key: str, what: str) -> None:
    ratio = now.to_numpy(dtype=float) / before.to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        jump = (before.to_numpy() > 0) & ((ratio >= JUMP) | (ratio <= 1 / JUMP))
    s.flag(WARNING, jump, key, lambda b: f"与{what}（{b:g}）相差 10 倍以上，请核对单位（亿元）。", before.to_numpy())


def coordinates(s: Checking, parsed: pd.DataFrame, context: Context) -> None:
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
                s.problems.append(
                    Problem(
                        WARNING,
                        s.sheet.where,
                        row,
                        column,
                        "坐标按 WGS-84 落在本县内、按所填 GCJ-02 则在县外：已按 WGS-84 保存，请核对坐标系。",
                    )
                )
            elif declared[i] != spec.GCJ02 and not as_wgs[j] and as_gcj[j]:
                lon[i], lat[i] = converted[j, 0], converted[j, 1]
                s.problems.append(
                    Problem(
                        WARNING,
                        s.sheet.where,
                        row,
                        column,
                        "坐标似为 GCJ-02（高德、腾讯地图）：按 WGS-84 在县外、按 GCJ-02 在县内，已转换为 WGS-84。",
                    )
                )
            elif not as_wgs[j] and not as_gcj[j]:
                s.problems.append(
                    Problem(
                        ERROR,
                        s.sheet.where,
                        row,
                        column,
                        f"坐标（{lon[i]:.4f}, {lat[i]:.4f}）不在{names[code]}内（按 WGS-84 和 GCJ-02 均不在）。",
                    )
                )
                s.bad[i] = True
    parsed["lon"], parsed["lat"] = lon, lat


def county_clusters(s: Checking, parsed: pd.DataFrame, context: Context) -> None:
    """The 所属集群 of each row must be one of its county's clusters (the nearest name suggested)."""
    if "cluster_name" not in parsed:
        return
    known = set(zip(context.clusters.adcode, context.clusters.name))
    rows = list(zip(parsed.adcode, parsed.cluster_name))
    unknown = np.array(  # (a row whose county is unknown has its error there already)
        [isinstance(a, str) and isinstance(n, str) and (a, n) not in known for a, n in rows], dtype=bool
    )
    names = context.clusters.groupby("adcode").name.apply(list).to_dict()
    s.flag(
        ERROR,
        unknown,
        "cluster_name",
        lambda v: f"本县没有名为“{quoted(v[1])}”的集群" + suggest(v[1], names.get(v[0], [])),
        rows,
    )


def link_ids(s: Checking, parsed: pd.DataFrame, context: Context) -> pd.Series | None:
    """The chain link's id of each row; a link that is not one of the industry's chain is flagged."""
    if "link" not in parsed:
        return None
    link_id = (
        parsed[["industry", "link"]]
        .merge(
            context.links.rename(columns={"name": "link"})[["industry", "link", "link_id"]],
            on=["industry", "link"],
            how="left",
        )
        .link_id.astype(object)
        .where(lambda x: x.notna(), None)
    )
    foreign = (parsed.link.notna() & parsed.industry.notna() & link_id.isna()).to_numpy()
    s.flag(
        ERROR, foreign, "link", lambda v: f"“{v[1]}”不是“{v[0]}”产业链的环节。", list(zip(parsed.industry, parsed.link))
    )
    return link_id
