"""Hostile uploads and the upload worker: how long each crafted file takes to be refused and what it costs the
serving process; what the worker adds to a 100,000-row file; and how much a 100,000-row validation slows another
user's page run when it runs in the server process (as before) and in the worker (now)."""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from pathlib import Path

ROUNDS = 3


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


def main() -> None:
    import settings
    from bench import imports as big
    from harness import hostile_files as hostile
    from records import batches
    from uploads import files, sandbox, spec

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.duckdb"
        con = demo_store(path)
        sandbox.run(hostile.answer, (1,), "warm-up")  # the worker process starts once per server process
        print("uploads_refused (file size; time to the message; server process memory change):")
        cases = hostile.cases() | {"far_cells_limits_lifted": (hostile.far_cells(), "")}
        for name, (data, _) in cases.items():
            lifted = name.endswith("limits_lifted")
            settings.UPLOAD_MAX_ROWS, settings.UPLOAD_MAX_COLUMNS = (2_000_000, 20_000) if lifted else (200_000, 60)
            before, start = rss_mb(), time.perf_counter()
            try:
                batches.check_upload(con, "admin", spec.ENTERPRISES, 2025, [(f"{name}.xlsx", data)])
                outcome = "accepted?!"
            except sandbox.WorkerFailed:
                outcome = "worker ended"
            except files.UnreadableFile:
                outcome = "refused"
            took = (time.perf_counter() - start) * 1000
            print(
                f"  uploads_refused_{name}: {len(data) / 1024:,.1f} KB; {took:,.0f} ms; "
                f"{rss_mb() - before:+.1f} MiB; {outcome}"
            )
        settings.UPLOAD_MAX_ROWS, settings.UPLOAD_MAX_COLUMNS = 200_000, 60

        frame = big.synthetic_list(con)
        workbook = Path(tmp) / "名录.xlsx"
        big.write_xlsx(frame, frame.iloc[::10, :1].assign(荣誉="国家高新技术企业", 首次获得年份=2023), workbook)
        data = workbook.read_bytes()
        in_process, in_worker = [], []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            _in_process(con, data)
            in_process.append(time.perf_counter() - start)
            start = time.perf_counter()
            batches.check_upload(con, "admin", spec.ENTERPRISES, 2025, [("名录.xlsx", data)])
            in_worker.append(time.perf_counter() - start)
        m = statistics.median
        print(f"uploads_100000_rows_checked_in_the_server_process: {m(in_process):.2f} s")
        print(f"uploads_100000_rows_checked_in_the_worker: {m(in_worker):.2f} s")

        for label, work in [
            ("idle", None),
            ("during_100000_rows_in_the_server_process", lambda: _in_process(con, data)),
            (
                "during_100000_rows_in_the_worker",
                lambda: batches.check_upload(con, "admin", spec.ENTERPRISES, 2025, [("名录.xlsx", data)]),
            ),
        ]:
            times = _page_runs(path, work)
            print(
                f"uploads_other_user_home_run_{label}: median {statistics.median(times):.0f} ms, "
                f"p95 {statistics.quantiles(times, n=20)[-1]:.0f} ms, max {max(times):.0f} ms ({len(times)} runs)"
            )
        con.close()


def demo_store(path: Path):
    import queries
    from data import demo
    from records import accounts

    con = queries.connect(path)
    queries.insert_frames(con, demo.build())
    queries.build_search_index(con)
    queries.run(
        con,
        "user_create",
        username="admin",
        display_name="管理员",
        role="省级管理员",
        adcode=None,
        password_hash=accounts._hasher.hash("Admin1234"),
        now=accounts.now(),
    )
    con.execute("update users set must_change_password = false")
    return con


def _in_process(con, data: bytes) -> None:
    """What the server did before the worker: read and validate in its own process."""
    from records import access
    from uploads import context, files, spec, validate

    user = access.require(con, "admin", "submit")
    validate.check(spec.ENTERPRISES, 2025, files.read("名录.xlsx", data), context.build(con, user, 2025))


def _page_runs(path: Path, background=None, seconds: float = 20) -> list[float]:
    """Warm AppTest runs of the home page (another user) for ``seconds``, while ``background`` runs again and again
    in a thread of this process (as a second session's upload would); each run's time in ms."""
    from streamlit.testing.v1 import AppTest

    import settings
    import store
    from bench.home import ROOT

    settings.DB_PATH, settings.OPEN_BROWSING = path, True
    store.connection.clear()
    store.query.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    done = threading.Event()

    def work():
        while not done.is_set():
            background()

    thread = threading.Thread(target=work, daemon=True) if background else None
    if thread:
        thread.start()
    times, end = [], time.perf_counter() + seconds
    while time.perf_counter() < end:
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    done.set()
    if thread:
        thread.join()
    store.connection().close()
    store.connection.clear()
    return times
