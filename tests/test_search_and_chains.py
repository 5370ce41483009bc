"""按图索企 and 循链招商 on the hand-built store of test_honours: every search filter, pinyin, the map's points
and cells, a chain with known gaps, the lead ranking, and exports that never run a formula."""

import io

import openpyxl
import pandas as pd
import pytest

import queries
from analysis import chains
from analysis.scope import Scope
from components import chain_views
from components import enterprise_search as es
from data import pinyin
from exports import tables
from tests import test_honours

tiny = test_honours.tiny  # the fixture, shared with test_honours


def search(con, text="", **filters):
    scope = Scope(filters.pop("year", 2025), filters.pop("region", None), filters.pop("city", None), None)
    return queries.run(con, "enterprise_search", **es.query_args(es.Search(text=text, **filters), scope, limit=100))


def test_pinyin_initials_with_both_readings():
    assert pinyin.initials("无为华鑫电缆有限公司") == ("wwhxdlyxgs", None)  # one reading only: no variant
    main, alt = pinyin.initials("长丰县")
    assert {main[0], alt[0]} == {"c", "z"}  # 长 reads cháng or zhǎng: either finds it
    assert "g" in pinyin.initials("涡阳")[1][0]  # 涡阳 is guō yáng
    assert pinyin.initials("ABB（合肥）有限公司")[0].startswith("abbhf")
    assert (
        pinyin.is_initials_query("wwdl") and not pinyin.is_initials_query("w") and not pinyin.is_initials_query("电缆")
    )
    assert not pinyin.is_initials_query("9134") and pinyin.runs_pattern("WwDl") == "wwdl|ww.*dl"
    assert pinyin.runs_pattern("tcs") == "tcs"  # no run of one letter: "t…c…s" matched 1,176 firms (issue 19)
    assert pinyin.runs_pattern("abcdef").split("|") == ["abcdef", "ab.*cdef", "ab.*cd.*ef", "abc.*def", "abcd.*ef"]


def test_search_by_pinyin_initials_in_order(tiny):
    assert set(search(tiny, "jxdl").uscc) == {"A1", "A2", "A3"}  # 甲县…电缆…, in order, gaps allowed
    assert set(search(tiny, "yxjxyx").uscc) == {"B1"}  # 乙县机械有限
    assert set(search(tiny, "jxcf").uscc) == {"A4"}  # 甲县长丰: cháng
    assert set(search(tiny, "jxzf").uscc) == {"A4"}  # … or zhǎng
    assert search(tiny, "dljx").empty  # the letters must come in order
    by_name = search(tiny, "电缆")
    assert set(by_name.uscc) == {"A1", "A2", "A3", "B2"}


LOOK_ALIKES = [  # uscc, name, revenue: the better the match, the smaller the firm, so only the rank can order them
    ("R1", "界首天成塑业有限公司", 100.0),  # jstcsy…: "tcs" inside (contiguous)
    ("R2", "天长盛远电缆有限公司", 50.0),  # tcsydl…: starts with "tcs"
    ("R3", "太仓市精工机械有限公司", 30.0),  # tcsjgjx…: starts with "tcs"
    ("R4", "安徽天成石化有限公司", 10.0),  # (ah)tcsh(yxgs): the whole name is "tcsh"
    ("R5", "桐城华晨电缆有限公司", 200.0),  # t…c…(h c d l y x g) s: the letters only scattered
]


def test_pinyin_matches_rank_whole_names_then_prefixes_then_runs(tiny):
    tiny.executemany(
        "insert into enterprises (uscc, name, adcode, industry, revenue, lon, lat, source_id, above_scale)"
        " values (?, ?, '340101', '电线电缆', ?, 117.0, 31.0, 'demo', true)",
        LOOK_ALIKES,
    )
    pinyin.backfill(tiny)
    queries.build_search_index(tiny)
    assert search(tiny, "tcs").uscc.tolist() == ["R2", "R3", "R4", "R1"]  # prefixes (安徽 aside), then contiguous
    assert search(tiny, "tcsh").uscc.tolist()[0] == "R4"  # the whole name first
    assert search(tiny, "tcsyy").uscc.tolist() == ["R1"]  # 界首天成塑业有限: contiguous
    assert "R5" not in set(search(tiny, "tcs").uscc)  # scattered letters are not a match


def test_known_names_are_found_first_on_the_demo_data(con):
    found = search(con, "tcs")
    assert 0 < found.matches.iloc[0] < 100  # (was 1,176 with scattered letters)
    assert all("tcs" in (a or "") or "tcs" in b for b, a in (pinyin.initials(n) for n in found.name))
    firm = search(con, "wwdl").name.iloc[0]  # whichever 无为…德力/电缆 firm heads the list …
    main, alt = pinyin.initials(firm)
    assert main.startswith("wwdl") or (alt or "").startswith("wwdl")  # … its initials start with the query


