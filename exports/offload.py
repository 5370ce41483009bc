"""Building a file to download in a worker process (the upload worker of ``uploads.sandbox``, which forks a fresh
child per job), so that a large .xlsx, a PDF or a map image does not hold the serving interpreter: other users'
pages keep running while it is built. The data is read in the server (the worker cannot open the store); only the
building moves."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from uploads import sandbox


def _apply(function: Callable, args: tuple, kwargs: dict):
    return function(*args, **kwargs)


def call(function: Callable, *args, what: str, **kwargs):
    """``function(*args, **kwargs)`` computed in a worker child (a module-level function, picklable arguments and
    result). Raises ``sandbox.WorkerFailed`` (in Chinese, naming ``what``) when the job is killed or runs out of
    time or memory, ``sandbox.WorkerBug`` for an exception in ``function``."""
    return sandbox.run(
        _apply, (function, args, kwargs), what, refusals=(), busy=f"{what}：服务器正在处理其他文件，请稍后重试。"
    )


def offloaded(function: Callable, what: str) -> Callable:
    """``function`` as a callable that runs in a worker child (e.g. the map renderer handed to the briefing)."""
    return partial(call, function, what=what)
