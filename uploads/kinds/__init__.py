"""The upload kinds, registered in one place (``REGISTRY``). A module of this package describes one kind whole: its
template sheets and columns, its rules, the rows it stages in ``batch_*`` tables, the key and fields of its diff
against confirmed data, and its publish and rollback steps. A new kind is a new module plus its line here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

import queries
from uploads import spec


class Conflict(ValueError):
    """A batch that cannot be published as it stands (e.g. its firms are registered in another county), in Chinese."""


@dataclass(frozen=True)
class Kind:
    name: str  # as users see it, and the name of its main sheet
    sheets: tuple[spec.Template, ...]  # the template's data sheets, the main one first
    check: Callable  # (year, sheets, context, problems) -> uploads.problems.Checked: the kind's rules
    staged: Callable  # (batch_id, checked) -> {batch table: rows}
    diff_key: tuple[str, str]  # (field, its label) that identifies a row in the diff
    diff_fields: dict[str, str]  # field -> label, compared in the diff
    proposed: Callable  # (checked) -> the rows the upload would confirm, for the diff
    submitted: Callable  # (con, batch_id) -> the same rows of a stored batch
    confirmed: Callable  # (con, adcode, year) -> the county's confirmed rows they would replace
    publish: Callable  # (con, batch, source_id): the batch's rows replace the county's (caller's transaction)
    rollback: Callable  # (con, batch): what a confirmed batch replaced is put back (caller's transaction)
    prefill: Callable  # (con, adcode, year) -> Prefill: the county's confirmed rows as its template starts with them

    @property
    def columns(self) -> tuple[spec.Column, ...]:
        return self.sheets[0].columns


@dataclass(frozen=True)
class Prefill:
    """A template's rows before the filer edits them: per sheet name, a frame by column key (``spec.Column.key``;
    yes/no columns as booleans, 区县 as the county's name), and a line saying where they come from."""

    sheets: dict[str, pd.DataFrame]
    note: str


def replace_county(con, batch: pd.Series, table: str, source_id: str) -> None:
    """Publish a batch whose rows replace the county's rows of ``table`` whole (项目库, 人才库): the county's rows
    kept for a rollback (``publish_snapshot_<table>``), removed (``county_<table>_delete``) and the batch's put in
    (``publish_<table>``), in the caller's transaction."""
    batch_id, adcode = int(batch.batch_id), batch.adcode
    queries.run(con, f"publish_snapshot_{table}", batch_id=batch_id, adcode=adcode)
    queries.run(con, f"county_{table}_delete", adcode=adcode)
    queries.run(con, f"publish_{table}", batch_id=batch_id, adcode=adcode, source_id=source_id)


def restore_county(con, batch: pd.Series, table: str) -> None:
    """Roll back a batch published by ``replace_county``: the county's rows of ``table`` as they were before it."""
    queries.run(con, f"county_{table}_delete", adcode=batch.adcode)
    queries.run(con, f"rollback_restore_{table}", batch_id=int(batch.batch_id))


def empty(columns) -> pd.DataFrame:
    """No rows, with ``columns`` (what a kind's ``proposed`` returns for an upload with no good row)."""
    return pd.DataFrame(columns=list(columns))


def _registry() -> dict[str, Kind]:
    from uploads.kinds import clusters, enterprises, projects, talents  # the kinds, in the order the page offers them

    return {kind.name: kind for kind in (clusters.KIND, enterprises.KIND, projects.KIND, talents.KIND)}


REGISTRY: dict[str, Kind] = _registry()
NAMES = tuple(REGISTRY)


def get(name: str) -> Kind:
    """The kind named ``name``; ValueError for any other name."""
    if name not in REGISTRY:
        raise ValueError(f"unknown upload kind {name!r}; expected one of {NAMES}")
    return REGISTRY[name]


def split(checked) -> dict[str, object]:
    """A checked province-wide upload (``Checked`` with rows of many counties) as one ``Checked`` per county, in
    adcode order: each table's rows of that county (by its ``adcode`` column, or, for a table without one such as
    the honours, by the 统一社会信用代码 of the county's firms)."""
    from uploads.problems import Checked

    main_name = next(iter(checked.tables))
    main = checked.tables[main_name]
    out = {}
    for adcode in sorted(main.adcode.dropna().unique()):
        own = main[main.adcode == adcode]
        tables = {}
        for name, table in checked.tables.items():
            if "adcode" in table:
                tables[name] = table[table.adcode == adcode]
            elif "uscc" in table and "uscc" in own:
                tables[name] = table[table.uscc.isin(set(own.uscc))]
            else:
                raise ValueError(f"{name}: no way to tell its county")
        part = Checked(checked.kind, checked.year, adcode, tables, [], rows=len(own))
        out[adcode] = part
    return out
