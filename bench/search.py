"""按图索企 at scale: typical searches over 1,000,000 enterprises, against the same filters in pandas, and the time
from a search to 20,000 points drawn in headless Chromium."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from bench import scale

ENTERPRISES = 1_000_000
ROUNDS = 5


def typical_searches(con) -> dict[str, dict]:
    """Searches an investment-promotion team makes, as list-page filters (components.enterprise_search.Search)."""
    county = con.execute("select adcode from enterprises group by adcode order by count(*) desc limit 1").fetchone()[0]
    cluster = con.execute("select cluster_id from clusters order by cluster_id limit 1").fetchone()[0]
    link = con.execute(
        "select link_id from chain_links join chains using (chain_id) where industry = '电线电缆' "
        "order by position limit 1"
    ).fetchone()[0]
    uscc = con.execute("select uscc from enterprises limit 1 offset 4321").fetchone()[0]
    return {
        "name_substring": dict(text="电缆"),
        "pinyin_initials": dict(text="wwdl"),
        "uscc": dict(text=uscc),
        "honour_in_city": dict(honours=("专精特新中小企业",), city="340100"),
        "industry_and_link": dict(industry="电线电缆", link=link),
        "county_and_two_honours": dict(adcodes=(county,), honours=("国家高新技术企业", "专精特新“小巨人”")),
        "cluster_members": dict(cluster=cluster),
        "outside_clusters_by_revenue": dict(member="out", revenue_min=5.0, region="皖北"),
        "everything_largest_first": {},
    }


def _split(spec: dict):
    from analysis.scope import Scope
    from components import enterprise_search as es

    spec = dict(spec)
    scope = Scope(2025, spec.pop("region", None), spec.pop("city", None), None)
    return es.Search(**spec), scope


def duckdb_ms(con, spec: dict) -> float:
    import queries
    from components import enterprise_search as es

    search, scope = _split(spec)
    start = time.perf_counter()
    queries.run(con, "enterprise_search", **es.query_args(search, scope, limit=es.PAGE_SIZE))  # the list's first page
    return (time.perf_counter() - start) * 1000


class PandasSearch:
    """The same filters over DataFrames held in memory, already in the list's order (as the search index is): the
    baseline the ratio is taken against. Its answer is the first page and the number of matches, as DuckDB's."""

    def __init__(self, con):
        self.firms = con.execute(
            "select e.*, r.region, r.city_adcode from enterprises as e join regions as r using (adcode) "
            "order by e.revenue desc nulls last, e.uscc"
        ).df()
        self.honours = con.execute("select uscc, honour, year from enterprise_honours").df()

    def run(self, spec: dict) -> tuple[pd.DataFrame, int]:
        from components import enterprise_search as es
        from data import pinyin

        search, scope = _split(spec)
        f = self.firms
        keep = np.ones(len(f), dtype=bool)
        if scope.region:
            keep &= (f.region == scope.region).to_numpy()
        if scope.city:
            keep &= (f.city_adcode == scope.city).to_numpy()
        if search.adcodes:
            keep &= f.adcode.isin(search.adcodes).to_numpy()
        if search.cluster:
            keep &= (f.cluster_id == search.cluster).to_numpy()
        if search.member:
            keep &= (f.cluster_id.notna() == (search.member == "in")).to_numpy()
        if search.industry:
            keep &= (f.industry == search.industry).to_numpy()
        if search.link:
            keep &= (f.link_id == search.link).to_numpy()
        if search.revenue_min is not None:
            keep &= (f.revenue >= search.revenue_min).to_numpy()
        if search.revenue_max is not None:
            keep &= (f.revenue <= search.revenue_max).to_numpy()
        if search.text:
            hit = f.name.str.contains(search.text, regex=False) | (f.uscc.str.upper() == search.text.upper())
            if pinyin.is_initials_query(search.text):
                pattern = pinyin.runs_pattern(search.text)  # (the match rank's order is not reproduced here)
                hit |= f.name_initials.str.contains(pattern) | f.name_initials_alt.fillna("").str.contains(pattern)
            keep &= hit.to_numpy()
        if search.honours:
            h = self.honours
            holders = h.uscc[h.honour.isin(search.honours) & (h.year <= scope.year)]
            keep &= f.uscc.isin(holders).to_numpy()
        return f[keep].head(es.PAGE_SIZE), int(keep.sum())

    def ms(self, spec: dict) -> float:
        start = time.perf_counter()
        self.run(spec)
        return (time.perf_counter() - start) * 1000


