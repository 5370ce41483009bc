"""The upload worker process (``python -m uploads.worker``), started by ``uploads.sandbox``: it imports the readers
once, then for each job forks a child that sets its resource limits, runs the job and writes the result back.

Jobs arrive on stdin and replies leave on stdout as length-prefixed frames. A job is a header (pickled: memory
limit in MB, CPU seconds, wall seconds) and a body the worker never unpickles itself (the function, its arguments
and the exceptions that are refusals): only the child does, so nothing of one upload stays in the worker. The
worker is single-threaded, so forking it is safe (forking the multi-threaded server would not be); a fresh child
per job means no state or memory of one file reaches the next. The reply is (exit code of the child, whether it
was killed at the wall-time limit, the child's pickled (outcome, payload)).
"""

from __future__ import annotations

import os
import pickle
import resource
import select
import signal
import struct
import sys
import time
import traceback

MB = 2**20
MAX_RESULT_MB = 512  # a checked 100,000-row file pickles to ~20 MB
LENGTH = struct.Struct("<Q")


def read_frame(stream) -> bytes | None:
    """One length-prefixed frame from a binary stream, or None at its end."""
    head = stream.read(LENGTH.size)
    if len(head) < LENGTH.size:
        return None
    size = LENGTH.unpack(head)[0]
    data = stream.read(size)
    return data if len(data) == size else None


def write_frame(stream, data: bytes) -> None:
    stream.write(LENGTH.pack(len(data)))
    stream.write(data)
    stream.flush()


def main() -> None:
    import exports.offload  # noqa: F401  (imported once here: every child starts with them)
    import exports.pdf_file  # noqa: F401
    import exports.pptx_file  # noqa: F401
    import exports.tables  # noqa: F401
    import geo.static_map  # noqa: F401
    import uploads.files  # noqa: F401
    import uploads.name_list  # noqa: F401
    import uploads.validate  # noqa: F401

    requests = sys.stdin.buffer
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print() cannot corrupt the replies
    while True:
        header, body = read_frame(requests), read_frame(requests)
        if header is None or body is None:
            return  # the server closed the pipe: it has stopped
        memory_mb, cpu_seconds, wall_seconds = pickle.loads(header)
        write_frame(
            replies,
            pickle.dumps(_serve(body, memory_mb, cpu_seconds, wall_seconds, (requests.fileno(), replies.fileno()))),
        )


def _serve(
    body: bytes, memory_mb: int, cpu_seconds: int, wall_seconds: float, server_pipes: tuple[int, int]
) -> tuple[int, bool, bytes]:
    """Fork a child for one job, collect what it writes until it exits or the wall-time limit passes."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: it never speaks to the server itself
        os.close(read_end)
        for fd in server_pipes:
            os.close(fd)
        _child(write_end, body, memory_mb, cpu_seconds)
    os.close(write_end)
    chunks, deadline, killed = [], time.monotonic() + wall_seconds, False
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([read_end], [], [], left)[0]:
            os.kill(pid, signal.SIGKILL)
            killed = True
            break
        chunk = os.read(read_end, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read_end)
    status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    return status, killed, b"" if killed else b"".join(chunks)


def _child(out: int, body: bytes, memory_mb: int, cpu_seconds: int) -> None:
    """In the forked child: limits first, then the job; one pickled (outcome, payload) written to ``out``."""
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MB, memory_mb * MB))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))  # SIGXCPU, then SIGKILL
        refusals: tuple = ()
        try:
            function, args, refusals = pickle.loads(body)
            result = ("ok", function(*args))
        except refusals as refused:
            result = ("refused", (type(refused), str(refused)))
        except MemoryError:
            result = ("memory", None)
        except BaseException:  # noqa: BLE001  (the server logs it under an incident id)
            result = ("error", traceback.format_exc())
        try:
            data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = pickle.dumps(("memory", None))
        if len(data) > MAX_RESULT_MB * MB:
            data = pickle.dumps(("too_large", None))
        view = memoryview(data)
        while view:
            view = view[os.write(out, view) :]
    finally:
        os._exit(0)


if __name__ == "__main__":
    main()
