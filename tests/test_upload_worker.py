"""The upload worker: whatever a file makes the reader do (abort, allocate, spin, hang, fail), the process that
serves users carries on, unswollen, and the user reads a Chinese message naming the file."""

from __future__ import annotations

import threading

import pytest

import settings
from harness import hostile_files as hostile
from records import batches
from uploads import files, sandbox, spec


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


def test_a_reader_that_aborts_its_process_is_a_message_and_the_server_carries_on():
    """The file of cells at A1 and XFD1048576, given to the reader with no limit checked first: the reader asks for
    549 GB and aborts its process. Here that process is the worker."""
    before = rss_mb()
    with pytest.raises(sandbox.WorkerFailed) as failed:
        sandbox.run(hostile.read_unchecked, (hostile.far_cells(),), "名录.xlsx")
    assert str(failed.value) == (
        "名录.xlsx：读取所需内存超过 2,048 MB 的上限，已中止。文件可能结构异常，请在 Excel 或 WPS 中另存后重试。"
    )
    assert rss_mb() - before < 50
    assert sandbox.run(hostile.answer, (21,), "x") == 42  # and the next file is read as usual


@pytest.mark.parametrize(
    "work, limits, expected",
    [
        (hostile.allocate_forever, {"memory_mb": 600}, "名录.xlsx：读取所需内存超过 600 MB 的上限，已中止。"),
        (hostile.spin_forever, {"cpu_seconds": 1}, "名录.xlsx：处理用时超过 1 秒的上限，已中止。"),
        (hostile.sleep_forever, {"wall_seconds": 1}, "名录.xlsx：处理超过 1 秒仍未完成，已中止。"),
        (hostile.abort, {}, "名录.xlsx：读取所需内存超过 2,048 MB 的上限"),
    ],
)
def test_every_way_a_worker_can_end_badly_is_a_message_naming_the_file(work, limits, expected):
    before = rss_mb()
    with pytest.raises(sandbox.WorkerFailed, match=expected):
        sandbox.run(work, (), "名录.xlsx", **limits)
    assert rss_mb() - before < 50


def test_a_worker_killed_from_outside_is_named():
    """SIGKILL, as the kernel's out-of-memory killer ends a process."""
    with pytest.raises(sandbox.WorkerFailed, match="名录.xlsx：校验进程被系统终止（通常是服务器内存不足）"):
        sandbox.run(hostile.killed, (), "名录.xlsx")


def test_an_unexpected_error_in_the_worker_is_a_bug_with_its_traceback():
    """Not a fault of the file: raised as WorkerBug, which a page run turns into an incident id (tested with AppTest
    in test_app_workflow), the child's traceback in the server's log."""
    with pytest.raises(sandbox.WorkerBug) as bug:
        sandbox.run(hostile.fail, (), "名录.xlsx")
    assert "KeyError: 'a bug in validation'" in str(bug.value) and "hostile_files.py" in str(bug.value)


def test_workers_beyond_the_configured_number_wait_then_give_up(monkeypatch):
    monkeypatch.setattr(sandbox, "_SLOTS", threading.BoundedSemaphore(1))
    sandbox._SLOTS.acquire()  # another upload is being checked
    try:
        with pytest.raises(sandbox.WorkerFailed, match="名录.xlsx：服务器正在校验其他文件，请稍后重试。"):
            sandbox.run(hostile.answer, (1,), "名录.xlsx", wall_seconds=1)
    finally:
        sandbox._SLOTS.release()


def test_check_upload_reads_in_the_worker(db, monkeypatch):
    """Through the page's own path: with the row and column limits lifted, the far-cells file reaches the reader,
    which aborts the worker; the caller gets the message, the refusal is audited and nothing else is written."""
    monkeypatch.setattr(settings, "UPLOAD_MAX_ROWS", 2_000_000)
    monkeypatch.setattr(settings, "UPLOAD_MAX_COLUMNS", 20_000)
    data = hostile.far_cells()
    with pytest.raises(sandbox.WorkerFailed, match="far.xlsx：读取所需内存超过"):
        batches.check_upload(db, "tc", spec.ENTERPRISES, 2025, [("far.xlsx", data)])
    event = db.execute(
        "select username, action, file_name, file_sha256, detail from audit_log order by event_id desc limit 1"
    ).fetchone()
    assert event[:4] == ("tc", "上传未通过", "far.xlsx", files.sha256(data))
    assert event[4].startswith("企业名录：文件未能读取。far.xlsx：读取所需内存超过")