def test_search_filters_one_by_one(tiny):
    assert set(search(tiny, revenue_min=3.0, revenue_max=7.0).uscc) == {"A2", "A3", "B1"}  # inclusive
    assert set(search(tiny, revenue_max=0.5).uscc) == {"B2"}
    assert set(search(tiny, adcodes=("340102",)).uscc) == {"B1", "B2"}
    assert set(search(tiny, cluster="CA").uscc) == {"A1", "A2", "A3"}
    assert set(search(tiny, member="out").uscc) == {"A4", "B1", "B2"}
    assert set(search(tiny, honours=("龙头/链主企业",)).uscc) == {"B1"}
    assert set(search(tiny, honours=("国家高新技术企业",), year=2021).uscc) == {"B1"}
    assert set(search(tiny, industry="电线电缆", link="CH1-02").uscc) == {"A1", "A2", "A3"}
    assert set(search(tiny, city="340100").uscc) == {"A1", "A2", "A3", "A4", "B1", "B2"}
    assert search(tiny, region="皖南").empty
    assert set(search(tiny, "a2").uscc) == {"A2"}  # a whole code, any case
    combined = search(tiny, "电缆", adcodes=("340101",), honours=("国家高新技术企业",), revenue_min=4.0)
    assert set(combined.uscc) == {"A1", "A2"}


def test_points_and_cells_follow_the_same_filters(tiny):
    scope = Scope(2025, None, None, None)
    args = es.query_args(es.Search(cluster="CA"), scope)
    found = queries.run(tiny, "enterprise_points", **args, limit=10).set_index("uscc")
    assert sorted(found.index) == ["A1", "A2", "A3"] and found.honours.to_dict() == {"A1": 2, "A2": 1, "A3": 1}
    assert len(queries.run(tiny, "enterprise_points", **args, limit=2)) == 2  # the largest two
    cells = queries.run(tiny, "enterprise_cells", **es.query_args(es.Search(), scope), cell=0.1)
    assert cells.enterprises.sum() == 6 and len(cells) == 1  # every firm sits at 117.0, 31.0


def test_a_chain_with_known_gaps(tiny):
    rows = queries.run(tiny, "chain_coverage", industry="电线电缆", year=2025, region=None, city=None, adcode="340102")
    covered = chains.coverage(rows).set_index("name")
    assert covered.local.to_dict() == {"铜导体": 2, "电力电缆": 0}
    assert covered.province.to_dict() == {"铜导体": 3, "电力电缆": 3}
    assert covered.status.to_dict() == {"铜导体": chains.PRESENT, "电力电缆": chains.MISSING}
    assert covered.local_honoured["铜导体"] == 2  # b1 and b2
    assert list(chains.gaps(chains.coverage(rows)).name) == ["电力电缆"]


def test_gap_statuses_by_hand():
    links = pd.DataFrame(
        {
            "link_id": list("ABCDE"),
            "stage": ["上游", "上游", "中游", "中游", "下游"],
            "name": list("ABCDE"),
            "local": [0, 1, 2, 30, 0],
            "province": [10, 10, 40, 40, 0],
        }
    )
    links["local_total"], links["province_total"] = links.local.sum(), links.province.sum()
    covered = chains.coverage(links).set_index("link_id")
    # local shares: B 1/33, C 2/33, D 30/33; province shares: 10/100, 40/100, 40/100
    assert covered.status.to_dict() == {
        "A": chains.MISSING,
        "B": chains.WEAK,
        "C": chains.WEAK,
        "D": chains.PRESENT,
        "E": chains.ABSENT_IN_PROVINCE,
    }
    assert covered.lq["C"] == pytest.approx((2 / 33) / 0.4)
    assert list(chains.gaps(chains.coverage(links)).link_id) == ["A", "E", "B", "C"]


