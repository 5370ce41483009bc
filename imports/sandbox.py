"""Untrusted upload bytes are read and validated in a child process with memory, CPU-time and wall-time limits.

A reader can be made to abort its process (a native allocation fails), to take minutes or gigabytes; in the server
process that would disconnect, stall or swell every user. Here each upload is checked in a fresh child forked from
a *forkserver* (a clean process started once, with the readers already imported: ~10 ms a child instead of ~2 s
for a spawned interpreter; forking the multi-threaded server itself would be unsafe). The child sets its own
``RLIMIT_AS`` and ``RLIMIT_CPU``, the parent kills it at the wall-time limit, and every way it can end becomes a
Chinese message naming the files. The parent only waits on a pipe (no interpreter lock held), so other users
are not slowed; at most ``settings.UPLOAD_WORKERS`` children run at once per server process.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import pickle
import resource
import signal
import threading
import traceback

import incidents
import settings
from imports import files, validate
from imports.package import Limits

MB = 2**20
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["imports.files", "imports.validate", "imports.sandbox"])
_SLOTS = threading.BoundedSemaphore(max(1, settings.UPLOAD_WORKERS))
MAX_RESULT_MB = 512  # a checked 100,000-row file pickles to ~40 MB


class WorkerFailed(files.UnreadableFile):
    """The worker was killed, ran out of time or memory, or failed unexpectedly; the message names the files."""


def check(kind: str, year: int, uploads: list[tuple[str, bytes]], context: validate.Context,
          limits: Limits | None = None) -> validate.Checked:
    """``files.read`` and ``validate.check`` of ``uploads`` in a worker process under the limits of ``settings``.

    Raises ``files.UnreadableFile`` for a file refused by a reader or a limit, ``WorkerFailed`` when the worker
    ends otherwise; both name the files.
    """
    return run(_read_and_check, (kind, year, uploads, context, limits or Limits.current()),
               "、".join(name for name, _ in uploads))


def _read_and_check(kind, year, uploads, context, limits) -> validate.Checked:
    sheets = [sheet for name, data in uploads for sheet in files.read(name, data, limits)]
    return validate.check(kind, year, sheets, context)


def warm() -> None:
    """Start the forkserver in the background (~2 s, once per server process), e.g. when the upload page opens."""
    threading.Thread(target=multiprocessing.forkserver.ensure_running, daemon=True, name="forkserver-warm").start()


def run(function, args: tuple, names: str, memory_mb: int | None = None, cpu_seconds: int | None = None,
        wall_seconds: int | None = None, refusals: tuple[type[Exception], ...] = (files.UnreadableFile,)):
    """``function(*args)`` in a worker (a module-level function; picklable arguments and result). Exceptions of
    ``refusals`` (built from a message alone) are raised again here; any other ending is ``WorkerFailed``."""
    memory_mb = memory_mb or settings.UPLOAD_WORKER_MEMORY_MB
    cpu_seconds = cpu_seconds or settings.UPLOAD_WORKER_CPU_SECONDS
    wall_seconds = wall_seconds or settings.UPLOAD_WORKER_WALL_SECONDS
    if not _SLOTS.acquire(timeout=wall_seconds):
        raise WorkerFailed(f"{names}：服务器正在校验其他文件，请稍后重试。")
    try:
        return _run(function, args, names, memory_mb, cpu_seconds, wall_seconds, refusals)
    finally:
        _SLOTS.release()


def _run(function, args, names, memory_mb, cpu_seconds, wall_seconds, refusals):
    receive, send = _CONTEXT.Pipe(duplex=False)
    worker = _CONTEXT.Process(target=_child, args=(send, function, args, memory_mb, cpu_seconds, refusals),
                              daemon=True, name="upload-check")
    worker.start()
    send.close()
    try:
        if not receive.poll(wall_seconds):
            raise WorkerFailed(f"{names}：处理超过 {wall_seconds} 秒仍未完成，已中止。文件可能过大或结构异常，"
                               "请拆分或另存后重试。")
        outcome, payload = pickle.loads(receive.recv_bytes())
    except EOFError:  # the worker died before it could answer
        worker.join(5)
        raise WorkerFailed(_death(names, worker.exitcode, memory_mb, cpu_seconds)) from None
    finally:
        receive.close()
        if worker.is_alive():
            worker.kill()
        worker.join(5)
    if outcome == "ok":
        return payload
    if outcome == "refused":
        kind, message = payload
        raise kind(message)
    if outcome == "memory":
        raise WorkerFailed(_memory(names, memory_mb))
    if outcome == "too_large":
        raise WorkerFailed(f"{names}：校验结果超过 {MAX_RESULT_MB} MB，请拆分文件后重试。")
    incident = incidents.record(payload, "upload worker")
    raise WorkerFailed(f"{names}：校验时{incidents.message(incident)}")


def _memory(names: str, memory_mb: int) -> str:
    return f"{names}：读取所需内存超过 {memory_mb:,} MB 的上限，已中止。文件可能结构异常，请在 Excel 或 WPS 中另存后重试。"


def _death(names: str, exitcode: int | None, memory_mb: int, cpu_seconds: int) -> str:
    if exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return f"{names}：处理用时超过 {cpu_seconds} 秒的上限，已中止。请拆分文件或另存后重试。"
    if exitcode in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS):
        return _memory(names, memory_mb)
    return f"{names}：校验进程意外结束（退出码 {exitcode}），文件未被接受。请另存后重试。"


def _child(send, function, args, memory_mb: int, cpu_seconds: int, refusals) -> None:
    """In the worker: limits first, then the work; one message back: (outcome, payload)."""
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MB, memory_mb * MB))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))  # SIGXCPU, then SIGKILL
    try:
        result = ("ok", function(*args))
    except refusals as refused:
        result = ("refused", (type(refused), str(refused)))
    except MemoryError:
        result = ("memory", None)
    except BaseException:  # noqa: BLE001  (reported to the parent, which logs it under an incident id)
        result = ("error", traceback.format_exc())
    try:
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = pickle.dumps(("memory", None))
    if len(data) > MAX_RESULT_MB * MB:
        data = pickle.dumps(("too_large", None))
    send.send_bytes(data)
    send.close()
