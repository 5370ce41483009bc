"""全省导入 (issue 21, item 4): one file of many counties, checked as a whole with every rule, split into one batch per
county and confirmed in one step, in one transaction, audited per county and as a whole; any county's batch rolls
back alone; only the 省级管理员; an error anywhere writes nothing; the whole province's 名录 goes in as one step.
Both backends."""

from __future__ import annotations

import pandas as pd
import pytest

import queries
from records import access, batches, province_import
from tests.conftest import TONGCHENG, WUWEI
from tests.test_app_workflow import staff  # noqa: F401  (the fixture)
from tests.test_workflow import county_list, csv_of, live
from uploads import files, spec


@pytest.fixture()
def db(any_db):
    return any_db


def check(con, frame: pd.DataFrame, user: str = "admin", kind: str = spec.ENTERPRISES):
    data = csv_of(frame)
    return batches.check_upload(con, user, kind, 2025, [("全省名录.csv", data)], province_wide=True), data


def _rows(con, table: str) -> int:
    if queries.is_postgres(con):
        return int(queries.postgres.run(con, f"select count(*) as n from {table}", {}).n.iloc[0])
    return int(con.execute(f"select count(*) from {table}").fetchone()[0])


def test_two_counties_in_one_file_become_two_confirmed_batches(db):
    both = pd.concat([county_list(db, TONGCHENG), county_list(db, WUWEI)], ignore_index=True)
    both.loc[0, "企业名称"] = "全省导入测试桐城有限公司"
    wuwei_row = both.index[both["区县"] == "无为市"][0]
    both.loc[wuwei_row, "企业名称"] = "全省导入测试无为有限公司"
    checked, data = check(db, both)
    assert checked.error_count == 0 and checked.adcode is None  # many counties
    made = province_import.confirm(db, "admin", checked, "全省名录.csv", files.sha256(data))
    assert sorted(made) == [WUWEI, TONGCHENG] or sorted(made) == sorted([TONGCHENG, WUWEI])
    for adcode, name in ((TONGCHENG, "全省导入测试桐城有限公司"), (WUWEI, "全省导入测试无为有限公司")):
        batch = queries.run(db, "batch", batch_id=made[adcode]).iloc[0]
        assert (batch.status, batch.comment, batch.adcode) == ("已确认", "全省导入", adcode)
        assert name in set(live(db, adcode).name)
    events = queries.run(db, "audit_events", limit=10)
    assert events.action.tolist()[0] == "全省导入" and (events.action == "全省导入·省级确认").sum() == 2
    batches.rollback(db, "admin", made[WUWEI])  # one county's import rolled back alone
    assert "全省导入测试无为有限公司" not in set(live(db, WUWEI).name)
    assert "全省导入测试桐城有限公司" in set(live(db, TONGCHENG).name)


def test_only_the_administrator_imports_and_errors_write_nothing(db):
    both = pd.concat([county_list(db, TONGCHENG), county_list(db, WUWEI)], ignore_index=True)
    with pytest.raises(access.PermissionDenied, match="全省导入"):
        check(db, both, user="prov")
    with pytest.raises(access.PermissionDenied, match="全省导入"):
        check(db, both, user="tc")
    checked, _ = batches.check_upload(db, "admin", spec.ENTERPRISES, 2025, [("x.csv", csv_of(both))]), None
    assert any("一个文件只能报一个区县" in p.text() for p in checked.problems)  # without 全省导入: one county a file
    bad = both.copy()
    bad.loc[len(bad) - 1, "所属集群"] = "不存在的集群"  # an error in one county's row
    checked, data = check(db, bad)
    assert checked.error_count == 1 and "本县没有名为“不存在的集群”的集群" in checked.problems[0].text()
    before = {t: _rows(db, t) for t in ("batches", "enterprises")}
    with pytest.raises(batches.WorkflowError, match="1 个错误"):
        province_import.confirm(db, "admin", checked, "x.csv", files.sha256(data))
    assert {t: _rows(db, t) for t in ("batches", "enterprises")} == before


def test_a_county_batch_in_review_is_withdrawn_by_the_import(db):
    from tests.test_workflow import submit_list

    pending = submit_list(db, county_list(db, TONGCHENG))
    checked, data = check(db, county_list(db, TONGCHENG))
    made = province_import.confirm(db, "admin", checked, "全省名录.csv", files.sha256(data))
    assert queries.run(db, "batch", batch_id=pending).status.iloc[0] == "已撤回"
    assert queries.run(db, "batch", batch_id=made[TONGCHENG]).status.iloc[0] == "已确认"


def test_the_whole_province_goes_in_as_one_step(db):
    if queries.is_postgres(db):
        pytest.skip("the same code on PostgreSQL is covered above; the 104-county file once is enough")
    counties = db.execute("select distinct adcode from enterprises order by adcode").df().adcode
    province = pd.concat([county_list(db, a) for a in counties], ignore_index=True)
    checked, data = check(db, province)
    assert checked.error_count == 0, [p.text() for p in checked.problems[:3]]
    made = province_import.confirm(db, "admin", checked, "全省名录.csv", files.sha256(data))
    assert len(made) == len(counties) == 104
    assert _rows(db, "enterprises") == len(province)


def test_the_upload_page_imports_a_province_file_in_one_step(staff):  # noqa: F811
    from tests.test_app_workflow import as_user

    at = as_user("tc").switch_page("pages/upload.py").run()
    assert not [t for t in at.toggle if t.key == "upload_wide"]  # a county's filer has no 全省导入
    at = as_user("admin", "Admin1234").switch_page("pages/upload.py").run()
    at.toggle(key="upload_wide").set_value(True).run()
    both = pd.concat([county_list(staff, TONGCHENG), county_list(staff, WUWEI)], ignore_index=True)
    at.file_uploader(key="upload_files_企业名录").set_value(("全省名录.csv", csv_of(both), "text/csv")).run()
    verdict = next(h.proto.body for h in at.get("html") if "upload-verdict" in h.proto.body)
    assert 'data-errors="0"' in verdict and "多个区县" in verdict
    table = next(d.value for d in at.dataframe if "与已确认数据相比" in d.value.columns)
    assert sorted(table["区县"]) == sorted(["桐城市", "无为市"])
    at.button(key="wide_confirm").click().run()
    assert not at.exception and any("已导入并确认 2 个区县" in s.value for s in at.success)
    confirmed = queries.run(staff, "batches", year=2025, statuses=["已确认"])
    assert sorted(confirmed.adcode) == sorted([TONGCHENG, WUWEI]) and set(confirmed.comment) == {"全省导入"}
