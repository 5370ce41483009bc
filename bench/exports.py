"""Building downloads off the serving interpreter: the time of a 100,000-row .xlsx and of the 汇报材料 PDF built in
the server process and in the worker (exports.offload), and what another user's home page run takes meanwhile."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

ROUNDS = 3


def main() -> None:
    import queries
    from bench import imports as big
    from bench.uploads import _page_runs, _store
    from exports import briefing, offload, pdf_file, tables

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.duckdb"
        con = _store(path)
        frame = big.synthetic_list(con)
        selection = briefing.Selection(2025, None, None, None, metric="集群营收合计")
        content = briefing.build(lambda name, **params: queries.run(con, name, **params), selection)
        offload.call(len, "warm", what="warm-up")  # the worker process starts once per server process

        def xlsx_here() -> bytes:
            return tables.to_xlsx(frame)

        def xlsx_worker() -> bytes:
            return offload.call(tables.to_xlsx, frame, what="名单.xlsx")

        for label, build in [
            ("xlsx_100000_rows_in_the_server_process", xlsx_here),
            ("xlsx_100000_rows_in_the_worker", xlsx_worker),
            ("pdf_in_the_server_process", lambda: pdf_file.write(content)),
            ("pdf_in_the_worker", lambda: offload.call(pdf_file.write, content, what="PDF")),
        ]:
            times = []
            for _ in range(ROUNDS):
                start = time.perf_counter()
                build()
                times.append(time.perf_counter() - start)
            print(f"exports_{label}: {statistics.median(times):.2f} s (median of {ROUNDS})")
        con.close()

        for label, work in [
            ("idle", None),
            ("during_xlsx_100000_rows_in_the_server_process", xlsx_here),
            ("during_xlsx_100000_rows_in_the_worker", xlsx_worker),
        ]:
            times = _page_runs(path, work)
            print(
                f"exports_other_user_home_run_{label}: median {statistics.median(times):.0f} ms, "
                f"p95 {statistics.quantiles(times, n=20)[-1]:.0f} ms, max {max(times):.0f} ms ({len(times)} runs)"
            )
