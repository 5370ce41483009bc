"""汇报材料: time from a click to the file, for the province (the largest briefing), on the demo store and on one
with 5,000 clusters × 10 years. Target: ≤ 10 s on a 2-core machine."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

RUNS = 5
FIRST = """
import time, queries
from functools import partial
start = time.perf_counter()
from exports import briefing, pdf_file, pptx_file
con = queries.connect_read_only({path!r})
pptx_file.write(briefing.build(partial(queries.run, con), briefing.Selection({year})))
print(time.perf_counter() - start)
"""


def timings(path: Path, year: int) -> dict[str, float]:
    """Median seconds over ``RUNS`` warm runs of each export, as the buttons run them (build, then write)."""
    import queries
    from exports import briefing, pdf_file, pptx_file

    con = queries.connect_read_only(path)
    query, selection = partial(queries.run, con), briefing.Selection(year)
    steps = {
        "map_png": lambda: briefing.map_image(query, selection),
        "pptx": lambda: pptx_file.write(briefing.build(query, selection)),
        "pdf": lambda: pdf_file.write(briefing.build(query, selection)),
        "content_only": lambda: briefing.build(query, selection),
    }
    out = {}
    for name, step in steps.items():
        step()  # warm: imports, fonts, the county layer
        runs = []
        for _ in range(RUNS):
            start = time.perf_counter()
            step()
            runs.append(time.perf_counter() - start)
        out[name] = statistics.median(runs)
    con.close()
    return out


def first_in_process(path: Path, year: int) -> float:
    """The first .pptx of a fresh Python process: imports (matplotlib, python-pptx), font and county layer loads."""
    code = FIRST.format(path=str(path), year=year)
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    import store
    from bench.tiers import CLUSTERS, scale_store

    with tempfile.TemporaryDirectory() as tmp:
        demo, big = Path(tmp) / "demo.duckdb", Path(tmp) / "big.duckdb"
        store.open_store(demo).close()
        scale_store(big)
        print(f"briefing_province_first_pptx_in_new_process_demo: {first_in_process(demo, 2025):.2f} s")
        for label, path in (("demo", demo), (f"{CLUSTERS}_clusters", big)):
            for name, seconds in timings(path, 2025).items():
                print(f"briefing_province_{name}_{label}: {seconds:.2f} s (median of {RUNS})")
