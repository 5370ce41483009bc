"""Each named query against the demo store, with answers known from the data."""

import pytest

import queries


def test_county_metrics_one_row_per_county(con):
    rows = queries.run(con, "county_metrics", year=2023)
    assert len(rows) == 104 and rows.adcode.is_unique
    changfeng = rows.set_index("adcode").loc["340121"]
    assert changfeng["name"] == "长丰县" and changfeng.city == "合肥市" and changfeng.region == "皖中"
    assert changfeng.leading_industry == "新能源汽车及零部件"
    assert changfeng.cluster_revenue == pytest.approx(700)
    assert changfeng.clusters_100 == 1
    assert rows.cluster_revenue.sum() == pytest.approx(7916.1)
    assert rows.clusters_100.sum() == 23


def test_county_metrics_honour_counts_grow_with_year(con):
    early = queries.run(con, "county_metrics", year=2019).set_index("adcode")
    late = queries.run(con, "county_metrics", year=2025).set_index("adcode")
    assert (late.srdi >= early.srdi).all() and late.srdi.sum() > early.srdi.sum()
    expected = con.execute(
        "select count(distinct uscc) from enterprise_honours join enterprises using (uscc) where adcode = '340881'"
        " and year <= 2025 and honour in ('专精特新中小企业', '专精特新“小巨人”')"
    ).fetchone()[0]
    assert late.srdi["340881"] == expected


def test_tier_counts_by_region_sum_to_province(con):
    total = queries.run(con, "tier_counts", year=2023, region=None, city=None).iloc[0]
    parts = [queries.run(con, "tier_counts", year=2023, region=r, city=None).iloc[0] for r in ("皖北", "皖中", "皖南")]
    assert sum(p.clusters for p in parts) == total.clusters
    assert sum(p.revenue for p in parts) == pytest.approx(total.revenue)
    hefei = queries.run(con, "tier_counts", year=2023, region=None, city="340100").iloc[0]
    assert hefei.clusters_500 == 1  # 长丰 (700); 肥西 450 and 肥东 410 are 300–500


def test_policy_targets_cite_their_documents(con):
    targets = queries.run(con, "policy_targets")
    by_id = targets.set_index("target_id")
    assert by_id.loc["t2025_clusters_100", "value"] == 35
    assert by_id.loc["t2027_clusters_100_000", "value"] == 50 and by_id.loc["t2027_clusters_100_001", "value"] == 45
    assert by_id.loc["t2027_clusters_100_000", "source_title"].startswith("培优育强")
    assert targets.source_doc.isin(["000", "001", "002"]).all()


def test_county_clusters_of_wuwei(con):
    rows = queries.run(con, "county_clusters", adcode="340281", year=2023)
    assert list(rows.industry) == ["电线电缆", "羽毛羽绒"]
    assert rows.tier.tolist()[0] == "百亿级"
    assert rows.firms_above_scale.tolist()[0] == 107  # published
    assert rows.revenue_source_kind.tolist()[0] == "示例生成"


def test_county_clusters_source_of_published_revenue(con):
    rows = queries.run(con, "county_clusters", adcode="340881", year=2023)
    assert rows.revenue.tolist() == [202.87]
    assert rows.revenue_source_kind.tolist() == ["公开报道"]


def test_county_honour_counts_lists_all_honours(con):
    rows = queries.run(con, "county_honour_counts", adcode="340881", year=2023)
    assert len(rows) == 9
    counts = rows.set_index("honour").enterprises
    direct = con.execute(
        "select count(*) from enterprise_honours join enterprises using (uscc) where adcode = "
        "'340881' and honour = '国家高新技术企业' and year <= 2023"
    ).fetchone()[0]
    assert counts["国家高新技术企业"] == direct
    assert counts["制造业单项冠军"] >= 1


def test_county_revenue_trend(con):
    rows = queries.run(con, "county_revenue_trend", adcode="341881")
    assert rows.year.tolist() == list(range(2019, 2026))
    assert rows.set_index("year").revenue[2022] == 345.08


def test_small_lookups(con):
    assert len(queries.run(con, "cities")) == 16
    assert queries.run(con, "data_years").year.tolist() == list(range(2019, 2026))
