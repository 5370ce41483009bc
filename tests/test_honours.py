"""Honour counting, density, LQ and the targets, on a hand-built store whose every answer is known by hand.

The store: one city (340100) with two counties. County A (340101) has a cluster CA (leading) and four firms,
county B (340102) has no cluster and two firms (one below 规模以上).

    firm  county  cluster  规上  honours (first year)
    a1    A       CA       yes   专精特新中小企业 2020, 国家高新技术企业 2022   ← two honours
    a2    A       CA       yes   国家高新技术企业 2024
    a3    A       CA       yes   专精特新“小巨人” 2025
    a4    A       —        yes   专精特新中小企业 2021                              ← outside any cluster
    b1    B       —        yes   国家高新技术企业 2019, 龙头/链主企业 2023
    b2    B       —        no    专精特新中小企业 2023                              ← not 规上
"""

import numpy as np
import pandas as pd
import pytest

import queries
from analysis import honours as hn
from data import pinyin
from data.vocab import HONOURS

FIRMS = [
    # uscc, adcode, cluster_id, above_scale, revenue, name
    ("A1", "340101", "CA", True, 9.0, "甲县精工电缆有限公司"),
    ("A2", "340101", "CA", True, 5.0, "甲县华鑫电缆股份有限公司"),
    ("A3", "340101", "CA", True, 3.0, '=HYPERLINK("http://x.cn","甲县电缆")'),
    ("A4", "340101", None, True, 1.0, "甲县长丰食品有限公司"),
    ("B1", "340102", None, True, 7.0, "乙县机械有限公司"),
    ("B2", "340102", None, False, 0.1, "乙县小电缆有限公司"),
]
HELD = [
    ("A1", "专精特新中小企业", 2020),
    ("A1", "国家高新技术企业", 2022),
    ("A2", "国家高新技术企业", 2024),
    ("A3", "专精特新“小巨人”", 2025),
    ("A4", "专精特新中小企业", 2021),
    ("B1", "国家高新技术企业", 2019),
    ("B1", "龙头/链主企业", 2023),
    ("B2", "专精特新中小企业", 2023),
]


@pytest.fixture()
def tiny(tmp_path):
    con = queries.connect(tmp_path / "tiny.duckdb")
    con.execute("insert into sources values ('demo', '示例生成', '测试', null)")
    con.execute("""insert into regions values
        ('340000', '安徽省', '省', null, null, '省'), ('340100', '甲市', '市', null, '皖中', '地级市'),
        ('340101', '甲县', '区县', '340100', '皖中', '县'), ('340102', '乙县', '区县', '340100', '皖中', '县')""")
    con.executemany("insert into honours values (?, ?)", [(h, i) for i, h in enumerate(HONOURS)])
    con.execute("""insert into clusters values ('CA', '340101', '甲县电线电缆产业集群', '电线电缆', true, '省级', 2020,
                   true, true, true, true, true, false, false)""")
    con.executemany(
        "insert into cluster_figures values ('CA', ?, 'revenue', ?, 'demo')",
        [(2021, 80.0), (2022, 90.0), (2024, 110.0), (2025, 120.0)],
    )
    con.execute("insert into chains values ('CH1', '电线电缆产业链', '电线电缆')")
    con.execute(
        "insert into chain_links values ('CH1-01', 'CH1', '上游', '铜导体', 1), "
        "('CH1-02', 'CH1', '中游', '电力电缆', 2)"
    )
    con.executemany(
        "insert into enterprises (uscc, name, adcode, cluster_id, industry, link_id, revenue, lon, lat,"
        " source_id, above_scale) values (?, ?, ?, ?, '电线电缆', ?, ?, 117.0, 31.0, 'demo', ?)",
        [(u, n, a, c, "CH1-02" if c else "CH1-01", r, s) for u, a, c, s, r, n in FIRMS],
    )
    pinyin.backfill(con)
    con.executemany("insert into enterprise_honours (uscc, honour, year) values (?, ?, ?)", HELD)
    con.execute("insert into sources values ('pub', '公开报道', '乙县龙头企业（报道）', null)")
    con.execute("update enterprise_honours set source_id = 'pub' where uscc = 'B1' and honour = '龙头/链主企业'")
    queries.build_search_index(con)
    yield con
    con.close()


def scope_counts(con, year):
    rows = queries.run(con, "honour_scope_counts", year=year)
    return rows.set_index(["level", "code", "honour"])


def test_a_firm_with_two_honours_counts_once_under_each(tiny):
    rows = scope_counts(tiny, 2025)
    assert rows.loc[("县区", "340101", "专精特新中小企业"), "enterprises"] == 2  # a1, a4
    assert rows.loc[("县区", "340101", "国家高新技术企业"), "enterprises"] == 2  # a1, a2
    assert rows.loc[("县区", "340101", "专精特新“小巨人”"), "enterprises"] == 1
    assert rows.loc[("县区", "340102", "国家高新技术企业"), "enterprises"] == 1
    assert rows.loc[("省", "340000", "专精特新中小企业"), "enterprises"] == 3  # a1, a4, b2
    assert rows.loc[("市", "340100", "国家高新技术企业"), "enterprises"] == 3
    assert rows.loc[("区域", "皖中", "龙头/链主企业"), "enterprises"] == 1
    assert rows.loc[("县区", "340102", "龙头/链主企业"), ["published", "generated"]].tolist() == [1, 0]
    assert rows.loc[("市", "340100", "国家高新技术企业"), ["published", "generated"]].tolist() == [0, 3]


