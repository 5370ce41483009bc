"""AppTest of the upload workflow pages: 数据上报 (errors shown, nothing written; preview; submit), 审核确认 (city
approves, province confirms) and 报送进度, each as the user whose step it is."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest, app_test

import queries
import settings
import store
from harness.apptest import NavigationPages
from tests.test_workflow import county_list, csv_of


@pytest.fixture()
def staff(accounts_store, tmp_path, monkeypatch):
    """The app over a private copy of the store with one account per role, open browsing off."""
    copy = tmp_path / "staff.duckdb"
    shutil.copy(accounts_store, copy)
    monkeypatch.setattr(settings, "DB_PATH", copy)
    monkeypatch.setattr(settings, "OPEN_BROWSING", False)
    monkeypatch.setattr(app_test, "PagesManager", NavigationPages)
    store.connection.clear()
    store.query.clear()
    yield store.connection()
    store.connection.clear()
    store.query.clear()


def as_user(username: str, password: str = "Passw0rd1") -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=60).run()
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(password)
    return at.button[0].click().run()


def test_each_role_sees_its_pages(staff):
    for username, expected in [("tc", "pages/upload.py"), ("aq", "pages/review.py"), ("view", "pages/progress.py")]:
        at = as_user(username)
        at.switch_page(expected).run()
        assert not at.exception, username
    with pytest.raises(ValueError):
        as_user("view").switch_page("pages/upload.py")
    with pytest.raises(ValueError):
        as_user("tc").switch_page("pages/review.py")


def test_upload_review_confirm_through_the_pages(staff):
    at = as_user("tc").switch_page("pages/upload.py").run()
    assert at.title[0].value == "数据上报" and not at.exception
    bad = county_list(staff)
    bad.loc[1, "区县"] = "桐成市"
    at.file_uploader(key="upload_files_企业名录").set_value(("桐城名录.csv", csv_of(bad), "text/csv")).run()
    verdict = next(h.proto.body for h in at.get("html") if "upload-verdict" in h.proto.body)
    assert 'data-errors="1"' in verdict
    assert "未写入任何数据" in at.error[0].value
    assert at.dataframe[0].value["问题"].iloc[0] == "未知的区县“桐成市”，是否为“桐城市”？"
    assert queries.run(staff, "batches", year=None, statuses=None).empty

    good = county_list(staff)
    good.loc[0, "营业收入（亿元）"] = "77.7"
    at.file_uploader(key="upload_files_企业名录").set_value(("桐城名录.csv", csv_of(good), "text/csv")).run()
    assert not at.error and any("变更 1 家" in m.value for m in at.markdown)
    shown = [(s.label, s.state) for s in at.status]  # the long steps, each with its time
    assert [state for _, state in shown] == ["complete", "complete"], shown
    assert shown[0][0].startswith("已读取并校验 桐城名录.csv（用时 ") and shown[1][0].startswith(
        "已与已确认数据比较（用时 "
    )
    at.button(key="upload_submit").click().run()
    assert "已提交第 1 批" in at.success[0].value
    assert not [b for b in at.button if b.key == "upload_submit"]
    at.run()  # a rerun neither validates again nor offers to submit the same file twice
    assert "已提交第 1 批" in at.success[0].value and len(queries.run(staff, "batches", year=None, statuses=None)) == 1

    at = as_user("aq").switch_page("pages/review.py").run()
    assert at.selectbox(key="review_batch").value == 1
    at.button(key="review_approve").click().run()
    assert "第 1 批市级通过" in at.success[0].value
    at = as_user("prov").switch_page("pages/review.py").run()
    at.button(key="review_approve").click().run()
    assert "已确认并发布" in at.success[0].value
    revenue = staff.execute("select revenue from enterprises where uscc = $u", {"u": good.iloc[0, 0]}).fetchone()[0]
    assert revenue == 77.7

    at = as_user("view").switch_page("pages/progress.py").run()
    at.segmented_control(key="progress_kind").set_value("企业名录").run()
    table = at.dataframe[0].value
    assert table.set_index("区县").loc["桐城市", "状态"] == "已确认"
    assert (table["状态"] == "未报送").sum() == 103


def test_a_hostile_file_on_the_upload_page_is_a_chinese_message(staff):
    from harness import hostile_files as hostile

    at = as_user("tc").switch_page("pages/upload.py").run()
    data, expected = hostile.cases()["huge_shared_string_count"]
    at.file_uploader(key="upload_files_企业名录").set_value(("共享.xlsx", data, "application/octet-stream")).run()
    shown = at.error[0].value.replace("\\", "")  # the message is escaped for Markdown (components.plain)
    assert not at.exception and shown.startswith("共享.xlsx：") and expected in shown
    assert [(s.label, s.state) for s in at.status] == [
        ("正在读取并校验 共享.xlsx（%.1f MB；在独立的校验进程中进行）：未完成" % (len(data) / 2**20), "error")
    ]
    assert queries.run(staff, "batches", year=None, statuses=None).empty


def test_an_unexpected_error_on_a_page_is_a_message_with_an_incident_id(staff, monkeypatch, expected_incidents):
    from records import batches

    def broken(*_args, **_kwargs):
        raise RuntimeError("/srv/secret/path: a bug")

    monkeypatch.setattr(batches, "check_upload", broken)
    at = as_user("tc").switch_page("pages/upload.py").run()
    at.file_uploader(key="upload_files_企业名录").set_value(("名录.csv", b"a,b\n1,2\n", "text/csv")).run()
    assert not at.exception and expected_incidents() == 1
    message = at.error[0].value
    assert (
        message.startswith("系统出现内部错误（事件编号 ") and "secret" not in message and "RuntimeError" not in message
    )
    assert at.sidebar.button(key="logout")  # the page around the error is still there
