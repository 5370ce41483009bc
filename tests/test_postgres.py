"""The same numbered migrations bring PostgreSQL (Debian's, started by ./test.sh with pg_virtualenv) and DuckDB to
the same schema: the same tables and views, the same columns in the same order with the same types and nullability,
the same primary keys, and the same revenue bands from tier(). Runs against a real PostgreSQL, never a mock."""

from __future__ import annotations

import os

import psycopg
import pytest

import queries
from queries import postgres

TYPES = {
    "character varying": "VARCHAR",
    "text": "VARCHAR",
    "integer": "INTEGER",
    "double precision": "DOUBLE",
    "boolean": "BOOLEAN",
    "timestamp without time zone": "TIMESTAMP",
    "date": "DATE",
    "json": "JSON",
    "bigint": "BIGINT",
}
COLUMNS = """select table_name, column_name, ordinal_position, {type}, is_nullable
             from information_schema.columns where table_schema = {schema} order by table_name, ordinal_position"""
KEYS = """select tc.table_name, kcu.column_name from information_schema.table_constraints tc
          join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name
           and kcu.table_name = tc.table_name
          where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = {schema} order by 1, 2"""
TABLES = "select table_name, table_type from information_schema.tables where table_schema = {schema} order by 1"


@pytest.fixture()
def pg():
    if not os.environ.get("PGHOST"):
        pytest.fail("no PostgreSQL: ./test.sh runs the suite inside pg_virtualenv, which sets PGHOST")
    with psycopg.connect("", autocommit=True) as con:
        con.execute("drop schema public cascade; create schema public")
        yield con


def test_postgresql_and_duckdb_get_the_same_schema(pg, tmp_path):
    assert postgres.migrate(pg) == [v for v, _, _ in queries.migrations()]
    assert postgres.migrate(pg) == [] and postgres.schema_version(pg) == queries.LATEST_VERSION
    duck = queries.connect(tmp_path / "same.duckdb")

    def rows(con, query, **parts):
        return [tuple(r) for r in con.execute(query.format(**parts)).fetchall()]

    pg_columns = [
        (t, c, n, TYPES.get(ty, ty), null)
        for t, c, n, ty, null in rows(pg, COLUMNS, type="data_type", schema="'public'")
    ]
    duck_columns = rows(duck, COLUMNS, type="data_type", schema="'main'")
    assert pg_columns == duck_columns and len(pg_columns) > 100
    assert rows(pg, KEYS, schema="'public'") == rows(duck, KEYS, schema="'main'")
    assert rows(pg, TABLES, schema="'public'") == rows(duck, TABLES, schema="'main'")


@pytest.mark.parametrize(
    ("revenue", "band"),
    [(99.99, "百亿以下"), (100, "百亿级"), (300, "300–500亿级"), (500, "500亿级"), (1000, "千亿级")],
)
def test_tier_is_the_same_function_on_both(pg, tmp_path, revenue, band):
    postgres.migrate(pg)
    duck = queries.connect(tmp_path / "tier.duckdb")
    assert pg.execute("select tier(%s)", [revenue]).fetchone()[0] == band
    assert duck.execute("select tier(?)", [revenue]).fetchone()[0] == band


def test_a_failing_migration_leaves_postgresql_at_the_previous_version(pg, tmp_path, monkeypatch):
    bad = tmp_path / "9999_broken.sql"
    bad.write_text("create table half_done (x integer); select * from no_such_table;")
    real = queries.migrations()
    monkeypatch.setattr(postgres, "migrations", lambda: real + [(9999, "broken", bad)])
    with pytest.raises(psycopg.Error):
        postgres.migrate(pg, target=9999)
    assert postgres.schema_version(pg) == 0  # the whole call is one transaction: nothing was applied
    postgres.migrate(pg)  # the real ones alone
    assert postgres.schema_version(pg) == queries.LATEST_VERSION
    assert pg.execute("select to_regclass('half_done')").fetchone()[0] is None


def test_named_queries_translate_to_psycopg_placeholders():
    assert postgres.translate("select * from t where a = $adcode and b like '%x%' and c = $year") == (
        "select * from t where a = %(adcode)s and b like '%%x%%' and c = %(year)s"
    )