def test_leads_leave_out_the_scope_and_rank_by_distance_and_honours(tiny):
    tiny.execute("update enterprises set lon = 117.0 + 0.5 * (uscc = 'A2')::int, lat = 31.0")  # a2 ~48 km east
    leads = queries.run(
        tiny, "chain_leads", link="CH1-02", year=2025, region=None, city=None, adcode="340102", lon=117.0, lat=31.0
    )
    assert set(leads.uscc) == {"A1", "A2", "A3"}
    assert leads.set_index("uscc").distance_km["A2"] == pytest.approx(47.6, abs=0.5)
    by_score = chains.rank_leads(leads, "综合")
    assert list(by_score.uscc) == ["A1", "A3", "A2"]  # 4 points, 3 points (小巨人), 2 points and farther
    assert list(by_score.points) == [4, 3, 2]
    assert list(chains.rank_leads(leads, "距离").uscc)[-1] == "A2"
    assert chains.rank_leads(leads, "荣誉").uscc.iloc[0] == "A1"
    none = queries.run(
        tiny, "chain_leads", link="CH1-02", year=2025, region=None, city="340100", adcode=None, lon=117.0, lat=31.0
    )
    assert none.empty  # every firm of the link is inside the scope


def test_a_formula_name_leaves_as_text(tiny):
    found = es.table(search(tiny, "HYPERLINK"))
    name = '=HYPERLINK("http://x.cn","甲县电缆")'
    assert found["企业名称"].tolist() == [name]
    sheet = openpyxl.load_workbook(io.BytesIO(tables.to_xlsx(found, "名单", ["说明"]))).active
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == name)
    assert cell.data_type == "s"  # stored as text: Excel and WPS show it and never run it
    csv = tables.to_csv(found).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv and ',"=HYPERLINK' not in csv
    leads = chains.rank_leads(
        queries.run(
            tiny, "chain_leads", link="CH1-02", year=2025, region=None, city=None, adcode="340102", lon=117.0, lat=31.0
        )
    )
    assert "'=HYPERLINK" in tables.to_csv(chain_views.leads_table(leads)).decode("utf-8-sig")


def test_the_card_of_a_firm_without_honours_cluster_or_link(tiny):
    from components.enterprise_card import card_html

    tiny.execute("update enterprises set link_id = null where uscc = 'A4'")
    tiny.execute("delete from enterprise_honours where uscc = 'A4'")
    card = queries.run(tiny, "enterprise_card", uscc="A4").iloc[0]
    text = card_html(card, 2025)
    assert "（不在已认定集群内）" in text and "<th>荣誉</th><td>无</td>" in text and "甲县长丰食品有限公司" in text
    full = card_html(queries.run(tiny, "enterprise_card", uscc="A3").iloc[0], 2024)
    assert "&lt;" not in full and "=HYPERLINK(&quot;http://x.cn&quot;" in full  # escaped, quotes too
    assert "专精特新“小巨人” <small>2025年起（所选年份之后）" in full and "首位产业集群" in full
    assert queries.run(tiny, "enterprise_card", uscc="nope").empty


def test_compose_puts_only_the_filters_used_in_the_sql():
    text, bound = queries.compose(
        queries.sql("enterprise_cells"), {"cell": 0.1, "cluster": "CA", "year": 2025, "region": None, "honours": None}
    )
    assert "e.cluster_id = $cluster" in text and "$region" not in text and "e.held" not in text
    assert bound == {"cell": 0.1, "cluster": "CA"}  # year is not used without the honours filter
    text, bound = queries.compose(
        queries.sql("enterprise_search"),
        {
            "year": 2025,
            "limit": 5,
            "offset": 0,
            "text": "wwdl",
            "initials": "wwdl|ww.*dl",
            "initials_like": "%w%w%d%l%",
            "initials_whole": "^wwdl$",
        },
    )
    assert "regexp_matches(e.name_initials, $initials)" in text and "regexp_full_match" in text
    assert text.count("regexp_matches(e.name_initials, $initials)") == 1  # once for the page and the total
    with pytest.raises(KeyError):
        queries.compose(queries.sql("enterprise_cells"), {"cluster": "CA"})  # $cell is missing


def test_chain_county_enterprises_counts_each_countys_firms_in_the_chain(con):
    rows = queries.run(con, "chain_county_enterprises", industry="电线电缆").set_index("adcode")
    firms = con.execute(
        "select e.adcode, e.link_id from enterprises as e join chain_links as l using (link_id) "
        "join chains as ch using (chain_id) where ch.industry = '电线电缆'"
    ).df()
    assert len(rows) == 104 and rows.enterprises.sum() == len(firms) > 0
    expected = firms.groupby("adcode").agg(enterprises=("link_id", "size"), links=("link_id", "nunique"))
    assert rows.loc[expected.index, ["enterprises", "links"]].astype(int).equals(expected.astype(int))
    assert (rows.drop(expected.index).enterprises == 0).all()
    assert set(rows.chain_links) == {
        con.execute(
            "select count(*) from chain_links join chains using (chain_id) where industry = '电线电缆'"
        ).fetchone()[0]
    }
