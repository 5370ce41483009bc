"""AppTest of 招商研判 (issue 22): each tab opens for a visitor without an error and shows what its method computes —
the ranked links with reasons and one-click links, strong clusters with their thresholds, the shift-share whose parts
add up, the peers with the indicator comparison."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

import queries
from analysis import relatedness as rel
from analysis import shift_share
from harness.apptest import page_app

TONGCHENG = "340881"


@pytest.fixture()
def app(app_store, monkeypatch):
    return page_app("pages/insight.py", monkeypatch)


def test_next_links_of_a_county(app, con):
    app.selectbox(key="insight_county").set_value(TONGCHENG).run()
    assert not app.exception
    assert app.title[0].value.startswith("招商研判 · 桐城市")
    table = next(h.proto.body for h in app.get("html") if 'data-table="next-links"' in h.proto.body)
    links = re.findall(r'<tr data-link="([^"]+)">', table)
    assert links and len(links) == len(set(links))
    hrefs = [parse_qs(urlsplit(html.unescape(h)).query) for h in re.findall(r'href="(chains\?[^"]+)"', table)]
    assert [h["gap"] for h in hrefs] == [[link] for link in links] and all(h["adcode"] == [TONGCHENG] for h in hrefs)
    rows = con.execute(
        "select adcode, link_id as item, count(*)::double as firms from enterprises where link_id is not null group by all"
    ).df()
    m = rel.presence(rel.table(rows, "firms"))
    omega = rel.density(m, rel.proximity(m)).loc[TONGCHENG]
    shown = [float(d) for d in re.findall(r"<td>\d+</td><td[^>]*><b>.*?</b>.*?</td><td>([0-9.]+)</td>", table)]
    assert shown == pytest.approx(omega.reindex(links).fillna(0).tolist(), abs=0.005)  # (全省空白: held nowhere, 0)
    weak = con.execute(  # whom to call: the candidate held weakly here has firms elsewhere, named on the row
        "select name from enterprises where link_id = ? and adcode <> ?", [links[-1], TONGCHENG]
    ).df()
    row = table.split(f'<tr data-link="{links[-1]}">')[1].split("</tr>")[0]
    assert ("可联系：" in row) == (len(weak) > 0)
    assert len(weak) == 0 or any(n in row for n in weak.name)


def test_strong_clusters_and_growth_and_peers(app, con):
    app.query_params["tab"] = "强集群与星级"
    app.run()
    assert not app.exception and app.title[0].value == "招商研判 · 安徽省 · 2025年"  # (a province-wide view)
    strong = next(d.value for d in app.dataframe if "评级" in d.value.columns)
    assert len(strong) and strong["评级"].str.contains("强集群|★").all()
    app.query_params["tab"] = "增长分解"
    app.run()
    assert not app.exception
    table = next(d.value for d in app.dataframe if "本地竞争效应" in d.value.columns)
    parts = table[["全省增长效应", "产业结构效应", "本地竞争效应", "新进入"]].sum(axis=1) - table["退出"]
    assert (parts - table["实际变化"]).abs().max() < 0.05  # (each part rounded to 0.01 on the page)
    rows = queries.run(con, "cluster_indicators")
    start = int(app.selectbox(key="insight_start").value)
    whole = shift_share.clusters(rows, start, 2025)
    assert table["实际变化"].sum() == pytest.approx(whole.change.sum(), abs=0.5)
    clusters = next(d.value for d in app.dataframe if "集群" in d.value.columns and "本地竞争效应" in d.value.columns)
    assert len(clusters) == len(whole)  # every cluster reporting in either year
    app.query_params["tab"] = "同类县区"
    app.run()
    assert not app.exception
    peers = next(d.value for d in app.dataframe if "相似度" in d.value.columns)
    assert len(peers) == 5 and peers["相似度"].is_monotonic_decreasing
    comparison = next(d.value for d in app.dataframe if "同类县平均" in d.value.columns)
    assert len(comparison) >= 10


def test_a_cluster_profile_shows_its_strength_and_thresholds(app_store, monkeypatch, con):
    from analysis import strength

    rows = strength.assess(queries.run(con, "county_industry_firms"))
    clusters = queries.run(con, "cluster_names").merge(rows, on=["adcode", "industry"])
    starred = clusters.sort_values("stars", ascending=False).iloc[0]
    at = page_app("pages/cluster.py", monkeypatch)
    at.selectbox(key="cluster_pick").set_value(starred.cluster_id).run()
    assert not at.exception
    line = next(h.proto.body for h in at.get("html") if "cluster-strength" in h.proto.body)
    assert f'data-stars="{int(starred.stars)}"' in line and strength.badges(starred) in line
    assert f"区位熵 {starred.lq:.2f}" in line


def test_supply_matching_lists_upstream_firms_elsewhere(app, con):
    from components import supply_views

    app.query_params["tab"] = "产需对接"
    app.run()
    assert not app.exception
    leaders = queries.run(con, "leader_firms", year=2025)
    order = queries.run(con, "chain_link_order")
    leader = next(r for _, r in leaders[leaders.link_id.notna()].iterrows() if len(supply_views.upstream(order, r)) > 1)
    app.selectbox(key="supply_leader").set_value(leader.uscc).run()
    assert not app.exception
    upstream = supply_views.upstream(order, leader)
    chain = order[order.industry == leader.industry].link_id.tolist()
    assert upstream.link_id.tolist() == chain[: chain.index(leader.link_id)]
    expected = con.execute(
        "select count(*) from enterprises where link_id in (select unnest(?)) and adcode <> ?",
        [upstream.link_id.tolist(), leader.adcode],
    ).fetchone()[0]
    line = next(m.value for m in app.markdown if "家配套企业" in m.value)
    assert f"**{expected:,}** 家配套企业" in line
    table = next(h.proto.body for h in app.get("html") if 'data-table="leads"' in h.proto.body)
    assert "配套环节：上游 · " in table or "配套环节：中游 · " in table


def test_next_steps_for_a_city_and_the_industries_to_grow(app, con):
    app.selectbox(key="insight_county").set_value("340800").run()  # 安庆市, the whole city
    assert not app.exception
    assert app.title[0].value.startswith("招商研判 · 安庆市")
    table = next(h.proto.body for h in app.get("html") if 'data-table="next-links"' in h.proto.body)
    hrefs = [parse_qs(urlsplit(html.unescape(h)).query) for h in re.findall(r'href="(chains\?[^"]+)"', table)]
    assert hrefs and all(h["city"] == ["340800"] and "adcode" not in h for h in hrefs)  # (the sidebar's scope)
    named = 0
    for link, row in re.findall(r'<tr data-link="([^"]+)">(.*?)</tr>', table):
        if "可联系：" in row:  # whom to call: firms of that link outside the city
            callers = re.search(r"可联系：(.*?)</small>", row).group(1).split("、")
            outside = set(
                con.execute(
                    "select e.name from enterprises e join regions r using (adcode) where e.link_id = ? "
                    "and r.city_adcode <> '340800'",
                    [link],
                )
                .df()
                .name
            )
            assert all(c.split("（")[0] in outside for c in callers)
            named += 1
    assert named > 0
    industries = next(d.value for d in app.dataframe if "关联密度" in d.value.columns and "产业" in d.value.columns)
    assert len(industries) == 10 and industries["关联密度"].is_monotonic_decreasing
    app.segmented_control(key="next_basis").set_value("集群营收（近三年合并）").run()
    assert not app.exception and any("合并计算" in c.value for c in app.caption)
    app.query_params["tab"] = "同类县区"
    app.run()
    assert not app.exception and app.selectbox(key="insight_county").value.startswith("3408")


def test_links_between_pages_open_in_the_session_with_their_own_parameters():
    from components import enterprise_links as links

    assert links.target("/anhui/insight?year=2025&adcode=340881&tab=同类县区&honour=x") == (
        "pages/insight.py",
        {"year": "2025", "adcode": "340881", "tab": "同类县区"},
    )
    assert links.target("chains?city=340800&industry=绿色包装&gap=K08-06")[1] == {
        "city": "340800",
        "industry": "绿色包装",
        "gap": "K08-06",
    }
    assert links.target("projects?county=340881&kind=招商引资") == ("pages/projects.py", {"county": "340881"})
    link = links.page_link("在建<项目>", "projects", year=2025, county="340881", city=None)
    assert link == (
        '<a class="count-link" data-open="1" href="projects?year=2025&amp;county=340881">在建&lt;项目&gt;</a>'
    )
    with pytest.raises(ValueError):
        links.page_link("x", "admin")
