"""Untrusted upload bytes are read and validated in a child process with memory, CPU-time and wall-time limits.

A reader can be made to abort its process (a native allocation fails), to take minutes or gigabytes; in the server
process that would disconnect, stall or swell every user. Each job runs in a fresh child forked by a worker process
(``uploads.worker``: a clean, single-threaded interpreter started once with the readers imported, so a child
starts in milliseconds; forking the multi-threaded server itself would be unsafe). The child sets its own
``RLIMIT_AS`` and ``RLIMIT_CPU``, the worker kills it at the wall-time limit, and every way it can end becomes a
Chinese message naming the files. The calling thread only waits on a pipe (no interpreter lock held), so other
users are not slowed; at most ``settings.UPLOAD_WORKERS`` jobs run at once per server process.

``multiprocessing`` is not used: its children re-run the parent's ``__main__`` first, and under Streamlit that is
the app script itself.
"""

from __future__ import annotations

import atexit
import os
import pickle
import queue
import select
import signal
import subprocess
import sys
import threading
import time

import settings
from uploads import files, validate, worker
from uploads.context import Context
from uploads.package import Limits
from uploads.problems import Checked

_IDLE: queue.LifoQueue = queue.LifoQueue()  # started workers waiting for a job
_SLOTS = threading.BoundedSemaphore(max(1, settings.UPLOAD_WORKERS))
_ALL: set = set()  # every worker process started, to stop them at exit
_SPARE = 10  # seconds more than the wall-time limit before the server gives up on a worker itself


class WorkerFailed(files.UnreadableFile):
    """The job was killed or ran out of time or memory; the message names the files."""


class WorkerBug(RuntimeError):
    """The job raised an unexpected exception (its traceback in the message), or the worker process failed: a bug,
    which the app records as an incident (``components.incidents``), not a fault of the file."""


def check(
    kind: str, year: int, uploads: list[tuple[str, bytes]], context: Context, limits: Limits | None = None
) -> Checked:
    """``files.read`` and ``validate.check`` of ``uploads`` in a worker process under the limits of ``settings``.

    Raises ``files.UnreadableFile`` for a file refused by a reader or a limit, ``WorkerFailed`` when the job is
    killed or runs out of time or memory (both name the files), ``WorkerBug`` for a bug.
    """
    return run(
        _read_and_check,
        (kind, year, uploads, context, limits or Limits.current()),
        "、".join(name for name, _ in uploads),
    )


def _read_and_check(kind, year, uploads, context, limits) -> Checked:
    sheets = [sheet for name, data in uploads for sheet in files.read(name, data, limits)]
    return validate.check(kind, year, sheets, context)


def warm() -> None:
    """Start a worker in the background (~1 s), e.g. when the upload page opens, so the first file waits less."""
    if _IDLE.empty() and len(_ALL) < max(1, settings.UPLOAD_WORKERS):
        threading.Thread(target=lambda: _IDLE.put(_Worker()), daemon=True, name="upload-worker-start").start()


def run(
    function,
    args: tuple,
    names: str,
    memory_mb: int | None = None,
    cpu_seconds: int | None = None,
    wall_seconds: int | None = None,
    refusals: tuple[type[Exception], ...] = (files.UnreadableFile,),
    busy: str | None = None,
):
    """``function(*args)`` in a fresh child process (a module-level function; picklable arguments and result).
    Exceptions of ``refusals`` (built from a message alone) are raised again here; a killed job is
    ``WorkerFailed``, an unexpected exception ``WorkerBug``; ``busy`` is the message when no worker frees up in
    time (default: the uploads' own)."""
    memory_mb = memory_mb or settings.UPLOAD_WORKER_MEMORY_MB
    cpu_seconds = cpu_seconds or settings.UPLOAD_WORKER_CPU_SECONDS
    wall_seconds = wall_seconds or settings.UPLOAD_WORKER_WALL_SECONDS
    if not _SLOTS.acquire(timeout=wall_seconds):
        raise WorkerFailed(busy or f"{names}：服务器正在校验其他文件，请稍后重试。")
    try:
        header = pickle.dumps((memory_mb, cpu_seconds, wall_seconds))
        body = pickle.dumps((function, args, refusals), protocol=pickle.HIGHEST_PROTOCOL)
        status, killed, data = _call(header, body, wall_seconds + _SPARE, names)
    finally:
        _SLOTS.release()
    if killed:
        raise WorkerFailed(
            f"{names}：处理超过 {wall_seconds} 秒仍未完成，已中止。文件可能过大或结构异常，请拆分或另存后重试。"
        )
    if not data:
        raise WorkerFailed(_death(names, status, memory_mb, cpu_seconds))
    outcome, payload = pickle.loads(data)
    if outcome == "ok":
        return payload
    if outcome == "refused":
        kind, message = payload
        raise kind(message)
    if outcome == "memory":
        raise WorkerFailed(_memory(names, memory_mb))
    if outcome == "too_large":
        raise WorkerFailed(f"{names}：校验结果超过 {worker.MAX_RESULT_MB} MB，请拆分文件后重试。")
    raise WorkerBug(f"{names}: the upload worker failed\n{payload}")


