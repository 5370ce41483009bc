"""人才库 (issue 21, item 2): the upload kind's rules, its way through 县申报 → 市审核 → 省确认 and back on both
backends, and who reads names — in the data layer (records.talents: a 县级填报 their county's, a 市级审核 their
city's, the province roles all, nobody else) and on the pages (counts for everyone, names never in a reading query)."""

from __future__ import annotations

import pandas as pd
import pytest

import queries
from harness.apptest import page_app
from records import access, batches, talents
from tests.test_app_workflow import as_user, staff  # noqa: F401  (the fixture)
from tests.test_workflow import csv_of
from uploads import kinds, spec

TONGCHENG, ANQING = "340881", "340800"
HEADER = [c.name for c in kinds.get(spec.TALENTS).columns]


@pytest.fixture()
def db(any_db):
    return any_db


def sheet(*rows: dict) -> pd.DataFrame:
    base = {
        "姓名或团队名称": "测试某某",
        "类别": "个人",
        "区县": "桐城市",
        "所属集群": "桐城市绿色包装产业集群",
        "产业": "绿色包装",
        "人才计划层级": "省级",
        "入选年份": "2024",
    }
    return pd.DataFrame([{h: (base | row).get(h, "") for h in HEADER} for row in rows])


def check(con, frame: pd.DataFrame, username: str = "tc"):
    return batches.check_upload(con, username, spec.TALENTS, 2025, [("人才库.csv", csv_of(frame))])


def test_the_rules(staff_db):
    checked = check(
        staff_db,
        sheet(
            {},
            {"姓名或团队名称": "甲", "入选年份": "2026"},
            {"姓名或团队名称": "乙", "团队人数": "5"},
            {"姓名或团队名称": "丙团队", "类别": "团队", "团队人数": "4.5"},
            {"姓名或团队名称": "丙团队", "类别": "团队", "团队人数": "6"},
            {"姓名或团队名称": "丁", "人才计划层级": "院士"},
        ),
    )
    report = checked.report()
    errors = report[report["级别"] == "错误"]
    found = [f"第 {r} 行 · {c}：{m}" for r, c, m in zip(errors["行"], errors["列"], errors["问题"])]
    assert found[:4] == [
        "第 3 行 · I 列「入选年份」：入选年份晚于上报年度 2025。",
        "第 4 行 · L 列「团队人数」：类别为“个人”，不填团队人数。",
        "第 5 行 · L 列「团队人数」：团队人数须为整数。",
        "第 6 行 · A 列「姓名或团队名称」：同一区县的姓名或团队名称与第 5 行重复。",
    ]
    assert found[4].startswith("第 7 行 · G 列「人才计划层级」：“院士”不在可选值中")


def test_a_talent_list_goes_through_the_workflow_and_rolls_back(db):
    before = queries.run(db, "county_talents", adcode=TONGCHENG)
    frame = sheet(
        {}, {"姓名或团队名称": "桐城包装材料创新团队", "类别": "团队", "团队人数": "8", "人才计划层级": "国家级"}
    )
    checked = check(db, frame)
    assert checked.error_count == 0, checked.report()
    batch = batches.submit(db, "tc", checked, "人才库.csv", "digest")
    batches.city_review(db, "aq", batch, True, "")
    batches.province_review(db, "prov", batch, True, "")
    now = queries.run(db, "county_talents", adcode=TONGCHENG).set_index("name")
    assert sorted(now.index) == ["桐城包装材料创新团队", "测试某某"]
    assert now.loc["桐城包装材料创新团队", "members"] == 8 and now.loc["测试某某", "level"] == "省级"
    batches.rollback(db, "admin", batch)
    assert queries.run(db, "county_talents", adcode=TONGCHENG).equals(before)


