"""Demo-data invariants: published facts reproduced exactly, provenance on every figure, plausible rest."""

import pandas as pd
import pytest
from stdnum.cn import uscc

import queries
from data import demo
from data.vocab import HONOURS


def revenue(con, year):
    return con.execute(
        "select c.adcode, c.industry, f.value, s.kind from cluster_figures f join clusters c using (cluster_id)"
        " join sources s using (source_id) where f.year = $y and f.indicator = 'revenue'",
        {"y": year},
    ).df()


def test_every_county_and_kind(con):
    kinds = con.execute("select kind, count(*) from regions where level = '区县' group by kind").fetchall()
    assert dict(kinds) == {"市辖区": 45, "县级市": 9, "县": 50}
    assert con.execute("select count(*) from regions where level = '市'").fetchone() == (16,)
    assert con.execute("select count(distinct adcode) from leading_industries").fetchone() == (104,)


@pytest.mark.parametrize("year,clusters,total", [(2022, 72, 7275.6), (2023, 72, 7916.1)])
def test_province_totals_match_published(con, year, clusters, total):
    counts = queries.run(con, "tier_counts", year=year, region=None, city=None).iloc[0]
    assert counts.clusters == clusters
    assert counts.revenue == pytest.approx(total, abs=0.005)


def test_2023_tiers_match_published(con):
    counts = queries.run(con, "tier_counts", year=2023, region=None, city=None).iloc[0]
    assert counts.clusters_100 == 23
    assert counts.clusters_500 == 2
    assert counts.clusters_300_500 == 6


def test_published_figures_stored_exactly_with_source(con):
    facts = pd.read_csv(demo.DATA_DIR / "public_facts.csv", dtype={"adcode": str})
    for fact in facts.itertuples():
        row = con.execute(
            "select f.value, s.kind, s.title from cluster_figures f join clusters c using (cluster_id)"
            " join sources s using (source_id) where c.adcode = $a and c.industry = $i and f.year = $y"
            " and f.indicator = $n",
            {"a": fact.adcode, "i": fact.industry, "y": fact.year, "n": fact.indicator},
        ).fetchone()
        assert row == (fact.value, "公开报道", fact.title)


def test_every_figure_has_a_provenance(con):
    orphans = con.execute(
        "select count(*) from cluster_figures f left join sources s using (source_id) where s.kind is null"
    ).fetchone()[0]
    assert orphans == 0
    kinds = dict(
        con.execute(
            "select s.kind, count(*) from cluster_figures join sources s using (source_id) group by 1"
        ).fetchall()
    )
    assert kinds["示例生成"] > 1000 and kinds["公开报道"] == 16


def test_published_honours_of_tongcheng(con):
    counts = dict(
        con.execute(
            "select h.honour, count(*) from enterprise_honours h join enterprises e using (uscc)"
            " join clusters c using (cluster_id) where c.adcode = '340881' and c.industry = '绿色包装' group by 1"
        ).fetchall()
    )
    assert counts["制造业单项冠军"] == 1
    assert counts["专精特新“小巨人”"] == 3
    assert counts["专精特新中小企业"] == 13
    kinds = con.execute(
        "select s.kind, count(*) from enterprise_honours h join enterprises e using (uscc) join sources s"
        " on s.source_id = h.source_id join clusters c using (cluster_id)"
        " where c.adcode = '340881' and c.industry = '绿色包装' and h.honour = '专精特新中小企业' group by 1"
    ).fetchall()
    assert kinds == [("示例生成", 13)]  # the count is published, the firms holding it are synthetic
    detail = con.execute(
        "select distinct s.title || ' ' || s.detail from enterprise_honours h join enterprises e using (uscc)"
        " join sources s on s.source_id = h.source_id join clusters c using (cluster_id)"
        " where c.adcode = '340881' and c.industry = '绿色包装' and h.honour = '专精特新中小企业'"
    ).fetchall()
    assert len(detail) == 1 and "公开报道" in detail[0][0] and "示例生成" in detail[0][0]  # the document is named
    orphans = con.execute(
        "select count(*) from enterprise_honours h left join sources s using (source_id) where s.kind is null"
    ).fetchone()[0]
    assert orphans == 0


def test_enterprises_plausible(demo_tables):
    enterprises = demo_tables["enterprises"]
    assert len(enterprises) >= 5000
    assert enterprises.uscc.is_unique and enterprises.name.is_unique
    assert all(uscc.is_valid(code) for code in enterprises.uscc)
    assert (enterprises.uscc.str[2:8] == enterprises.adcode).all()
    assert enterprises.adcode.nunique() == 104
    honours = demo_tables["enterprise_honours"]
    share = honours.honour.value_counts() / len(enterprises)
    assert set(share.index) == set(HONOURS)
    assert share["国家高新技术企业"] > share["专精特新中小企业"] > share["专精特新“小巨人”"] > share["独角兽企业"]


def test_enterprises_lie_in_their_county(demo_tables):
    import geopandas as gpd

    from geo import boundaries

    enterprises = demo_tables["enterprises"].sample(500, random_state=0)
    points = gpd.GeoDataFrame(
        enterprises, geometry=gpd.points_from_xy(enterprises.lon, enterprises.lat), crs="EPSG:4326"
    )
    joined = points.sjoin(boundaries.counties()[["adcode", "geometry"]], how="left", predicate="within")
    # rounding to 5 decimals can move a point on the very border; allow a handful
    assert (joined.adcode_left == joined.adcode_right).mean() > 0.99


def test_every_industry_has_a_chain(demo_tables):
    industries = set(demo_tables["clusters"].industry) | set(demo_tables["enterprises"].industry)
    assert industries <= set(demo_tables["chains"].industry)
    links = demo_tables["enterprises"].link_id.str[:3]
    chain_of = demo_tables["chains"].set_index("industry").chain_id
    assert (links == demo_tables["enterprises"].industry.map(chain_of)).all()


def test_demo_is_deterministic(demo_tables):
    again = demo.build()
    for name, table in demo_tables.items():
        pd.testing.assert_frame_equal(table.reset_index(drop=True), again[name].reset_index(drop=True))


def test_dataset_kind_is_demo(con):
    assert queries.run(con, "dataset_kind").kind[0] == "demo"


def test_cluster_names_do_not_repeat_a_word(demo_tables):
    names = demo_tables["clusters"].name
    assert "歙县茶产业集群" in set(names)  # (issue 19: was "歙县茶产业产业集群")
    assert not names.str.contains("产业产业").any(), names[names.str.contains("产业产业")].tolist()


def test_no_synthetic_firm_holds_an_honour_labelled_public(con):
    """A 示例生成 firm with a 公开报道 honour (a 单项冠军, say) would claim a report that does not exist (issue 19)."""
    claimed = con.execute(
        "select count(*) from enterprise_honours h join enterprises e using (uscc)"
        " join sources fs on fs.source_id = e.source_id join sources hs on hs.source_id = h.source_id"
        " where fs.kind = '示例生成' and hs.kind = '公开报道'"
    ).fetchone()[0]
    assert claimed == 0
