"""The server as a process: it opens its store before serving, so a second process on one DuckDB file (or a store
that cannot be opened) stops at once with a Chinese message instead of answering health checks and failing every
page; ``/readyz`` says whether this process can query its store, under the base path too."""

import shutil
import subprocess
import urllib.error
import urllib.request

import duckdb
import pytest

import queries
from harness.browser import ROOT, free_port, server_command, server_env, start_server
from server import routes, startup

START_TIMEOUT = 90  # seconds


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def refused_start(db_path, *args, env=None) -> subprocess.CompletedProcess:
    """Start a server that should refuse to start; its exit code and output."""
    port = free_port()
    result = subprocess.run(
        server_command(port, *args),
        cwd=ROOT,
        env=server_env(db_path, env),
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT,
    )
    with pytest.raises(OSError):  # nothing ever answered on its port
        urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
    return result


def test_a_second_process_on_one_duckdb_file_refuses_to_start(store_path, tmp_path):
    copy = tmp_path / "one.duckdb"
    shutil.copy(store_path, copy)
    port = free_port()
    first = start_server(copy, port)
    try:
        assert get(f"http://127.0.0.1:{port}/readyz") == (200, "ready")
        second = refused_start(copy)
        assert second.returncode == startup.EXIT_CODE
        assert f"无法启动：数据库文件 {copy} 已被进程 {first.pid} 打开" in second.stderr
        assert "ANHUI_MAP_DATABASE_URL" in second.stderr
        assert get(f"http://127.0.0.1:{port}/readyz") == (200, "ready")  # the first serves on, unharmed
    finally:
        first.terminate()
        first.wait(10)


def test_a_store_that_cannot_be_opened_stops_the_start_with_its_reason(tmp_path):
    (tmp_path / "not-a-database.duckdb").write_bytes(b"PK\x03\x04 this is a zip file, not DuckDB")
    result = refused_start(tmp_path / "not-a-database.duckdb")
    assert result.returncode == startup.EXIT_CODE
    assert f"无法启动：数据库 {tmp_path / 'not-a-database.duckdb'} 打不开" in result.stderr


@pytest.mark.parametrize(
    ("url", "where"),
    [
        ("postgresql://anhui:s3cret@127.0.0.1:1/nowhere", "127.0.0.1:1/nowhere"),  # nothing listens there
        ("dbname=no_such_database_here", "/no_such_database_here"),  # the test's PostgreSQL, a database it lacks
    ],
)
def test_a_wrong_database_url_stops_the_start_with_its_reason(tmp_path, url, where):
    result = refused_start(tmp_path / "unused.duckdb", env={"ANHUI_MAP_DATABASE_URL": url})
    assert result.returncode == startup.EXIT_CODE
    assert "无法启动：连不上 PostgreSQL 数据库" in result.stderr and where in result.stderr
    assert "s3cret" not in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "unused.duckdb").exists()  # no DuckDB file made instead


def test_readyz_answers_under_the_base_path(store_path, tmp_path):
    copy = tmp_path / "base.duckdb"
    shutil.copy(store_path, copy)
    port = free_port()
    process = start_server(copy, port, args=("--server.baseUrlPath", "anhui"), base="anhui")
    try:
        assert get(f"http://127.0.0.1:{port}/anhui/readyz") == (200, "ready")
        assert get(f"http://127.0.0.1:{port}/readyz")[0] == 404
    finally:
        process.terminate()
        process.wait(10)


def test_the_readiness_check_says_why_a_store_cannot_serve(store_path, tmp_path):
    shutil.copy(store_path, tmp_path / "demo.duckdb")
    demo = queries.connect(tmp_path / "demo.duckdb")
    assert routes.check(demo.cursor) == (200, "ready")
    empty = queries.connect(tmp_path / "empty.duckdb")  # migrated, no data
    assert routes.check(empty.cursor) == (503, "未就绪：数据库中没有区县数据")
    empty.close()
    assert routes.check(empty.cursor) == (503, "未就绪：数据库无法查询（ConnectionException）")


def test_the_refusal_names_the_holder_when_duckdb_does():
    lock = duckdb.IOException(
        'Could not set lock on file "/srv/a.duckdb": Conflicting lock is held in '
        "/usr/bin/python3.11 (PID 4242) by user app."
    )
    assert startup.refusal(lock, "/srv/a.duckdb").startswith("无法启动：数据库文件 /srv/a.duckdb 已被进程 4242 打开。")
    assert "已被另一个进程打开" in startup.refusal(duckdb.IOException("Could not set lock on file"), "/srv/a.duckdb")
