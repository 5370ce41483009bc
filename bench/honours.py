"""优质企业 at scale: warm server time of one page run with 1,000,000 enterprises, against the demo data."""

from __future__ import annotations

import statistics
import tempfile
import time
from functools import partial
from pathlib import Path

from bench import pagetime, scale

ENTERPRISES = 1_000_000
page_run_ms = partial(pagetime.page_run_ms, "pages/honours.py")


def query_ms(path: Path, runs: int = 5) -> dict[str, float]:
    """Median time of each of the page's counting queries, run directly (no cache)."""
    import duckdb

    import queries

    con = duckdb.connect(str(path), read_only=True)
    calls = {
        "honour_scope_counts": dict(year=2025),
        "cluster_quality": dict(year=2025, start_year=2022, region=None, city=None),
        "cluster_honour_counts": dict(year=2025),
        "cluster_honour_totals": {},
        "honour_trend": dict(region=None, city=None),
    }
    out = {}
    for name, params in calls.items():
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            queries.run(con, name, **params)
            times.append((time.perf_counter() - start) * 1000)
        out[name] = statistics.median(times)
    con.close()
    return out


def main() -> None:
    import store

    with tempfile.TemporaryDirectory() as tmp:
        demo, big = Path(tmp) / "demo.duckdb", Path(tmp) / "big.duckdb"
        store.open_store(demo).close()
        start = time.perf_counter()
        scale.enterprises(big, ENTERPRISES)
        print(f"honours_build_store_{ENTERPRISES}_enterprises: {time.perf_counter() - start:.1f} s")
        demo_ms, big_ms = page_run_ms(demo), page_run_ms(big)
        print(f"honours_page_warm_run_demo: {demo_ms:.0f} ms")
        print(f"honours_page_warm_run_{ENTERPRISES}_enterprises: {big_ms:.0f} ms")
        print(f"honours_page_warm_run_ratio_to_demo: {big_ms / demo_ms:.2f} x")
        print(f"honours_page_run_uncached_{ENTERPRISES}_enterprises: {page_run_ms(big, runs=3, cached=False):.0f} ms")
        for name, ms in query_ms(big).items():
            print(f"honours_query_{name}_{ENTERPRISES}_enterprises: {ms:.0f} ms")
