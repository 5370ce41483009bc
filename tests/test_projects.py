"""项目库 (issue 21, item 1): the upload kind's rules (stages and their dates, the county's clusters, chain links,
units), its way through 县申报 → 市审核 → 省确认 and back by rollback on both backends, the figures (funnel, the
200 重点技改 a year of seed 000, counts by county), the page and 循链招商's missing links with projects under way."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest

import queries
from analysis import projects as pj
from harness.apptest import page_app
from records import Refused, batches
from tests.test_workflow import csv_of
from uploads import kinds, spec

TONGCHENG = "340881"
HEADER = [c.name for c in kinds.get(spec.PROJECTS).columns]


@pytest.fixture()
def db(any_db):
    return any_db


def sheet(*rows: dict) -> pd.DataFrame:
    """Rows by column name, the others empty; a valid 桐城 project unless changed."""
    base = {
        "项目名称": "桐城市绿色包装智能工厂技改项目",
        "区县": "桐城市",
        "所属集群": "桐城市绿色包装产业集群",
        "产业": "绿色包装",
        "项目类型": "重点技改",
        "计划总投资（亿元）": "2.5",
        "项目阶段": "开工",
        "开工日期": "2025-04-01",
        "责任单位": "桐城市经信局",
    }
    return pd.DataFrame([{h: (base | row).get(h, "") for h in HEADER} for row in rows])


def check(con, frame: pd.DataFrame, username: str = "tc"):
    return batches.check_upload(con, username, spec.PROJECTS, 2025, [("项目库.csv", csv_of(frame))])


def errors(checked) -> list[str]:
    report = checked.report()
    report = report[report["级别"] == "错误"]
    return [f"第 {r} 行 · {c}：{m}" for r, c, m in zip(report["行"], report["列"], report["问题"])]


def test_stages_and_their_dates(staff_db):
    checked = check(
        staff_db,
        sheet(
            {},
            {"项目名称": "甲", "项目阶段": "开工", "开工日期": ""},
            {"项目名称": "乙", "项目阶段": "洽谈", "开工日期": "2025-01-01"},
            {"项目名称": "丙", "项目阶段": "投产", "开工日期": "2025-05-01", "投产日期": "2025-03-01"},
            {"项目名称": "丁", "项目阶段": "签约", "签约日期": "2025年3月1日", "开工日期": ""},
            {"项目名称": "戊", "开工日期": "2025/13/01"},
            {"项目名称": "己", "开工日期": f"{date.today().year + 1}-01-01"},
        ),
    )
    assert errors(checked) == [
        "第 3 行 · K 列「开工日期」：项目阶段为“开工”，须填写开工日期。",
        "第 4 行 · K 列「开工日期」：项目阶段为“洽谈”，尚未开工，不应填写开工日期。",
        "第 5 行 · L 列「投产日期」：早于开工日期。",
        "第 7 行 · K 列「开工日期」：“2025/13/01”不是日期，请写作 2025-03-01。",
        f"第 8 行 · K 列「开工日期」：日期 {date.today().year + 1}-01-01 晚于今天或早于 1949 年。",
    ]


def test_the_county_clusters_links_and_units(staff_db):
    checked = check(
        staff_db,
        sheet(
            {"所属集群": "桐城市不存在的产业集群"},
            {"项目名称": "甲", "产业链环节": "正极材料"},  # a link of another industry's chain
            {"项目名称": "乙", "计划总投资（亿元）": "1200"},
            {"项目名称": "乙"},
            {"项目名称": "丙", "区县": "岳西县"},
            {"项目名称": "丁", "项目类型": "招商"},
        ),
    )
    text = errors(checked)
    assert "本县没有名为“桐城市不存在的产业集群”的集群" in text[0] and text[0].startswith("第 2 行 · C 列")
    assert "第 3 行 · E 列「产业链环节」：“正极材料”不是“绿色包装”产业链的环节。" in text
    assert any(t.startswith("第 5 行 · A 列「项目名称」：同一区县的项目名称与第 4 行重复") for t in text)
    assert any(t.startswith("第 6 行 · B 列「区县」：岳西县不在您的填报范围") for t in text)
    assert any(t.startswith("第 7 行 · F 列「项目类型」：“招商”不在可选值中") for t in text)
    assert [w.message for w in checked.warnings] == ["计划总投资 1200 亿元，请核对单位（亿元）。"]


def test_a_project_list_goes_through_the_workflow_and_rolls_back(db):
    before = queries.run(db, "county_projects", adcode=TONGCHENG)
    checked = check(
        db,
        sheet({}, {"项目名称": "桐城市包装新材料招商项目", "项目类型": "招商引资", "项目阶段": "线索", "开工日期": ""}),
    )
    assert checked.error_count == 0, errors(checked)
    batch = batches.submit(db, "tc", checked, "项目库.csv", "digest")
    for step in (
        lambda: batches.city_review(db, "tc", batch, True, ""),
        lambda: batches.province_review(db, "aq", batch, True, ""),
    ):
        with pytest.raises(Refused):
            step()  # a filer cannot review, a city reviewer cannot confirm
    batches.city_review(db, "aq", batch, True, "")
    batches.province_review(db, "prov", batch, True, "")
    now = queries.run(db, "county_projects", adcode=TONGCHENG)
    assert sorted(now.name) == ["桐城市包装新材料招商项目", "桐城市绿色包装智能工厂技改项目"]
    started = now.set_index("name").loc["桐城市绿色包装智能工厂技改项目"]
    assert started.started_on == "2025-04-01" and started.cluster_name == "桐城市绿色包装产业集群"
    batches.rollback(db, "admin", batch)
    assert queries.run(db, "county_projects", adcode=TONGCHENG).equals(before)


def test_a_pre_filled_template_sent_back_changes_nothing(staff_db):
    from uploads import templates

    county = queries.run(staff_db, "projects").adcode.value_counts().index[0]
    prefill = kinds.get(spec.PROJECTS).prefill(staff_db, county, 2025)
    options = templates.options_from(
        queries.run(staff_db, "counties"),
        queries.run(staff_db, "industry_names").industry.tolist(),
        queries.run(staff_db, "chain_link_names"),
        queries.run(staff_db, "honour_names").honour.tolist(),
    )
    data = templates.template(spec.PROJECTS, options, None, prefill)
    checked = batches.check_upload(staff_db, "admin", spec.PROJECTS, 2025, [("项目库.xlsx", data)])
    assert len(prefill.sheets[spec.PROJECTS]) > 1 and checked.error_count == checked.warning_count == 0
    changes, _ = batches.preview(staff_db, checked)
    assert changes.empty


def test_funnel_target_and_groups_by_hand():
    rows = pd.DataFrame(
        {
            "name": list("ABCDE"),
            "county": ["甲", "甲", "乙", "乙", "乙"],
            "kind": ["重点技改", "重点技改", "重点技改", "招商引资", "重点技改"],
            "is_leading": [True, True, True, True, False],
            "stage": ["开工", "投产", "投产", "洽谈", "开工"],
            "investment": [1.0, 2.0, 3.0, 4.0, 5.0],
            "started_on": ["2025-03-01", "2023-01-01", "2024-01-01", None, "2025-01-01"],
            "producing_on": [None, "2024-06-01", "2025-02-01", None, None],
        }
    )
    assert pj.funnel(rows).reached.tolist() == [5, 5, 4, 4, 2]  # (a project in production passed every stage)
    assert pj.funnel(rows).investment.tolist()[-1] == 5.0
    # A: started in 2025; B: in production before 2025; C: in production during 2025; E: not a 首位产业 cluster
    assert pj.implemented(rows, 2025).tolist() == [True, False, True, False, False]
    table = pj.by_group(rows, "county", "区县", 2025).set_index("区县")
    assert table.loc["乙", "项目数"] == 3 and table.loc["甲", "2025年实施重点技改"] == 1
    assert table.loc["乙", ["线索", "洽谈", "签约", "开工", "投产"]].tolist() == [0, 1, 0, 1, 1]


def test_the_page_and_the_target(app_store, monkeypatch, con):
    at = page_app("pages/projects.py", monkeypatch)
    assert not at.exception
    projects = queries.run(con, "projects")
    count = next(h.proto.body for h in at.get("html") if "list-count" in h.proto.body)
    assert f'data-projects="{len(projects)}"' in count
    kpis = next(h.proto.body for h in at.get("html") if "project-kpis" in h.proto.body)
    tech = int(pj.implemented(projects, 2025).sum())
    assert f"<b>{tech:,}</b>" in kpis and f"差 {200 - tech} 项" in kpis
    target = queries.run(con, "target_progress", year=2025).tech_upgrade_projects[0]
    assert target == tech  # the 目标与缺口 figure is the same count
    at.multiselect(key="proj_kinds").select("招商引资").run()
    listed = next(d.value for d in at.dataframe if "项目名称" in d.value.columns)
    assert set(listed["项目类型"]) == {"招商引资"} and len(listed) == int((projects.kind == "招商引资").sum())
    at.segmented_control(key="proj_group").set_value("集群").run()
    groups = next(d.value for d in at.dataframe if "集群" in d.value.columns)
    assert groups["项目数"].sum() == len(listed)
    cluster = projects[projects.kind == "招商引资"].cluster_id.value_counts().index[0]
    at.selectbox(key="proj_cluster").set_value(cluster).run()  # one cluster's funnel and list
    mine = projects[(projects.kind == "招商引资") & (projects.cluster_id == cluster)]
    count = next(h.proto.body for h in at.get("html") if "list-count" in h.proto.body)
    assert f'data-projects="{len(mine)}"' in count and mine.cluster.iloc[0] in count


def test_chains_mark_missing_links_with_projects_under_way(app_store, monkeypatch, con):
    projects = queries.run(con, "projects")
    row = projects[(projects.kind == "招商引资") & projects.stage.isin(pj.UNDER_WAY)].iloc[0]
    at = page_app("pages/chains.py", monkeypatch)
    at.selectbox(key="chain_county").set_value(row.adcode).run()
    at.selectbox(key="chain_industry").set_value(row.industry).run()
    assert not at.exception
    cards = next(h.proto.body for h in at.get("html") if "chain-stages" in h.proto.body)
    assert f'data-link="{row.link_id}"' in cards and "在建项目" in cards
    listed = next(h.proto.body for h in at.get("html") if "links-in-progress" in h.proto.body)
    assert row["name"] in listed
    gap = at.selectbox(key="chain_gap")
    assert any("在建项目" in label for label in gap.options)
    at.segmented_control(key="chain_view").set_value("全景网络图").run()
    traces = json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    labels = [t for trace in traces for t in trace.get("text") or []]
    assert any(t.startswith(f"{row.link}（在建项目") for t in labels), labels


def test_chains_rank_leads_by_weights_the_user_sets(app_store, monkeypatch, con):
    gap = con.execute(  # a county's cluster chain link it lacks, with firms elsewhere in Anhui
        "select c.adcode, c.industry, l.link_id from clusters c join chains ch on ch.industry = c.industry "
        "join chain_links l using (chain_id) where not exists (select 1 from enterprises e where e.adcode = c.adcode "
        "and e.link_id = l.link_id) and (select count(*) from enterprises e where e.link_id = l.link_id) >= 5 "
        "order by c.adcode, l.link_id limit 1"
    ).fetchone()
    at = page_app("pages/chains.py", monkeypatch)
    at.selectbox(key="chain_county").set_value(gap[0]).run()
    at.selectbox(key="chain_industry").set_value(gap[1]).run()
    at.selectbox(key="chain_gap").set_value(gap[2]).run()
    at.segmented_control(key="chain_order").set_value("加权评分").run()
    assert not at.exception
    table = next(h.proto.body for h in at.get("html") if 'data-table="leads"' in h.proto.body)
    assert "<th>加权评分</th>" in table
    at.slider(key="lead_w_distance").set_value(5.0).run()
    for key in ("fit", "honours", "growth", "size"):
        at.slider(key=f"lead_w_{key}").set_value(0.0).run()
    nearest = next(h.proto.body for h in at.get("html") if 'data-table="leads"' in h.proto.body)
    distances = [
        float(d.replace(",", "")) for d in re.findall(r"</td><td>[^<]*</td><td>[^<]*</td><td>([0-9,]+)</td>", nearest)
    ]
    assert distances == sorted(distances) and len(distances) > 1  # distance alone: nearest first
