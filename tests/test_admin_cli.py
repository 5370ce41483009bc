"""./admin.sh (server/admin.py), run as a separate process as an administrator runs it: check, backup with
retention, restore (also of an older schema's backup, migrated forward; also from PostgreSQL into a DuckDB file),
migrate with a backup first, reset-password for a lost administrator password, create-admin; a DuckDB file held by
a running server is refused with a Chinese reason and left alone."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import queries
from records import accounts, backup
from tests.conftest import ROOT, drop_database, new_database


def admin(*args: str, db: Path | None = None, url: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "ANHUI_MAP_DB": str(db or "/nonexistent/none.duckdb"), "ANHUI_MAP_DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "server.admin", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture()
def store(accounts_store, tmp_path) -> Path:
    path = tmp_path / "store.duckdb"
    shutil.copy(accounts_store, path)
    return path


def rows(path: Path, table: str) -> pd.DataFrame:
    con = duckdb.connect(str(path), read_only=True)
    try:
        frame = con.execute(f'select * from "{table}"').df()
    finally:
        con.close()
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


def test_check_says_each_requirement(store):
    result = admin("check", db=store)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"✓ 数据库可用：DuckDB 文件 {store}" in result.stdout
    assert f"✓ 数据库版本 {queries.LATEST_VERSION}" in result.stdout and "✓ 区县数据 104 个" in result.stdout
    assert "✓ 字体 Noto Sans CJK SC" in result.stdout and "✓ Leaflet 静态文件" in result.stdout
    missing = admin("check", db=store.parent / "missing.duckdb")
    assert missing.returncode == 1 and "✗ 数据库：数据库文件" in missing.stdout and "不存在" in missing.stdout


def test_a_file_held_by_a_running_server_is_refused_and_left_alone(store, tmp_path):
    before = store.read_bytes()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(120)",
            str(store),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        for command in (["backup", "--dir", str(tmp_path / "b")], ["reset-password", "admin"], ["migrate"]):
            result = admin(*command, db=store)
            assert result.returncode == 2 and "正被" in result.stderr and "占用" in result.stderr, result.stderr
            assert "Traceback" not in result.stderr
        assert "正被运行中的服务占用" in admin("check", db=store).stdout
    finally:
        holder.kill()
        holder.wait()
    assert store.read_bytes() == before and not (tmp_path / "b").exists()


def test_backup_keeps_the_newest_and_restore_brings_them_back(store, tmp_path):
    folder = tmp_path / "backups"
    for _ in range(3):
        result = admin("backup", "--dir", str(folder), "--keep", "2", db=store)
        assert result.returncode == 0 and "✓ 已备份到" in result.stdout, result.stderr
        time.sleep(1.1)  # (archives are named by the second)
    kept = sorted(folder.glob("anhui-map-*.zip"))
    assert len(kept) == 2 and oct(folder.stat().st_mode & 0o777) == "0o700"
    assert oct(kept[0].stat().st_mode & 0o777) == "0o600"
    before = rows(store, "enterprises")
    con = duckdb.connect(str(store))
    con.execute("delete from enterprises")
    con.close()
    assert admin("restore", str(kept[-1]), db=store).returncode == 2  # no --yes: nothing done
    assert rows(store, "enterprises").empty
    result = admin("restore", str(kept[-1]), "--yes", db=store)
    assert result.returncode == 0 and "✓ 已从" in result.stdout, result.stderr
    assert rows(store, "enterprises").equals(before)
    con = duckdb.connect(str(store), read_only=True)
    actors = set(con.execute("select username from audit_log where action in ('导出全库', '恢复全库')").df().username)
    con.close()
    assert len(actors) == 1 and next(iter(actors)).startswith("命令行（")
    assert '"event": "write"' in result.stderr and '"action": "恢复全库"' in result.stderr  # the log, on stderr


def old_backup(demo_tables, version: int) -> bytes:
    """A backup archive as a store at schema ``version`` made it: the demo data in the tables and columns that
    version had."""
    con = duckdb.connect()
    queries.migrate(con, version)
    for table in sorted(queries.tables(con)):
        if table in demo_tables:
            columns = set(con.execute(f'select * from "{table}" limit 0').df().columns)
            frame = demo_tables[table][[c for c in demo_tables[table].columns if c in columns]]
            con.register("incoming", frame)
            con.execute(f'insert into "{table}" by name select * from incoming')
            con.unregister("incoming")
    archive = backup.export_archive(con, record=False)
    con.close()
    return archive


def test_a_backup_of_an_older_schema_is_migrated_forward(demo_tables, tmp_path):
    version = 6  # before accounts, the workflow, evaluation configs, decks, figure views and sessions
    archive = tmp_path / "old.zip"
    archive.write_bytes(old_backup(demo_tables, version))
    assert json.loads(zipfile.ZipFile(io.BytesIO(archive.read_bytes())).read("manifest.json"))["schema_version"] == 6
    target = tmp_path / "new.duckdb"  # a new server: restore creates the file
    result = admin("restore", str(archive), "--yes", db=target)
    assert result.returncode == 0, result.stdout + result.stderr
    con = duckdb.connect(str(target), read_only=True)
    try:
        assert queries.run(con, "schema_version").version[0] == queries.LATEST_VERSION
        assert con.execute("select count(*) from enterprises").fetchone()[0] == len(demo_tables["enterprises"])
        detail = con.execute("select detail from audit_log where action = '恢复全库'").fetchone()[0]
    finally:
        con.close()
    assert f"由数据库版本 6 升级到 {queries.LATEST_VERSION}" in detail
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as source, zipfile.ZipFile(newer, "w") as out:
        for name in source.namelist():
            data = source.read(name)
            if name == "manifest.json":
                data = json.dumps({**json.loads(data), "schema_version": queries.LATEST_VERSION + 1}).encode()
            out.writestr(name, data)
    refused = admin("restore", str(newer), "--yes", db=target)
    assert refused.returncode == 2 and "请先升级本系统再恢复" in refused.stderr


def test_migrate_takes_a_backup_first_and_other_commands_wait_for_it(demo_tables, tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    queries.migrate(con, 10)
    con.close()
    backups = tmp_path / "backups"
    waiting = admin("backup", "--dir", str(backups), db=path)
    assert waiting.returncode == 2 and "请先运行 ./admin.sh migrate" in waiting.stderr
    result = admin("migrate", "--dir", str(backups), db=path)
    assert result.returncode == 0, result.stderr
    assert [p.name.endswith("-before-migration-10.zip") for p in backups.iterdir()] == [True]
    assert f"已从版本 10 迁移到 {queries.LATEST_VERSION}" in result.stdout
    con = duckdb.connect(str(path), read_only=True)
    assert queries.run(con, "schema_version").version[0] == queries.LATEST_VERSION
    con.close()
    assert "无需迁移" in admin("migrate", "--dir", str(backups), db=path).stdout


def test_a_lost_administrator_password_is_reset_from_the_command_line(store):
    result = admin("reset-password", "admin", db=store)
    assert result.returncode == 0, result.stderr
    password = result.stdout.split("临时密码：")[1].split()[0]
    con = queries.connect(store)
    try:
        reset = queries.run(con, "audit_events", limit=1).iloc[0]
        assert reset.action == "重置密码" and reset.username.startswith("命令行（")
        assert accounts.login(con, "admin", password).must_change_password
    finally:
        con.close()
    unknown = admin("reset-password", "nobody", db=store)
    assert unknown.returncode == 2 and "用户 nobody 不存在" in unknown.stderr
    created = admin("create-admin", "admin2", "--name", "信息中心", db=store)
    assert created.returncode == 0, created.stderr
    con = queries.connect(store)
    try:
        user = accounts.login(con, "admin2", created.stdout.split("临时密码：")[1].split()[0])
        assert user.role == "省级管理员" and user.must_change_password
    finally:
        con.close()


def test_a_postgresql_store_is_backed_up_while_served_and_restores_into_a_duckdb_file(
    pg_accounts_template, store, tmp_path
):
    name = new_database(pg_accounts_template)
    try:
        url = f"dbname={name}"
        assert admin("check", url=url).returncode == 0
        result = admin("backup", "--dir", str(tmp_path / "b"), url=url)
        assert result.returncode == 0, result.stderr
        archive = next((tmp_path / "b").glob("*.zip"))
        target = tmp_path / "from-postgresql.duckdb"
        restored = admin("restore", str(archive), "--yes", db=target)
        assert restored.returncode == 0, restored.stderr
        for table in ("enterprises", "clusters", "users"):
            assert len(rows(target, table)) == len(rows(store, table)), table
        back = admin("restore", str(archive), "--yes", url=url)  # and into PostgreSQL again
        assert back.returncode == 0, back.stderr
    finally:
        drop_database(name)


def test_an_upgrade_backs_the_store_up_before_migrating_it(store, tmp_path, monkeypatch):
    """The server's start on a store of an older version (an upgrade): the store as it was is in the backup folder
    first; a current store is not backed up at every start."""
    import settings
    import store as app_store

    monkeypatch.setattr(settings, "BACKUP_DIR", tmp_path / "backups")
    monkeypatch.setattr(settings, "DATABASE_URL", "")
    con = duckdb.connect(str(store))
    con.execute("delete from schema_version where version = (select max(version) from schema_version)")
    for table in ("projects", "batch_projects", "snapshot_projects", "talents", "batch_talents", "snapshot_talents"):
        con.execute(f"drop table {table}")  # what the last migration (0015) created (it also rebuilt batches)
    con.close()
    before = rows(store, "enterprises")
    opened = app_store.open_store(store)
    try:
        assert queries.run(opened, "schema_version").version[0] == queries.LATEST_VERSION
    finally:
        opened.close()
    saved = list((tmp_path / "backups").iterdir())
    assert [p.name.endswith(f"-before-migration-{queries.LATEST_VERSION - 1}.zip") for p in saved] == [True]
    manifest = json.loads(zipfile.ZipFile(saved[0]).read("manifest.json"))
    assert manifest["schema_version"] == queries.LATEST_VERSION - 1 and "projects" not in manifest["tables"]
    assert manifest["tables"]["enterprises"] == len(before)
    app_store.open_store(store).close()
    assert len(list((tmp_path / "backups").iterdir())) == 1
