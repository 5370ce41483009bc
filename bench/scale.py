"""Synthetic enterprises at scale for the benchmarks: the demo store with its 名录 replaced by ``n`` firms.

Built with numpy and inserted in one transaction (about 15 s for 1,000,000 firms and their honours). Names follow
the demo's pattern (county + brand + chain-link product + suffix), so that name searches hit as they would.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from data import pinyin
from data.demo_enterprises import BRAND, HONOUR_RATES, SUFFIXES

CLUSTER_SHARE = 0.35  # of firms in a county with clusters, members of one


def enterprises(path: Path, n: int = 1_000_000, seed: int = 11) -> None:
    """Open the store at ``path`` (building the demo first if empty) and replace its enterprises and honours."""
    import store

    con = store.open_store(path)
    con.execute("set enable_progress_bar = false")
    rng = np.random.default_rng(seed)
    counties = con.execute("""
        select r.adcode, r.name, c.lon, c.lat
        from regions as r
        join (select adcode, avg(lon) as lon, avg(lat) as lat from enterprises group by adcode) as c using (adcode)
        where r.level = '区县' order by r.adcode""").df()
    clusters = con.execute("select cluster_id, adcode, industry from clusters").df()
    links = con.execute(
        "select l.link_id, l.name, ch.industry from chain_links as l join chains as ch using (chain_id)"
    ).df()
    industries = links.industry.unique()

    county = rng.integers(0, len(counties), n)
    adcode = counties.adcode.to_numpy()[county]
    industry = industries[rng.integers(0, len(industries), n)].astype(object)
    cluster_id = np.full(n, None, dtype=object)
    by_county = clusters.groupby("adcode")
    member = rng.random(n) < CLUSTER_SHARE
    for code, group in by_county:
        idx = np.flatnonzero(member & (adcode == code))
        pick = group.iloc[rng.integers(0, len(group), len(idx))]
        cluster_id[idx] = pick.cluster_id.to_numpy()
        industry[idx] = pick.industry.to_numpy()
    link_id = np.empty(n, dtype=object)
    link_name = np.empty(n, dtype=object)
    for name, group in links.groupby("industry"):
        idx = np.flatnonzero(industry == name)
        pick = group.iloc[rng.integers(0, len(group), len(idx))]
        link_id[idx], link_name[idx] = pick.link_id.to_numpy(), pick.name.to_numpy()
    short = counties.name.str.replace(r"(?<=..)[县市区]$", "", regex=True).to_numpy()[county]
    brand = np.array(list(BRAND))
    keyword = pd.Series(link_name).map(lambda s: re.split(r"[（/与]", s)[0])
    names = (
        pd.Series(short)
        + brand[rng.integers(0, len(brand), n)]
        + brand[rng.integers(0, len(brand), n)]
        + keyword
        + np.array(SUFFIXES)[rng.integers(0, len(SUFFIXES), n)]
    )
    first, second = pinyin.tables()
    main = names.str.translate(first).str.lower().str.replace(r"[^a-z0-9]", "", regex=True)
    alt = names.str.translate(second).str.lower().str.replace(r"[^a-z0-9]", "", regex=True)
    revenue = rng.lognormal(-1.0, 1.3, n).round(3)
    frame = pd.DataFrame(
        {
            "uscc": [f"91{a}{i:010d}" for a, i in zip(adcode, range(n))],
            "name": names,
            "adcode": adcode,
            "cluster_id": cluster_id,
            "industry": industry,
            "link_id": link_id,
            "revenue": revenue,
            "lon": (counties.lon.to_numpy()[county] + rng.normal(0, 0.06, n)).round(5),
            "lat": (counties.lat.to_numpy()[county] + rng.normal(0, 0.05, n)).round(5),
            "source_id": "demo",
            "above_scale": revenue >= 0.2,
            "name_initials": main,
            "name_initials_alt": alt.where(alt != main, None),
        }
    )
    weight = np.exp(0.9 * (np.log(revenue) - np.median(np.log(revenue))))
    parts = []
    for honour, rate in {**HONOUR_RATES, "龙头/链主企业": 0.002}.items():
        held = rng.random(n) < np.minimum(0.95, rate * weight)
        parts.append(
            pd.DataFrame({"uscc": frame.uscc[held], "honour": honour, "year": rng.integers(2016, 2026, held.sum())})
        )
    honours = pd.concat(parts, ignore_index=True)
    replace_tables(con, {"enterprises": frame, "enterprise_honours": honours})
    con.close()


def replace_tables(con, frames: dict[str, pd.DataFrame]) -> None:
    """Empty the named tables (in reverse order: dependants first) and fill them from ``frames``, in one
    transaction (queries.insert_frames does the inserting)."""
    import queries

    con.execute("begin")
    try:
        for table in reversed(list(frames)):
            con.execute(f'delete from "{table}"')  # names from our own code, checked by insert_frames below
        queries.insert_frames(con, frames, transaction=False)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