def test_a_firm_outside_clusters_counts_for_its_county_not_a_cluster(tiny):
    rows = scope_counts(tiny, 2025)
    assert rows.loc[("县区", "340101", "专精特新中小企业"), "in_clusters"] == 1  # a1 only; a4 is outside
    cluster = queries.run(tiny, "cluster_honour_counts", year=2025).set_index("honour").enterprises
    assert cluster["专精特新中小企业"] == 1 and cluster["国家高新技术企业"] == 2 and cluster["专精特新“小巨人”"] == 1
    assert cluster["龙头/链主企业"] == 0 and len(cluster) == len(HONOURS)


def test_counts_follow_the_year_and_denominators_count_only_above_scale(tiny):
    rows = scope_counts(tiny, 2022)
    assert rows.loc[("县区", "340101", "国家高新技术企业"), "enterprises"] == 1  # a2 only from 2024
    assert rows.loc[("县区", "340101", "专精特新“小巨人”"), "enterprises"] == 0
    assert rows.loc[("县区", "340102", "国家高新技术企业"), "firms"] == 1  # b2 is not 规上
    assert rows.loc[("县区", "340102", "国家高新技术企业"), "listed"] == 2
    assert rows.loc[("省", "340000", "瞪羚企业"), "firms"] == 5
    assert len(rows.xs("县区")) == 2 * len(HONOURS)  # zero rows included
    later = scope_counts(tiny, 2024)
    assert later.loc[("县区", "340101", "国家高新技术企业"), ["enterprises", "previous"]].tolist() == [2, 1]
    assert later.loc[("省", "340000", "专精特新中小企业"), ["enterprises", "previous"]].tolist() == [3, 3]


def test_cluster_quality_counts_each_firm_once_and_by_the_year(tiny):
    row = queries.run(tiny, "cluster_quality", year=2025, start_year=2022, region=None, city=None).iloc[0]
    assert row.quality == 3  # a1 (two honours, once), a2, a3; a4 is outside the cluster
    assert row.quality_start == 1  # by 2022 only a1
    assert row.firms == 3 and bool(row.is_leading) and row.revenue == 120
    none = queries.run(tiny, "cluster_quality", year=2025, start_year=2022, region="皖北", city=None)
    assert none.empty


def test_cluster_honour_totals_are_distinct_and_cumulative(tiny):
    totals = queries.run(tiny, "cluster_honour_totals").set_index("year")
    assert list(totals.index) == [2021, 2022, 2024, 2025]
    assert totals.loc[2021, "srdi"] == 1 and totals.loc[2025, "srdi"] == 2  # a1, a3 (a4 outside)
    assert totals.loc[2022, "high_tech"] == 1 and totals.loc[2025, "high_tech"] == 2
    assert totals.loc[2025, "leaders"] == 0  # b1 leads, but outside any cluster


def test_honour_trend_is_cumulative_within_the_scope(tiny):
    trend = queries.run(tiny, "honour_trend", region=None, city=None)
    srdi = trend[trend.honour == "专精特新中小企业"].set_index("year").enterprises
    assert srdi.to_dict() == {2021: 2, 2022: 2, 2024: 3, 2025: 3}
    assert queries.run(tiny, "honour_trend", region="皖南", city=None).enterprises.sum() == 0


def test_density_and_location_quotient_by_hand():
    dens = hn.density([2, 1, 0], [4, 1, 0])
    assert dens.tolist()[:2] == [50.0, 100.0] and np.isnan(dens.iloc[2])
    lq = hn.location_quotient([2, 1], [4, 1], 3, 5)  # province: 3 of 5 = 60 per 100
    assert lq.tolist() == pytest.approx([50 / 60, 100 / 60])
    assert hn.location_quotient([1], [2], 0, 5).isna().all()


def test_with_density_uses_the_province_row_of_the_same_honour(tiny):
    rows = queries.run(tiny, "honour_scope_counts", year=2025)
    rows = hn.with_density(rows, rows[rows.level == "省"])
    a = rows[(rows.code == "340101")].set_index("honour")
    assert a.density["国家高新技术企业"] == pytest.approx(50.0)  # 2 of 4 规上
    assert a.lq["国家高新技术企业"] == pytest.approx(50.0 / 60.0)  # province 3 of 5
    assert a.lq["专精特新中小企业"] == pytest.approx(50.0 / 60.0)
    assert np.isnan(a.lq["瞪羚企业"])  # nobody in the province holds it


