"""县申报 → 市审核 → 省确认: the steps, who may take them, publishing, rollback, resubmission, concurrent
submissions, and the audit log. Data-layer functions are called directly, as a page would."""

from __future__ import annotations

import io
import threading

import pandas as pd
import pytest

import queries
from records import access, batches
from tests.conftest import TONGCHENG, WUWEI
from uploads import files, spec

COLUMNS = {
    "uscc": "统一社会信用代码",
    "name": "企业名称",
    "county": "区县",
    "cluster": "所属集群",
    "industry": "产业",
    "link": "产业链环节",
    "revenue": "营业收入（亿元）",
    "above": "规上企业",
    "lon": "经度",
    "lat": "纬度",
}


@pytest.fixture()
def db(any_db):
    """Every test here runs on the DuckDB file and on PostgreSQL."""
    return any_db


def reader(con):
    """Where a page would search: the store itself on DuckDB, a process's read copy (brought up to date) on
    PostgreSQL."""
    if not queries.is_postgres(con):
        return con
    from queries import replica

    copy = replica.Replica(con.pool)
    copy.refresh()
    return copy.cursor()


def county_list(con, adcode=TONGCHENG) -> pd.DataFrame:
    """The county's 名录 as the template has it (what a county would download, edit and upload)."""
    rows = con.execute(
        """
        select e.uscc, e.name, r.name as county, c.name as cluster, e.industry, l.name as link,
               cast(e.revenue as varchar) as revenue, case when e.above_scale then '是' else '否' end as above,
               cast(e.lon as varchar) as lon, cast(e.lat as varchar) as lat
        from enterprises e join regions r using (adcode) left join clusters c using (cluster_id)
        left join chain_links l using (link_id) where e.adcode = $a order by e.uscc""",
        {"a": adcode},
    ).df()
    return rows.rename(columns=COLUMNS)


def csv_of(frame: pd.DataFrame) -> bytes:
    out = io.StringIO()
    frame.to_csv(out, index=False)
    return out.getvalue().encode("utf-8-sig")


def live(con, adcode=TONGCHENG) -> pd.DataFrame:
    return (
        con.execute("select * from enterprises where adcode = $a order by uscc", {"a": adcode})
        .df()
        .drop(columns="source_id")
    )


def submit_list(con, frame, user="tc", name="桐城名录.csv") -> int:
    data = csv_of(frame)
    checked = batches.check_upload(con, user, spec.ENTERPRISES, 2025, [(name, data)])
    assert checked.errors == [], [p.text() for p in checked.errors[:3]]
    return batches.submit(con, user, checked, name, files.sha256(data))


def test_submit_review_confirm_publishes_and_rollback_restores(db):
    before = live(db)
    edited = county_list(db)
    edited.loc[0, "企业名称"] = "桐城新名称测试有限公司"
    edited.loc[1, "营业收入（亿元）"] = "88.5"
    edited = edited.drop(index=2)  # a firm closed
    batch = submit_list(db, edited)
    assert live(db).equals(before)  # nothing shows before the province confirms
    batches.city_review(db, "aq", batch, approve=True)
    assert live(db).equals(before)
    batches.province_review(db, "prov", batch, approve=True)
    after = live(db).set_index("uscc")
    assert len(after) == len(before) - 1 and after.loc[edited.iloc[0, 0], "name"] == "桐城新名称测试有限公司"
    assert after.loc[edited.iloc[1, 0], "revenue"] == 88.5
    assert after.name_initials.notna().all()  # pinyin filled for the search
    found = queries.run(reader(db), "enterprise_search", year=2025, text="新名称测试", limit=10, offset=0)
    assert found.uscc.tolist() == [edited.iloc[0, 0]] and found.source_kind.tolist() == ["上报数据"]
    assert queries.run(db, "batch", batch_id=batch).status.iloc[0] == "已确认"
    as_of = queries.run(reader(db), "data_as_of").set_index("kind").loc["企业名录"]  # 数据截至 names the batch
    assert as_of.batch_id == batch and as_of.counties == 1 and as_of.demo  # (the other counties: demo data)

    with pytest.raises(access.PermissionDenied):
        batches.rollback(db, "prov", batch)  # a reviewer may not roll back
    batches.rollback(db, "admin", batch)
    assert live(db).equals(before)
    assert pd.isna(queries.run(reader(db), "data_as_of").set_index("kind").loc["企业名录"].batch_id)
    assert queries.run(reader(db), "enterprise_search", year=2025, text="新名称测试", limit=10, offset=0).empty
    actions = queries.run(db, "audit_events", limit=20).query("batch_id == @batch").action.tolist()
    assert actions == ["回滚", "省级确认", "市级通过", "提交"]


