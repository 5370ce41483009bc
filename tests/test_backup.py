"""Export → restore round trip of the whole store; only the administrator; a damaged archive changes nothing."""

from __future__ import annotations

import io
import zipfile

import pytest

import queries
from records import access, backup, batches
from tests.test_workflow import county_list, submit_list

SNAPSHOT = ["enterprises", "enterprise_honours", "clusters", "cluster_figures", "users", "batches"]


def contents(con) -> dict:
    return {t: con.execute(f'select * from "{t}" order by all').df() for t in SNAPSHOT}


def test_export_restore_round_trip(db):
    before = contents(db)
    archive = backup.export_zip(db, "admin")
    names = zipfile.ZipFile(io.BytesIO(archive)).namelist()
    assert "manifest.json" in names and "enterprises.parquet" in names
    edited = county_list(db)
    edited.loc[0, "企业名称"] = "恢复前的新名称有限公司"
    batch = submit_list(db, edited)
    batches.city_review(db, "aq", batch, approve=True)
    batches.province_review(db, "prov", batch, approve=True)
    assert not contents(db)["enterprises"].equals(before["enterprises"])

    counts = backup.restore_zip(db, "admin", archive)
    after = contents(db)
    for table in SNAPSHOT:
        assert after[table].equals(before[table]), table
    assert counts["enterprises"] == len(before["enterprises"])
    assert queries.run(db, "enterprise_search", year=2025, text="恢复前的新名称", limit=5, offset=0).empty
    # ids keep counting above the restored ones
    again = submit_list(db, county_list(db))
    assert again > batch
    assert queries.run(db, "audit_events", limit=1).action.iloc[0] == "提交"


def test_only_the_administrator_exports_or_restores(db):
    with pytest.raises(access.PermissionDenied):
        backup.export_zip(db, "prov")
    archive = backup.export_zip(db, "admin")
    with pytest.raises(access.PermissionDenied):
        backup.restore_zip(db, "view", archive)


def test_a_damaged_archive_changes_nothing(db):
    before = contents(db)
    archive = backup.export_zip(db, "admin")
    with pytest.raises(backup.RestoreError, match="不是本系统导出的备份文件"):
        backup.restore_zip(db, "admin", b"not a zip", "x.zip")
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.namelist():
            data = source.read(item)
            target.writestr(item, data[: len(data) // 2] if item == "users.parquet" else data)
    with pytest.raises(backup.RestoreError, match="已损坏"):
        backup.restore_zip(db, "admin", broken.getvalue(), "broken.zip")
    after = contents(db)
    assert all(after[t].equals(before[t]) for t in SNAPSHOT)


def test_an_archive_that_would_exhaust_memory_is_refused_in_the_worker(db):
    """A zip bomb posing as a backup: refused from its zip directory, in the worker, and nothing changes."""
    from harness import hostile_files as hostile

    before = contents(db)
    bomb = hostile._zip({"manifest.json": b" " * 50_000_000})
    with pytest.raises(backup.RestoreError, match="bomb.zip：部件 manifest.json 的压缩比为"):
        backup.restore_zip(db, "admin", bomb, "bomb.zip")
    after = contents(db)
    assert all(after[t].equals(before[t]) for t in SNAPSHOT)


def test_every_sequence_is_set_above_its_restored_ids(db, accounts_store, tmp_path):
    """A sequence left out of backup.SEQUENCES would hand out, in a store restored from a backup, an id that a
    restored row already has."""
    import shutil
    from datetime import date

    from records import recognition

    names = set(db.execute("select sequence_name from duckdb_sequences()").df().sequence_name)
    assert names == set(backup.SEQUENCES)
    first = recognition.open_campaign(
        db, "admin", 2026, date(2026, 10, 8), date(2026, 10, 20), 20, today=date(2026, 10, 8)
    )
    archive = backup.export_zip(db, "admin")
    shutil.copy(accounts_store, tmp_path / "fresh.duckdb")  # a new installation: its sequences start at 1
    fresh = queries.connect(tmp_path / "fresh.duckdb")
    backup.restore_zip(fresh, "admin", archive)
    second = recognition.open_campaign(
        fresh, "admin", 2027, date(2026, 10, 8), date(2027, 10, 20), 20, today=date(2026, 10, 8)
    )
    assert second == first + 1
    fresh.close()
