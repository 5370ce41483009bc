"""Documents the province keeps in numbered versions: the 汇报模式 deck and the 赛马评价 configuration. Until the
province saves one, its file in ``config/`` is version 1; saving writes the next version (the user's action checked
first, the save audited, all in one transaction) and every version is kept. What a document holds and how it is
checked is its own module's business (``records.deck``, ``records.evaluation_config``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import queries
from records import access, audit


@dataclass(frozen=True)
class Document:
    latest: str  # the query giving the latest saved version: version, saved_at, saved_by, body
    insert: str  # the query storing one: $version, $saved_at, $saved_by, $body
    action: str  # the access action that saving takes
    event: str  # the audit event of a save


DECK = Document("presentation_deck_latest", "presentation_deck_insert", "edit_deck", "修改汇报页")
EVALUATION = Document("evaluation_config_latest", "evaluation_config_insert", "configure_evaluation", "修改评价配置")


def latest(con, document: Document) -> tuple[int, Any] | None:
    """The latest saved version of ``document`` as (version, body parsed from JSON); None while only the file
    exists."""
    saved = queries.run(con, document.latest)
    if saved.empty:
        return None
    return int(saved.version.iloc[0]), json.loads(saved.body.iloc[0])


def save(con, username: str, document: Document, body: Callable[[int], Any], detail: Callable[[int], str]) -> int:
    """Store the next version of ``document``; returns its number.

    ``body(version)`` gives what to store (JSON-serialisable) and ``detail(version)`` the audit line. Raises
    ``access.PermissionDenied`` when ``username`` may not take the document's action; nothing is written then.
    """
    access.require(con, username, document.action)
    with queries.transaction(con):
        queries.lock(con, "versions")  # two editors in two processes get versions n and n + 1, not both n
        found = latest(con, document)
        version = (found[0] if found else 1) + 1
        queries.run(
            con,
            document.insert,
            version=version,
            saved_at=datetime.now(),
            saved_by=username,
            body=json.dumps(body(version), ensure_ascii=False),
        )
        audit.record(con, username, document.event, detail=detail(version))
    return version