def test_each_step_belongs_to_its_role_and_scope(db):
    batch = submit_list(db, county_list(db))
    with pytest.raises(access.PermissionDenied):
        batches.city_review(db, "tc", batch, approve=True)  # the county cannot approve itself
    with pytest.raises(access.PermissionDenied):
        batches.province_review(db, "aq", batch, approve=True)
    with pytest.raises(batches.WorkflowError, match="当前状态为“已提交”"):
        batches.province_review(db, "prov", batch, approve=True)  # the city first
    with pytest.raises(batches.WorkflowError, match="退回理由"):
        batches.city_review(db, "aq", batch, approve=False)
    batches.city_review(db, "aq", batch, approve=False, comment="营业收入单位有误")
    row = queries.run(db, "batch", batch_id=batch).iloc[0]
    assert row.status == "市级退回" and row.comment == "营业收入单位有误"
    other = csv_of(county_list(db, WUWEI))
    checked = batches.check_upload(db, "tc", spec.ENTERPRISES, 2025, [("无为.csv", other)])
    assert any("无为市不在您的填报范围（桐城市）内" in p.message for p in checked.errors)
    checked = batches.check_upload(db, "admin", spec.ENTERPRISES, 2025, [("无为.csv", other)])
    assert checked.errors == []  # the province may file for any county …
    with pytest.raises(access.PermissionDenied, match="无权上报数据（无为市）"):
        batches.submit(db, "tc", checked, "无为.csv", files.sha256(other))  # … a county only for its own


def test_a_city_reviewer_of_another_city_is_refused(db):
    from records import accounts

    accounts.create_user(db, "admin", "wh", "芜湖审核", access.CITY_REVIEWER, "340200", "Passw0rd1")
    db.execute("update users set must_change_password = false")
    batch = submit_list(db, county_list(db))
    with pytest.raises(access.PermissionDenied, match="无权市级审核（桐城市）"):
        batches.city_review(db, "wh", batch, approve=True)


def test_a_file_with_errors_is_never_submitted(db):
    bad = county_list(db)
    bad.loc[3, "统一社会信用代码"] = "91340881MA2N0000X1"
    data = csv_of(bad)
    checked = batches.check_upload(db, "tc", spec.ENTERPRISES, 2025, [("bad.csv", data)])
    assert checked.errors
    with pytest.raises(batches.WorkflowError, match="改正后才能提交"):
        batches.submit(db, "tc", checked, "bad.csv", files.sha256(data))
    assert queries.run(db, "batches", year=None, statuses=None).empty


def test_a_resubmission_replaces_the_batch_in_review(db):
    first = submit_list(db, county_list(db))
    batches.city_review(db, "aq", first, approve=True)
    second = submit_list(db, county_list(db))
    statuses = queries.run(db, "batches", year=2025, statuses=None).set_index("batch_id").status
    assert statuses[first] == "已撤回" and statuses[second] == "已提交"
    with pytest.raises(batches.WorkflowError):
        batches.province_review(db, "prov", first, approve=True)  # a withdrawn batch cannot be confirmed


