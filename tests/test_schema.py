"""Schema migrations: a new file gets the latest schema, an old-version file is upgraded without loss."""

import duckdb
import pytest

import queries


def test_new_store_is_at_latest_version(tmp_path):
    con = queries.connect(tmp_path / "new.duckdb")
    assert queries.schema_version(con) == queries.LATEST_VERSION
    assert {"regions", "clusters", "cluster_figures", "enterprises", "chains", "targets", "sources"} <= queries.tables(
        con
    )
    assert queries.migrate(con) == []  # idempotent


def test_old_version_file_upgrades_without_loss(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    assert queries.migrate(con, target=1) == [1]
    con.execute("insert into sources values ('s1', '上报数据', '某县2023年报', null)")
    con.execute("insert into regions values ('340281', '无为市', '区县', '340200', '皖南', '县级市')")
    con.execute(
        "insert into clusters values ('C1', '340281', '无为市电线电缆产业集群', '电线电缆', true, '国家级', 2019,"
        " true, true, true, false, true)"
    )
    con.execute("insert into cluster_figures values ('C1', 2023, 'revenue', 275.5, 's1')")
    assert "enterprises" not in queries.tables(con)
    con.close()

    upgraded = queries.connect(path)
    assert queries.schema_version(upgraded) == queries.LATEST_VERSION
    assert "enterprises" in queries.tables(upgraded)
    assert upgraded.execute("select cluster_id, year, value, source_id from cluster_figures").fetchall() == [
        ("C1", 2023, 275.5, "s1")
    ]
    assert upgraded.execute("select name from clusters").fetchall() == [("无为市电线电缆产业集群",)]


def test_failed_migration_rolls_back(tmp_path, monkeypatch):
    bad = tmp_path / "9999_broken.sql"
    bad.write_text("create table half_done (x integer); select * from no_such_table;")
    real = queries.migrations()
    from queries import schema

    monkeypatch.setattr(schema, "migrations", lambda: real + [(9999, "broken", bad)])
    con = queries.connect(tmp_path / "s.duckdb")  # reaches the latest real version
    with pytest.raises(duckdb.Error):
        queries.migrate(con, target=9999)
    assert queries.schema_version(con) == queries.LATEST_VERSION
    assert "half_done" not in queries.tables(con)


def test_insert_frames_is_all_or_nothing(tmp_path):
    import pandas as pd

    con = queries.connect(tmp_path / "s.duckdb")
    good = pd.DataFrame({"key": ["a"], "value": ["1"]})
    bad = pd.DataFrame({"source_id": ["x"], "kind": ["不存在的类别"], "title": ["t"], "detail": [None]})
    with pytest.raises(duckdb.Error):
        queries.insert_frames(con, {"meta": good, "sources": bad})
    assert con.execute("select count(*) from meta").fetchone() == (0,)
    with pytest.raises(KeyError):
        queries.insert_frames(con, {"meta; drop table meta": good})


def test_query_names_are_whitelisted():
    with pytest.raises(ValueError):
        queries.sql("../etc/passwd")
    with pytest.raises(FileNotFoundError):
        queries.sql("no_such_query")


def test_tier_macro_matches_python_bands(tmp_path):
    from data.vocab import tier

    con = queries.connect(tmp_path / "s.duckdb")
    for revenue in (0, 99.99, 100, 299.99, 300, 499.99, 500, 999.99, 1000, 5000):
        assert con.execute("select tier($r)", {"r": revenue}).fetchone()[0] == tier(revenue)
    assert tier(100) == "百亿级" and tier(99.99) == "百亿以下"


def test_figure_views_pivot_every_indicator_row(con):
    """cluster_figures_wide has one row per cluster and year, each figure equal to its indicator row; the views
    list exactly the upload template's indicators (a new indicator in the template fails here until the views
    have it); views are not tables (insert_frames and backups never see them)."""
    from uploads.kinds import clusters

    columns = [row[0] for row in con.execute("describe cluster_figures_wide").fetchall()]
    assert columns == ["cluster_id", "year", *clusters.INDICATORS, "revenue_source_id"]
    batch_columns = [row[0] for row in con.execute("describe batch_cluster_figures_wide").fetchall()]
    assert batch_columns == ["batch_id", "cluster_name", *clusters.INDICATORS]
    long = con.execute("select cluster_id, year, indicator, value, source_id from cluster_figures").df()
    wide = con.execute("select * from cluster_figures_wide").df()
    assert len(wide) == len(long[["cluster_id", "year"]].drop_duplicates()) > 400
    melted = wide.melt(id_vars=["cluster_id", "year"], value_vars=list(clusters.INDICATORS), var_name="indicator")
    merged = long.merge(melted.dropna(), on=["cluster_id", "year", "indicator"], how="outer", indicator=True)
    assert (merged._merge == "both").all() and (merged.value_x == merged.value_y).all()
    revenue = long[long.indicator == "revenue"].merge(wide, on=["cluster_id", "year"])
    assert (revenue.source_id == revenue.revenue_source_id).all()
    assert not {"cluster_figures_wide", "batch_cluster_figures_wide"} & queries.tables(con)
