"""Each process's read copy of a PostgreSQL store (queries.replica): the copy holds what PostgreSQL holds; a refresh
copies only the tables that changed, rebuilds the search index on them, and installs them whole or not at all; with
PostgreSQL away the copy keeps serving what it had and says so. Against a real PostgreSQL."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

import queries
from queries import postgres, replica
from tests.conftest import drop_database, new_database


@pytest.fixture()
def pg(pg_accounts_template):
    """A private PostgreSQL copy of the demo store with accounts: (connection, pool)."""
    name = new_database(pg_accounts_template)
    pool = postgres.open_pool(f"dbname={name}", size=3)
    yield postgres.Connection(pool), pool
    pool.close()
    drop_database(name)


def counts(con, tables) -> dict[str, int]:
    return {t: int(con.execute(f'select count(*) from "{t}"').fetchone()[0]) for t in sorted(tables)}


def test_the_copy_holds_every_versioned_table_as_postgresql_has_it(pg):
    con, pool = pg
    copy = replica.Replica(pool)
    copied = copy.refresh()
    assert set(copied) == queries.tables(con) - {"schema_version", *replica.NOT_COPIED}
    assert counts(copy.cursor(), copied) == counts(con, copied)
    enterprises = "select uscc, name, revenue, above_scale, lon from enterprises order by uscc"
    pd.testing.assert_frame_equal(
        copy.cursor().execute(enterprises).df(), con.execute(enterprises).df(), check_dtype=False
    )
    for table in replica.NOT_COPIED:  # read from PostgreSQL only: a read of them on the copy fails loudly
        with pytest.raises(Exception, match=table):
            copy.cursor().execute(f"select * from {table}")
    assert copy.refresh() == [] and replica.ready(copy) is None  # nothing changed, nothing copied


def test_a_refresh_copies_what_changed_and_rebuilds_the_search(pg):
    con, pool = pg
    copy = replica.Replica(pool)
    copy.refresh()
    version = copy.version
    uscc = con.execute("select min(uscc) from enterprises").fetchone()[0]
    con.execute("update enterprises set name = '副本刷新测试有限公司' where uscc = $u", {"u": uscc})
    con.execute("update users set display_name = '不复制' where username = 'tc'")  # not copied: no refresh
    assert copy.refresh() == ["enterprises"] and copy.version == version + 1
    found = queries.run(copy.cursor(), "enterprise_search", year=2025, text="副本刷新测试", limit=10, offset=0)
    assert found.uscc.tolist() == [uscc]
    assert copy.refresh() == [] and copy.version == version + 1  # a second refresh of the same state: nothing


def test_a_failing_install_leaves_the_copy_as_it_was(pg, monkeypatch):
    con, pool = pg
    copy = replica.Replica(pool)
    copy.refresh()
    before = counts(copy.cursor(), ["enterprises", "clusters"])
    con.execute("delete from enterprises where adcode = '340881'")
    con.execute("update clusters set name = name || '（改）' where adcode = '340881'")
    real = replica.Replica._dump

    def broken(self, folder):  # the second table's file damaged after the first was dumped
        dumped, versions = real(self, folder)
        dumped["enterprises"][0].write_text("not,a,row\n")
        return dumped, versions

    monkeypatch.setattr(replica.Replica, "_dump", broken)
    with pytest.raises(duckdb.Error):  # the damaged file does not parse: nothing installed
        copy.refresh()
    assert counts(copy.cursor(), ["enterprises", "clusters"]) == before
    assert not copy.cursor().execute("select count(*) from clusters where name like '%（改）'").fetchone()[0]
    monkeypatch.setattr(replica.Replica, "_dump", real)
    assert set(copy.refresh()) >= {"enterprises", "clusters"}  # and the next refresh catches up
    assert counts(copy.cursor(), ["enterprises"]) == counts(con, ["enterprises"])


def test_without_postgresql_the_copy_serves_what_it_had_and_says_so(pg):
    con, pool = pg
    copy = replica.Replica(pool)
    copy.refresh()
    clusters = counts(copy.cursor(), ["clusters"])
    pool.close()  # as if PostgreSQL went away
    copy.start(0.05)
    try:
        for _ in range(100):
            if copy.error is not None:
                break
            copy._stop.wait(0.05)
        assert copy.error is not None and replica.ready(copy).startswith("数据副本未能刷新")
        assert counts(copy.cursor(), ["clusters"]) == clusters
    finally:
        copy.stop()
