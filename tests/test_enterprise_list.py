"""The enterprise list's URL: links from counts, what a URL may name, and the query it turns into."""

import html

import pandas as pd
import pytest

from analysis.scope import Scope
from components import enterprise_links as el
from components import enterprise_search as es
from geo import choropleth

OPTIONS = es.Options(
    adcodes=frozenset({"340881", "340281"}),
    clusters=frozenset({"C1"}),
    industries=frozenset({"电线电缆"}),
    links={"电线电缆": frozenset({"L1", "L2"})},
    cities=frozenset({"340100", "341600"}),
)


def test_link_carries_the_filters_and_is_escaped():
    a = el.link(1234, year=2025, adcode=["340881"], honour=["专精特新“小巨人”", "国家高新技术企业"], q='"><script>')
    assert a.startswith('<a class="count-link" data-open="1" href="enterprises?') and ">1,234</a>" in a
    href = html.unescape(a.split('href="')[1].split('"')[0])
    assert el.parse(href) == {
        "year": "2025",
        "adcode": "340881",
        "honour": "专精特新“小巨人”,国家高新技术企业",
        "q": '"><script>',
    }
    assert "<script>" not in a  # the quote and angle brackets are percent-encoded, then escaped


def test_params_leave_out_empty_values_and_refuse_unknown_keys():
    assert el.params(year=2025, region=None, city="", honour=[], cluster="C1") == {"year": "2025", "cluster": "C1"}
    with pytest.raises(ValueError):
        el.params(colour="red")
    assert el.parse("enterprises?adcode=1&evil=2&q=x") == {"adcode": "1", "q": "x"}


def test_a_url_may_only_name_what_exists():
    search = es.from_params(
        {
            "adcode": "340881,999999",
            "cluster": "C9",
            "member": "maybe",
            "honour": "国家高新技术企业,不存在的荣誉",
            "industry": "电线电缆",
            "link": "L2",
            "q": "  无为" + "长" * 100,
        },
        OPTIONS,
    )
    assert search.adcodes == ("340881",) and search.cluster is None and search.member is None
    assert search.honours == ("国家高新技术企业",) and search.industry == "电线电缆" and search.link == "L2"
    assert search.text.startswith("无为") and len(search.text) == es.MAX_TEXT
    assert es.from_params({"industry": "光伏", "link": "L2"}, OPTIONS) == es.Search()  # a link needs its industry
    assert es.from_params({"rmin": "-1", "rmax": "abc"}, OPTIONS) == es.Search()  # amounts must be amounts
    assert es.from_params({"rmin": "0.5"}, OPTIONS).revenue_min == 0.5


def test_params_round_trip():
    search = es.Search(
        adcodes=("340881", "340281"),
        cluster="C1",
        member="in",
        honours=("国家高新技术企业",),
        industry="电线电缆",
        link="L1",
        text="电缆",
        revenue_min=0.5,
        revenue_max=30.0,
    )
    assert es.from_params(es.to_params(search), OPTIONS) == search
    assert es.to_params(es.Search()) == {} and es.Search().is_empty()


def test_several_cities_and_counties_are_kept_or_left_out():
    search = es.Search(adcodes=("340881",), cities=("340100", "341600"), exclude=True)
    assert es.to_params(search) == {"adcode": "340881", "cities": "340100,341600", "except": "1"}
    assert es.from_params(es.to_params(search), OPTIONS) == search
    assert es.to_params(es.Search(exclude=True)) == {}  # nothing to leave out
    args = es.query_args(search, Scope(2025, None, None, None))
    assert (args["adcodes"], args["cities"]) == (None, None)
    assert (args["not_adcodes"], args["not_cities"]) == (["340881"], ["340100", "341600"])
    inside = es.query_args(es.Search(cities=("340100",)), Scope(2025, None, None, None))
    assert (inside["adcodes"], inside["cities"], inside["not_cities"]) == ([], ["340100"], None)
    counties = pd.DataFrame({"adcode": ["340102", "340881", "341602"], "city_adcode": ["340100", "340800", "341600"]})
    assert es.within(counties, search).tolist() == [False, False, False]
    assert es.within(counties, es.Search(cities=("340100",), adcodes=("340881",))).tolist() == [True, True, False]
    assert es.within(counties, es.Search(cities=("340100",), exclude=True)).tolist() == [False, True, True]
    assert es.describe(
        search, {"340100": "合肥市", "341600": "亳州市", "340881": "桐城市"}, Scope(2025, None, None, None)
    ) == ("安徽省 · 合肥市、亳州市、桐城市以外 · 2025年")


def test_query_args_combine_the_sidebar_and_the_list_filters():
    filters = Scope(2024, "皖南", None, None)
    args = es.query_args(es.Search(member="out", honours=("上市公司",), revenue_min=2.5), filters, limit=50)
    assert args == {
        "year": 2024,
        "region": "皖南",
        "city": None,
        "adcodes": None,
        "cities": None,
        "not_adcodes": None,
        "not_cities": None,
        "cluster": None,
        "member": False,
        "honours": ["上市公司"],
        "industry": None,
        "link": None,
        "uscc": None,
        "text": None,
        "initials": None,
        "initials_like": None,
        "initials_whole": None,
        "revenue_min": 2.5,
        "revenue_max": None,
        "offset": 0,
        "limit": 50,
    }
    assert es.query_args(es.Search(member="in"), filters, limit=1)["member"] is True
    assert es.query_args(es.Search(text="wwDL"), filters)["initials"] == "wwdl|ww.*dl"
    assert es.query_args(es.Search(text="无为"), filters)["initials"] is None
    code = es.query_args(es.Search(text="91340281MA2N0T0X3k"), filters)
    assert code["uscc"] == "91340281MA2N0T0X3K" and code["text"] is None  # a whole code: a key lookup


def test_table_headings_and_cells():
    rows = pd.DataFrame([{c: None for c in es.COLUMNS} | {"name": "=1+1", "above_scale": False, "cluster": None}])
    table = es.table(rows)
    assert list(table.columns) == list(es.COLUMNS.values())
    assert table["规上企业"].iloc[0] == "否" and table["所属集群"].iloc[0] == "（集群外）"


def test_withheld_values_get_their_own_class_not_the_top_one():
    metric = choropleth.Metric("value", "密度", "家/百家", missing="样本不足", min_break=0.01)
    values = pd.Series([0.0, 2.0, 5.0, 40.0, float("nan")])
    colours, legend = choropleth.classify(values, metric)
    assert colours.iloc[4] == choropleth.MISSING and colours.iloc[0] == choropleth.NO_DATA
    assert legend[-1].label == "样本不足" and legend[-1].counties == 1
    assert sum(item.counties for item in legend) == 5
    plain = choropleth.Metric("value", "数", "家")
    colours, legend = choropleth.classify(values, plain)
    assert colours.iloc[4] == choropleth.NO_DATA  # NaN is no data, never the darkest class


def test_ratio_breaks_start_below_one():
    metric = choropleth.Metric("value", "区位熵", "", min_break=0.01)
    colours, legend = choropleth.classify(pd.Series([0.3, 0.6, 0.9, 1.4, 2.5]), metric)
    assert choropleth.NO_DATA not in set(colours)  # 0.3 is a value, not "none"
