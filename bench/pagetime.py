"""Server time of one page run, measured with AppTest (the script run only; no browser)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path


def page_run_ms(page: str, db_path: Path, runs: int = 7, cached: bool = True) -> float:
    """Median of ``runs`` AppTest runs of ``page`` once it has run once (``cached`` False clears query caches)."""
    import settings
    import store
    from harness.apptest import page_app

    settings.DB_PATH = db_path
    settings.OPEN_BROWSING = True  # the reading pages as a meeting room sees them (no login page in between)
    store.connection.clear()
    store.query.clear()
    at = page_app(page, timeout=300)
    times = []
    for _ in range(runs):
        if not cached:
            store.query.clear()
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    store.connection().close()
    store.connection.clear()
    return statistics.median(times)