def _call(header: bytes, body: bytes, timeout: float, names: str) -> tuple[int, bool, bytes]:
    """One job on an idle worker (started if none is idle); a worker that fails is stopped and replaced."""
    try:
        process = _IDLE.get_nowait()
    except queue.Empty:
        process = _Worker()
    try:
        reply = process.call(header, body, timeout)
    except (OSError, EOFError, TimeoutError, pickle.UnpicklingError, ValueError) as error:
        process.stop()
        raise WorkerBug(f"{names}: the upload worker process failed ({error!r})") from error
    _IDLE.put(process)
    return reply


def _memory(names: str, memory_mb: int) -> str:
    return (
        f"{names}：读取所需内存超过 {memory_mb:,} MB 的上限，已中止。文件可能结构异常，请在 Excel 或 WPS 中另存后重试。"
    )


def _death(names: str, status: int, memory_mb: int, cpu_seconds: int) -> str:
    """The message for a child that ended without answering, by its exit code (-N: killed by signal N)."""
    if status == -signal.SIGXCPU:
        return f"{names}：处理用时超过 {cpu_seconds} 秒的上限，已中止。请拆分文件或另存后重试。"
    if status in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS):  # a native reader failing to allocate
        return _memory(names, memory_mb)
    if status == -signal.SIGKILL:  # the kernel's out-of-memory killer, or an operator
        return f"{names}：校验进程被系统终止（通常是服务器内存不足），文件未被接受。请稍后重试。"
    return f"{names}：校验进程意外结束（退出码 {status}），文件未被接受。请另存后重试。"


class _Worker:
    """One ``python -m uploads.worker`` process in its own session (so that stopping it stops its children)."""

    def __init__(self):
        # one thread each for the numeric libraries; a native reader that aborts prints one line, not a backtrace
        env = {
            **os.environ,
            "OMP_NUM_THREADS": "1",
            "OPENBLAS_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "RUST_BACKTRACE": "0",
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uploads.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=settings.ROOT,
            env=env,
            start_new_session=True,
        )
        _ALL.add(self)

    def call(self, header: bytes, body: bytes, timeout: float) -> tuple[int, bool, bytes]:
        worker.write_frame(self.process.stdin, header)
        worker.write_frame(self.process.stdin, body)
        deadline = time.monotonic() + timeout
        reply = bytearray()
        size = None
        out = self.process.stdout.fileno()
        while size is None or len(reply) < size + worker.LENGTH.size:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([out], [], [], left)[0]:
                raise TimeoutError("the upload worker did not answer in time")
            chunk = os.read(out, 1 << 20)
            if not chunk:
                raise EOFError("the upload worker ended")
            reply += chunk
            if size is None and len(reply) >= worker.LENGTH.size:
                size = worker.LENGTH.unpack_from(reply)[0]
        return pickle.loads(bytes(reply[worker.LENGTH.size :]))

    def stop(self) -> None:
        _ALL.discard(self)
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except OSError:
            pass
        self.process.wait()


@atexit.register
def _stop_all() -> None:
    for process in list(_ALL):
        process.stop()
