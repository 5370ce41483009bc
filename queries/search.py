"""The enterprise search: the conditions of ``enterprise_where.sql`` composed into a query for the filters a caller
passes (values always bound), and the in-memory search index that searches read (``search_index.sql``)."""

from __future__ import annotations

import re
from functools import cache

import duckdb

from queries.text import sql

FILTER_MARK = "/* enterprise filters */"
RANK_MARK = "/* match_rank */"
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
# Parameters a caller may leave out (they default to null): the second list of a places filter, e.g. a county
# list without cities (queries/enterprise_where.sql).
OPTIONAL = ("cities", "not_adcodes", "not_cities")
_COMMENT = re.compile(r"--[^\n]*")  # a parameter named in a comment is not one the statement uses


@cache
def conditions(name: str = "enterprise_where") -> dict[str, str]:
    """The condition blocks of ``queries/NAME.sql`` by filter name (each block starts with ``-- @name``)."""
    blocks: dict[str, list[str]] = {}
    current = None
    for line in sql(name).splitlines():
        if match := re.match(r"--\s*@([a-z_]+)\s*$", line):
            current = match.group(1)
            blocks[current] = []
        elif current and not line.lstrip().startswith("--"):
            blocks[current].append(line.strip())
    return {k: " ".join(v) for k, v in blocks.items()}


def compose(text: str, params: dict) -> tuple[str, dict]:
    """``text`` with its enterprise-filter marker replaced by the conditions of the filters given (not None), and
    the parameters the result uses. A filter that is not used is not in the SQL at all.

    Pinyin initials (``initials``) extend the name search (``text``), whose condition they replace; and they order
    the matches by how well they match (``match_rank``, queries/enterprise_match_rank.sql).
    """
    if FILTER_MARK in text:
        available = conditions()
        active = [k for k in available if params.get(k) is not None]
        if "initials" in active and "text" in active:
            active.remove("text")
        clause = " and ".join(f"({available[k]})" for k in active) or "true"
        text = text.replace(FILTER_MARK, clause)
        rank = f"({sql('enterprise_match_rank')})" if "initials" in active else "0"
        text = text.replace(RANK_MARK, rank)
    used = set(_PARAM.findall(_COMMENT.sub("", text)))
    params = {k: None for k in OPTIONAL if k in used} | params
    missing = used - set(params)
    if missing:
        raise KeyError(f"parameters {sorted(missing)} are missing")
    return text, {k: params[k] for k in used}


SEARCH_INDEX = "search_index"  # the in-memory catalog of queries/search_index.sql


def build_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build the enterprise search index (``queries/search_index.sql``) in memory from the store.

    Call it after every change to enterprises or their honours: searches read the index, not the tables. Every
    cursor of ``con`` sees it (an attached catalog is shared; a temporary table would not be). On PostgreSQL there is
    nothing to do here: the index is built in each process's read copy when it refreshes (``queries.replica``).
    """
    if getattr(con, "backend", "duckdb") == "postgresql":
        return
    con.execute(f"attach if not exists ':memory:' as {SEARCH_INDEX}")
    con.execute(sql("search_index"))