def test_names_are_read_by_the_roles_that_handle_them_in_their_region(staff_db):
    every = queries.run(staff_db, "talents_named")
    assert set(talents.named(staff_db, "tc").adcode) == {TONGCHENG}
    assert set(talents.named(staff_db, "aq").city_adcode) == {ANQING}
    assert len(talents.named(staff_db, "prov")) == len(talents.named(staff_db, "admin")) == len(every)
    for who in ("view", None, "nobody"):
        with pytest.raises(access.PermissionDenied):
            talents.named(staff_db, who)
    staff_db.execute("update users set disabled = true where username = 'aq'")
    with pytest.raises(access.PermissionDenied):  # the store is read at every call: a disabled account is out
        talents.named(staff_db, "aq")
    public = queries.run(staff_db, "talent_counts")
    assert "name" not in public.columns and public.talents.sum() == len(every)


def test_the_page_shows_counts_to_a_visitor_and_no_name(app_store, monkeypatch, con):
    names = set(queries.run(con, "talents_named").name)
    visitor = page_app("pages/talents.py", monkeypatch)
    assert not visitor.exception
    count = next(h.proto.body for h in visitor.get("html") if "list-count" in h.proto.body)
    people = queries.run(con, "talent_counts")
    assert f'data-talents="{int(people.talents[people.kind == "个人"].sum())}"' in count
    assert any("仅县级填报（本县）" in i.value for i in visitor.info)
    shown = " ".join(str(e.value) for e in visitor.dataframe) + " ".join(h.proto.body for h in visitor.get("html"))
    assert not [n for n in names if n in shown]  # not one name on the visitor's page


def test_a_city_reviewer_reads_the_names_of_the_city(staff):  # noqa: F811
    reviewer = as_user("aq").switch_page("pages/talents.py").run()
    assert not reviewer.exception
    listed = next(d.value for d in reviewer.dataframe if "姓名或团队名称" in d.value.columns)
    anqing = queries.run(staff, "talents_named")
    assert sorted(listed["姓名或团队名称"]) == sorted(anqing[anqing.city_adcode == ANQING].name)


def test_a_cluster_profile_counts_its_projects_and_talents(app_store, monkeypatch, con):
    at = page_app("pages/cluster.py", monkeypatch)
    counts = queries.run(con, "talent_counts")
    cluster = counts.groupby("cluster_id").talents.sum().idxmax()
    at.selectbox(key="cluster_pick").set_value(cluster).run()
    assert not at.exception
    lines = next(h.proto.body for h in at.get("html") if "cluster-libraries" in h.proto.body)
    mine = counts[counts.cluster_id == cluster]
    assert f"个人 <b>{int(mine.talents[mine.kind == '个人'].sum())}</b> 名" in lines
    projects = queries.run(con, "projects")
    assert f"<b>{int((projects.cluster_id == cluster).sum())}</b> 个项目" in lines or "暂无项目" in lines


@pytest.mark.parametrize("kind", [spec.PROJECTS, spec.TALENTS])
def test_the_whole_provinces_library_goes_in_as_one_step(staff_db, kind):
    """Every county's 项目库 (or 人才库) as one 全省导入 file — the same names in many counties are no duplicates —
    checked as a whole and confirmed in one step, one batch per county; the store then holds the same rows."""
    from records import province_import
    from uploads import files

    described = kinds.get(kind)
    table = "projects" if kind == spec.PROJECTS else "talents"
    frames = [described.prefill(staff_db, a, 2025).sheets[kind] for a in queries.run(staff_db, "counties").adcode]
    rows = pd.concat([f for f in frames if len(f)], ignore_index=True)
    headers = {c.key: c.name for c in described.columns}
    data = csv_of(rows.rename(columns=headers)[[h for k, h in headers.items() if k in rows]])
    checked = batches.check_upload(staff_db, "admin", kind, 2025, [("全省.csv", data)], province_wide=True)
    assert checked.error_count == 0, checked.report().head()
    before = staff_db.execute(f"select * exclude (source_id) from {table} order by adcode, name").df()
    made = province_import.confirm(staff_db, "admin", checked, "全省.csv", files.sha256(data))
    assert len(made) == before.adcode.nunique() > 50
    after = staff_db.execute(f"select * exclude (source_id) from {table} order by adcode, name").df()
    pd.testing.assert_frame_equal(after, before)
