"""The log: JSON lines with an event and its fields, to a rotating file when configured; writes logged with their
outcome once their transaction has ended, refusals with their reason, incidents with their id and traceback, page
runs with page, user and duration; the start-up line's settings hide every secret."""

from __future__ import annotations

import json
import logging
import logging.handlers

import pytest
from streamlit.testing.v1 import AppTest, app_test

import logs
import queries
import settings
from components import incidents
from harness.apptest import NavigationPages
from records import access, audit
from records.access import PermissionDenied


@pytest.fixture()
def lines(tmp_path):
    """The log's lines as dicts, written to a file (and stdout) for the test."""
    path = tmp_path / "logs" / "app.log"
    logs.setup(level="INFO", file=str(path))
    yield lambda: [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    logs.setup()


def test_a_line_is_json_with_its_event_and_fields(lines):
    logs.event("page", "page run", page="map", user="张三", ms=12.5, batch=None)
    line = lines()[-1]
    assert line["event"] == "page" and line["page"] == "map" and line["user"] == "张三" and line["ms"] == 12.5
    assert line["level"] == "INFO" and line["logger"] == "anhui_map" and "T" in line["time"]
    assert "batch" not in line  # (None values are left out)


def test_the_file_is_rotated(tmp_path):
    path = tmp_path / "app.log"
    log = logs.setup(level="INFO", file=str(path))
    handler = next(h for h in log.handlers if isinstance(h, logging.handlers.RotatingFileHandler))
    handler.maxBytes, handler.backupCount = 2000, 2
    try:
        for n in range(100):
            logs.event("page", "page run", page="map", n=n)
    finally:
        logs.setup()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.log", "app.log.1", "app.log.2"]


def test_a_write_is_logged_with_its_outcome_when_its_transaction_ends(db, lines):
    with queries.transaction(db):
        audit.record(db, "admin", "确认发布", batch_id=7, adcode="340104", year=2025, file_name="a.xlsx")
        assert not [line for line in lines() if line.get("event") == "write"]  # not yet: the transaction is open
    with pytest.raises(RuntimeError), queries.transaction(db):
        audit.record(db, "admin", "退回", batch_id=8)
        raise RuntimeError("the write failed after its audit row")
    writes = [line for line in lines() if line.get("event") == "write"]
    assert [(w["action"], w["outcome"], w.get("batch")) for w in writes] == [
        ("确认发布", "成功", 7),
        ("退回", "未完成（已回滚）", 8),
    ]
    assert writes[0]["county"] == "340104" and writes[0]["file"] == "a.xlsx" and writes[0]["user"] == "admin"


def test_a_refused_write_is_logged_with_its_reason(db, lines):
    with pytest.raises(PermissionDenied):
        access.require(db, "tc", "province_review", "340881")
    refused = [line for line in lines() if line.get("event") == "write"][-1]
    assert refused["outcome"] == "拒绝" and refused["user"] == "tc" and "无权" in refused["reason"]
    assert refused["action"] == "省级确认"
    assert refused["level"] == "WARNING"


def test_an_incident_is_logged_with_its_id_and_traceback(lines, expected_incidents):
    try:
        {}["missing"]
    except KeyError as error:
        incident = incidents.record(error, "page run", "admin")
    line = lines()[-1]
    assert line["event"] == "incident" and line["incident"] == incident and line["user"] == "admin"
    assert "Traceback" in line["exc_info"] and "KeyError" in line["exc_info"] and line["level"] == "ERROR"


def test_the_settings_shown_at_start_hide_secrets(monkeypatch):
    monkeypatch.setattr(settings, "SSO_SECRET", "proxy-secret-0123456789")
    monkeypatch.setattr(settings, "ADMIN_PASSWORD", "FirstRun123")
    monkeypatch.setattr(settings, "DATABASE_URL", "postgresql://map:s3cret@db.intranet:5433/anhui")
    shown = logs.public_settings()
    text = json.dumps(shown, ensure_ascii=False)
    assert "proxy-secret" not in text and "FirstRun123" not in text and "s3cret" not in text
    assert shown["DATABASE_URL"] == "db.intranet:5433/anhui" and shown["SSO_SECRET"] == "（已设置）"
    assert shown["UPLOAD_MAX_MB"] == settings.UPLOAD_MAX_MB and shown["VERSION"] == settings.VERSION


def test_each_page_run_is_logged_with_page_user_and_duration(app_store, monkeypatch, lines):
    monkeypatch.setattr(app_test, "PagesManager", NavigationPages)
    monkeypatch.setattr(settings, "OPEN_BROWSING", True)
    at = AppTest.from_file("../app.py", default_timeout=60).run()
    assert not at.exception
    pages = [line for line in lines() if line.get("event") == "page"]
    assert pages and pages[-1]["page"] == "map" and pages[-1]["user"] == "-" and pages[-1]["ms"] > 0
