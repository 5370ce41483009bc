"""The app's log: one JSON object per line (python-json-logger), to stdout and, when ``ANHUI_MAP_LOG_FILE`` is set,
to a rotating file as well.

Every line has ``time`` (ISO 8601 with the offset), ``level``, ``logger``, ``message`` and ``event``; the events:

- ``start``: version, backend, address and the settings (secrets and passwords never written);
- ``page``: a page run — ``page``, ``user``, ``ms``;
- ``write``: a change to the store — ``action``, ``user``, ``batch``, ``file``, ``outcome`` (成功, or 拒绝 with the
  ``reason``);
- ``incident``: an unexpected error — ``incident`` (the id the user was shown), ``where``, ``user`` and the
  traceback in ``exc_info``;
- ``store``: the store unreachable or back (PostgreSQL), a read copy refreshed.

``grep '"incident": "3f9a1c2e"'`` finds what a user reported; ``jq`` reads the rest.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from pythonjsonlogger.json import JsonFormatter

import settings

NAME = "anhui_map"
FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s"
SECRET_WORDS = ("PASSWORD", "SECRET")


def formatter() -> JsonFormatter:
    return JsonFormatter(
        FIELDS,
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        datefmt="%Y-%m-%dT%H:%M:%S%z",
        json_ensure_ascii=False,
    )


def setup(level: str | None = None, file: str | None = None, stream=None) -> logging.Logger:
    """The app's logger with its handlers (idempotent: a second call replaces them, for tests and the admin command);
    ``stream``: instead of stdout."""
    log = logging.getLogger(NAME)
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()
    handlers: list[logging.Handler] = [logging.StreamHandler(stream or sys.stdout)]
    file = settings.LOG_FILE if file is None else file
    if file:
        Path(file).parent.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                file, maxBytes=settings.LOG_FILE_MB * 1024 * 1024, backupCount=settings.LOG_FILE_COUNT, encoding="utf-8"
            )
        )
    for handler in handlers:
        handler.setFormatter(formatter())
        log.addHandler(handler)
    log.setLevel((level or settings.LOG_LEVEL).upper())
    log.propagate = False  # Streamlit's own loggers keep their format on stderr
    return log


log = logging.getLogger(NAME)
if not log.handlers:
    setup()


def event(
    name: str, message: str = "", level: int = logging.INFO, exc_info: BaseException | None = None, **fields
) -> None:
    """One log line of event ``name`` with ``fields`` (``None`` values left out; ``exc_info``: its traceback)."""
    log.log(
        level,
        message or name,
        exc_info=exc_info,
        extra={"event": name, **{k: v for k, v in fields.items() if v is not None}},
    )


def write(action: str, user: str | None, outcome: str = "成功", **fields) -> None:
    """A change to the store, or a refused attempt (``outcome`` 拒绝, ``reason``)."""
    event(
        "write",
        action,
        logging.INFO if outcome == "成功" else logging.WARNING,
        action=action,
        user=user or "-",
        outcome=outcome,
        **fields,
    )


def public_settings() -> dict[str, object]:
    """The settings as the start-up line shows them: no password or secret, the database URL without its password."""
    from queries import postgres

    shown: dict[str, object] = {}
    for name in dir(settings):
        value = getattr(settings, name)
        if not name.isupper() or callable(value) or isinstance(value, type(settings)):
            continue
        if any(word in name for word in SECRET_WORDS):
            value = "（已设置）" if value else ""
        elif name == "DATABASE_URL" and value:
            value = postgres.describe(value)
        shown[name] = str(value) if isinstance(value, Path) else value
    return shown