def index_build(path: Path) -> tuple[float, float]:
    """Seconds to build the search index (queries/search_index.sql) from the store, and its size in MiB."""
    import queries

    con = queries.connect_read_only(path)
    start = time.perf_counter()
    queries.build_search_index(con)
    seconds = time.perf_counter() - start
    used = con.execute("select sum(memory_usage_bytes) from duckdb_memory() where tag = 'IN_MEMORY_TABLE'").fetchone()[
        0
    ]
    con.close()
    return seconds, used / 2**20


def latencies(path: Path) -> tuple[list[float], list[float], dict[str, float]]:
    """Every typical search ROUNDS times through DuckDB (as the page runs it, no cache) and through pandas."""
    import queries

    con = queries.connect_read_only(path)  # with its search index, as the app has it
    searches = typical_searches(con)
    baseline = PandasSearch(con)
    for spec in searches.values():  # warm both once
        duckdb_ms(con, spec), baseline.ms(spec)
    ours, theirs, per_search = [], [], {}
    for name, spec in searches.items():
        times = [duckdb_ms(con, spec) for _ in range(ROUNDS)]
        ours += times
        theirs += [baseline.ms(spec) for _ in range(ROUNDS)]
        per_search[name] = statistics.median(times)
    con.close()
    return ours, theirs, per_search


def points_drawn_s(path: Path, points: int = 20_000, runs: int = 3) -> list[float]:
    """Seconds from entering a revenue floor that matches exactly ``points`` enterprises (the list page already
    open) to that many points on the map, in headless Chromium at 1920×1080."""
    import duckdb

    from harness.browser import chromium, marker_frame, served

    con = duckdb.connect(str(path), read_only=True)
    # the lowest floor in whole 0.01 亿元 (what the input takes) that keeps the matches within what the map draws
    # as points
    floor, exact = con.execute(
        """
        select floor, n from (
            select floor, sum(count(*)) over (order by floor desc) as n
            from (select floor(revenue * 100) / 100 as floor from enterprises)
            group by floor)
        where n <= $points order by n desc limit 1""",
        {"points": points},
    ).fetchone()
    con.close()
    times = []
    with served(path) as url, chromium() as browser:
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            page.goto(f"{url}/enterprises?rmin=20")  # the few largest firms to start from
            marker_frame(page, 1, timeout=120)
            box = page.get_by_label("营收下限（亿元）")
            box.fill(f"{floor:.2f}")
            start = time.perf_counter()
            box.press("Enter")
            marker_frame(page, exact, timeout=120)
            times.append(time.perf_counter() - start)
            page.close()
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.duckdb"
        scale.enterprises(path, ENTERPRISES)
        built, size = index_build(path)
        print(f"search_index_build_{ENTERPRISES}_enterprises: {built:.1f} s")
        print(f"search_index_memory_{ENTERPRISES}_enterprises: {size:.0f} MiB")
        ours, theirs, per_search = latencies(path)
        p50, p95 = np.percentile(ours, 50), np.percentile(ours, 95)
        print(f"search_p50_{ENTERPRISES}_enterprises: {p50:.0f} ms")
        print(f"search_p95_{ENTERPRISES}_enterprises: {p95:.0f} ms")
        print(f"search_pandas_p50_{ENTERPRISES}_enterprises: {np.percentile(theirs, 50):.0f} ms")
        print(f"search_pandas_p95_{ENTERPRISES}_enterprises: {np.percentile(theirs, 95):.0f} ms")
        print(f"search_ratio_pandas_to_duckdb_p50: {np.percentile(theirs, 50) / p50:.1f} x")
        for name, ms in per_search.items():
            print(f"search_{name}_median: {ms:.0f} ms")
        drawn = points_drawn_s(path)
        print(f"search_to_20000_points_drawn_median_of_{len(drawn)}: {statistics.median(drawn):.2f} s")
