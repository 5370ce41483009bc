"""营收梯队 at scale: warm server time of one page run with 5,000 clusters × 10 years, against the demo data."""

from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from bench import pagetime, scale

CLUSTERS = 5000
YEARS = range(2016, 2026)


def scale_store(path: Path, clusters: int = CLUSTERS, seed: int = 7) -> None:
    """The demo store with its clusters replaced by ``clusters`` synthetic ones, each with revenue for 10 years."""
    import store

    con = store.open_store(path)
    counties = con.execute("select adcode from regions where level = '区县'").df().adcode
    rng = np.random.default_rng(seed)
    ids = [f"B{i:05d}" for i in range(clusters)]
    frame = pd.DataFrame(
        {
            "cluster_id": ids,
            "adcode": rng.choice(counties, clusters),
            "name": [f"测试集群{i}" for i in range(clusters)],
            "industry": rng.choice(["电线电缆", "汽车零部件", "现代中药", "绿色包装"], clusters),
            "is_leading": False,
            "level": "县级",
            "recognised_year": 2016,
        }
    )
    for item in ("has_management_body", "has_public_brand", "has_association", "has_rd_center", "has_full_chain"):
        frame[item] = rng.random(clusters) < 0.5
    start = rng.lognormal(3.2, 1.0, clusters)
    growth = rng.normal(0.08, 0.06, clusters)
    figures = pd.DataFrame(
        [
            {
                "cluster_id": c,
                "year": y,
                "indicator": "revenue",
                "value": round(float(s * (1 + g) ** (y - 2016)), 2),
                "source_id": "demo",
            }
            for c, s, g in zip(ids, start, growth)
            for y in YEARS
        ]
    )
    scale.replace_tables(con, {"clusters": frame, "cluster_figures": figures})
    con.close()


page_run_ms = partial(pagetime.page_run_ms, "pages/tiers.py")


def main() -> None:
    import store

    with tempfile.TemporaryDirectory() as tmp:
        demo, big = Path(tmp) / "demo.duckdb", Path(tmp) / "big.duckdb"
        store.open_store(demo).close()
        scale_store(big)
        demo_ms, big_ms = page_run_ms(demo), page_run_ms(big)
        print(f"tiers_page_warm_run_demo: {demo_ms:.0f} ms")
        print(f"tiers_page_warm_run_{CLUSTERS}_clusters_x_{len(YEARS)}_years: {big_ms:.0f} ms")
        print(f"tiers_page_warm_run_ratio_to_demo: {big_ms / demo_ms:.2f} x")
        print(
            f"tiers_page_run_uncached_{CLUSTERS}_clusters_x_{len(YEARS)}_years: "
            f"{page_run_ms(big, runs=5, cached=False):.0f} ms"
        )
