"""An import killed in the middle (SIGKILL, no clean-up) leaves the store consistent with the previous data: a
submission being stored, and a confirmation replacing a county's rows. On the DuckDB file (killed on a copy, then
reopened) and on PostgreSQL (killed while it holds its transaction and the workflow lock)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap

import pytest

import queries
from records import batches
from tests.conftest import ROOT
from tests.test_workflow import county_list, live, submit_list

CHILD = textwrap.dedent("""
    import sys, time
    from datetime import datetime
    sys.path.insert(0, {root!r})
    import queries
    from records import batches
    {connect}
    batch = batches._batch(con, {batch})
    with queries.transaction(con):
        queries.lock(con, "workflow")
        batches._publish(con, batch, datetime.now())  # the county's rows replaced, not yet committed
        print("replaced", flush=True)
        time.sleep(120)  # killed here
""")


SUBMIT_CHILD = textwrap.dedent("""
    import sys, time
    from datetime import datetime
    sys.path.insert(0, {root!r})
    import queries
    from records import batches
    from uploads import files, spec
    {connect}
    data = open({upload!r}, "rb").read()
    checked = batches.check_upload(con, "tc", spec.ENTERPRISES, 2025, [("名录.csv", data)])
    with queries.transaction(con):
        queries.lock(con, "workflow")
        batch = queries.run(con, "batch_insert", kind=checked.kind, year=2025, adcode=checked.adcode,
                            file_name="名录.csv", file_sha256=files.sha256(data), row_count=checked.rows,
                            submitted_by="tc", now=datetime.now()).batch_id.iloc[0]
        queries.insert_frames(con, batches._staged(int(batch), checked), transaction=False)
        print("staged", flush=True)
        time.sleep(120)  # killed here
""")


@pytest.fixture()
def db(any_db):
    return any_db


def killed_on(db, tmp_path, template: str, marker: str, **values):
    """Run ``template`` in a child process on a copy of ``db`` (DuckDB) or on ``db`` itself (PostgreSQL), kill it at
    ``marker``; returns the store to check, as a new process would open it."""
    if queries.is_postgres(db):
        connect = f"from queries import postgres; con = postgres.Connection(postgres.open_pool({db.pool.conninfo!r}))"
        killed(template.format(root=str(ROOT), connect=connect, **values), marker)
        return db.cursor()
    path = tmp_path / "killed.duckdb"
    db.execute("checkpoint")
    shutil.copy(
        db.execute("select path from duckdb_databases() where database_name = current_database()").fetchone()[0], path
    )
    killed(template.format(root=str(ROOT), connect=f"con = queries.connect({str(path)!r})", **values), marker)
    return queries.connect(path)  # recovers from its write-ahead log


def killed(script: str, marker: str) -> None:
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == marker
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    assert child.returncode == -signal.SIGKILL


def test_a_submission_killed_mid_transaction_leaves_no_trace(db, tmp_path):
    from tests.test_workflow import csv_of

    upload = tmp_path / "名录.csv"
    upload.write_bytes(csv_of(county_list(db)))
    reopened = killed_on(db, tmp_path, SUBMIT_CHILD, "staged", upload=str(upload))
    assert queries.run(reopened, "batches", year=None, statuses=None).empty
    assert reopened.execute("select count(*) from batch_enterprises").fetchone()[0] == 0


def test_a_publish_killed_mid_transaction_leaves_the_previous_data(db, tmp_path):
    edited = county_list(db)
    edited["营业收入（亿元）"] = "1.23"
    batch = submit_list(db, edited)
    batches.city_review(db, "aq", batch, approve=True)
    before = live(db)
    reopened = killed_on(db, tmp_path, CHILD, "replaced", batch=batch)
    assert live(reopened).equals(before)
    assert queries.run(reopened, "batch", batch_id=batch).status.iloc[0] == "市级通过"
    assert reopened.execute("select count(*) from snapshot_enterprises").fetchone()[0] == 0
    batches.province_review(reopened, "prov", batch, approve=True)  # and the step can simply be taken again
    assert set(live(reopened).revenue) == {1.23}