def test_the_floor_keeps_a_tiny_county_off_the_top():
    units = pd.DataFrame(
        {"name": ["大县", "中县", "小县", "同县"], "firms": [200, 80, 5, 80], "enterprises": [40, 20, 4, 20]}
    )
    units["density"] = hn.density(units.enterprises, units.firms)
    ranked = hn.rank(units, "density", min_firms=30)
    assert ranked.name.tolist()[-1] == "小县" and not ranked.set_index("name").ranked["小县"]
    by_name = ranked.set_index("name")["rank"]
    assert by_name["中县"] == 1 and by_name["同县"] == 1 and by_name["大县"] == 3  # ties share a rank
    assert pd.isna(by_name["小县"])
    assert hn.rank(units, "density", min_firms=0).name.iloc[0] == "小县"  # without the floor it would top


def test_quality_gaps_projection_and_pace():
    clusters = pd.DataFrame(
        {
            "cluster_id": ["A", "B", "C", "D"],
            "is_leading": [True, True, True, False],
            "quality": [25, 14, 5, 0],
            "quality_start": [19, 5, 5, 0],
        }
    )
    gaps = hn.quality_gaps(clusters, target=20, year=2025, by_year=2027, span=3).set_index("cluster_id")
    assert list(gaps.index) == ["C", "B", "A"]  # largest gap first; D is not a 首位产业集群
    assert gaps.gap.to_dict() == {"C": 15, "B": 6, "A": 0}
    assert gaps.per_year["B"] == pytest.approx(3.0) and gaps.projected["B"] == pytest.approx(20.0)
    assert bool(gaps.on_track["B"]) and not gaps.on_track["C"]
    assert gaps.needed_per_year["C"] == pytest.approx(7.5)
    status = hn.quality_status(gaps.reset_index())
    assert (status.clusters, status.met, status.projected_met, status.shortfall) == (3, 1, 2, 21)


def test_target_progress_reads_the_targets_table(tiny):
    totals = queries.run(tiny, "cluster_honour_totals")
    targets = pd.DataFrame(
        {
            "year": [2025, 2025, 2027],
            "metric": ["high_tech", "srdi", "clusters_100"],
            "value": [2, 4, 45.0],
            "wording": ["高新", "专精特新", "百亿"],
            "source_doc": ["001", "001", "001"],
        }
    )
    progress = hn.target_progress(totals, targets, 2025).set_index("metric")
    assert list(progress.index) == ["high_tech", "srdi"]
    assert progress.gap["high_tech"] == 0 and progress.share["high_tech"] == pytest.approx(1.0)
    assert progress.gap["srdi"] == 2 and progress.value["srdi"] == 2


def search(con, **filters):
    args = dict(
        year=2025,
        region=None,
        city=None,
        adcodes=None,
        cluster=None,
        member=None,
        honours=None,
        industry=None,
        link=None,
        text=None,
        initials=None,
        revenue_min=None,
        revenue_max=None,
        limit=100,
        offset=0,
    )
    return queries.run(con, "enterprise_search", **(args | filters))


def test_enterprise_search_matches_the_counts(tiny):
    counts = scope_counts(tiny, 2025)
    for code, honour in [
        ("340101", "专精特新中小企业"),
        ("340101", "国家高新技术企业"),
        ("340102", "专精特新中小企业"),
    ]:
        found = search(tiny, adcodes=[code], honours=[honour])
        assert len(found) == counts.loc[("县区", code, honour), "enterprises"]
    assert set(search(tiny, honours=["专精特新中小企业"], member=True).uscc) == {"A1"}
    assert set(search(tiny, honours=["专精特新中小企业"], member=False).uscc) == {"A4", "B2"}
    assert set(search(tiny, cluster="CA", honours=list(hn.QUALITY_HONOURS)).uscc) == {"A1", "A2", "A3"}
    assert set(search(tiny, honours=["国家高新技术企业"], year=2022).uscc) == {"A1", "B1"}


def test_enterprise_search_filters(tiny):
    everyone = search(tiny)
    assert everyone.uscc.tolist() == ["A1", "B1", "A2", "A3", "A4", "B2"]  # largest revenue first
    assert (everyone.matches == 6).all()
    assert search(tiny, limit=2).matches.tolist() == [6, 6]
    assert set(search(tiny, link="CH1-01").uscc) == {"A4", "B1", "B2"}
    assert set(search(tiny, text="电缆").uscc) == {"A1", "A2", "A3", "B2"}
    assert set(search(tiny, text="a1").uscc) == {"A1"}  # a whole 统一社会信用代码 (upper-cased)
    assert search(tiny, region="皖北").empty and len(search(tiny, city="340100")) == 6
    assert search(tiny, industry="光伏").empty
    row = search(tiny, text="精工").iloc[0]
    assert row.honours == "专精特新中小企业、国家高新技术企业"  # vocabulary order
    assert (row.county, row.city, row.cluster, row.stage, row.link) == (
        "甲县",
        "甲市",
        "甲县电线电缆产业集群",
        "中游",
        "电力电缆",
    )