def test_cluster_figures_publish_and_roll_back(db):
    figures = (
        "select f.cluster_id, f.year, f.indicator, f.value from cluster_figures f "
        "join clusters c using (cluster_id) where c.adcode = $a order by 1, 2, 3"
    )
    before = db.execute(figures, {"a": TONGCHENG}).df()
    clusters = db.execute("select * from clusters where adcode = $a order by cluster_id", {"a": TONGCHENG}).df()
    rows = [
        {
            "年度": "2025",
            "区县": "桐城市",
            "集群名称": c["name"],
            "产业": c.industry,
            "首位产业": "是" if i == 0 else "否",
            "集群级别": c.level,
            "认定年份": str(c.recognised_year),
            "营业收入（亿元）": str(100 + i),
            "管理机构": "是",
            "公共品牌": "是",
            "行业协会": "是",
            "研发中心": "否",
            "全产业链": "否",
        }
        for i, c in clusters.iterrows()
    ]
    rows.append(rows[0] | {"集群名称": "桐城市新设测试产业集群", "首位产业": "否", "营业收入（亿元）": "12"})
    data = csv_of(pd.DataFrame(rows))
    checked = batches.check_upload(db, "tc", spec.CLUSTERS, 2025, [("集群.csv", data)])
    assert checked.errors == []
    batch = batches.submit(db, "tc", checked, "集群.csv", files.sha256(data))
    batches.city_review(db, "aq", batch, approve=True)
    batches.province_review(db, "admin", batch, approve=True)
    revenue = db.execute(
        "select c.name, f.value from cluster_figures f join clusters c using (cluster_id) "
        "where c.adcode = $a and f.year = 2025 and f.indicator = 'revenue'",
        {"a": TONGCHENG},
    ).df()
    assert dict(zip(revenue.name, revenue.value)) == {r["集群名称"]: float(r["营业收入（亿元）"]) for r in rows}
    assert (
        db.execute(
            "select count(*) from cluster_figures where year = 2024 and cluster_id in "
            "(select cluster_id from clusters where adcode = $a)",
            {"a": TONGCHENG},
        ).fetchone()[0]
        > 0
    )
    batches.rollback(db, "admin", batch)
    assert db.execute(figures, {"a": TONGCHENG}).df().equals(before)
    assert not db.execute("select count(*) from clusters where name = '桐城市新设测试产业集群'").fetchone()[0]


def test_concurrent_submissions_are_serialised_without_loss(db, accounts_store):
    frame = county_list(db)
    errors, batches = [], []

    def one(i):
        cursor = db.cursor()  # a session's own cursor of the process's one connection
        try:
            batches.append(submit_list(cursor, frame, name=f"名录{i}.csv"))
        except Exception as error:  # noqa: BLE001  (collected and asserted below)
            errors.append(error)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    listed = queries.run(db, "batches", year=2025, statuses=None)
    assert sorted(listed.batch_id) == sorted(batches) and len(batches) == 6
    assert (listed.status == "已提交").sum() == 1 and (listed.status == "已撤回").sum() == 5
    staged = db.execute("select batch_id, count(*) from batch_enterprises group by batch_id").fetchall()
    assert sorted(n for _, n in staged) == [len(frame)] * 6  # every batch's rows kept whole
    submitted = queries.run(db, "audit_events", limit=100).query("action == '提交'")
    assert sorted(submitted.file_name) == sorted(f"名录{i}.csv" for i in range(6))
    assert submitted.file_sha256.str.len().eq(64).all()


def test_preview_and_batch_changes_list_what_an_upload_changes(db):
    from uploads import diff

    edited = county_list(db)
    edited.loc[0, "企业名称"] = "桐城预览测试有限公司"
    removed = edited.iloc[2, 0]
    edited = edited.drop(index=2)
    added = edited.iloc[0].copy()
    added["统一社会信用代码"] = "91340881MA2N0000XX"  # valid check digit, not in the store
    edited = pd.concat([edited, added.to_frame().T])
    data = csv_of(edited)
    checked = batches.check_upload(db, "tc", spec.ENTERPRISES, 2025, [("预览.csv", data)])
    assert checked.errors == []
    changes, label = batches.preview(db, checked)
    assert set(changes[changes["变化"] == diff.ADDED][label]) == {"91340881MA2N0000XX"}
    assert set(changes[changes["变化"] == diff.REMOVED][label]) == {removed}
    renamed = changes[changes["变化"] == diff.CHANGED]
    assert renamed[["字段", "新值"]].values.tolist() == [["企业名称", "桐城预览测试有限公司"]]
    assert diff.summary(changes, label) == "新增 1 家，删除 1 家，变更 1 家（共 1 处）"
    batch = batches.submit(db, "tc", checked, "预览.csv", files.sha256(data))
    assert batches.batch_changes(db, batch)[0].equals(changes)


def test_an_enterprise_recorded_in_another_county_is_not_published_twice(db):
    moved = county_list(db, WUWEI).iloc[[0]].copy()  # a 无为 firm, declared in 桐城 now
    listed = pd.concat(
        [county_list(db), moved.assign(**{"区县": "桐城市", "所属集群": "", "产业链环节": "", "经度": "", "纬度": ""})]
    )
    batch = submit_list(db, listed)
    batches.city_review(db, "aq", batch, approve=True)
    before = live(db)
    with pytest.raises(batches.WorkflowError, match="1 家企业已登记在其他区县.*在无为市"):
        batches.province_review(db, "prov", batch, approve=True)
    assert live(db).equals(before) and queries.run(db, "batch", batch_id=batch).status.iloc[0] == "市级通过"
