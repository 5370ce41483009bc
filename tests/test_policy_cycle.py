"""The policy cycle in the data layer, on both backends: the 培育库 (县申报 → 市审核 → 省确认, rollback), a year's
认定 campaign (open → recommend → score → 公示 → objection → confirm), and a 撤销; every refusal writes nothing."""

from __future__ import annotations

from datetime import date

import pytest

import queries
from analysis import workdays
from records import access, accounts, cultivation, publicity, recognition, revocation
from records.policy import PolicyError

FEIXI, HEFEI = "340123", "340100"
FEIXI_MACHINERY = "C34012301"  # 肥西县现代农业装备产业集群: 市级, not a 首位产业, not in the demo pool
TAIHU_AUTO = "C34082500"  # 太湖县汽车零部件产业集群 (安庆市): 市级, 培育
YUEXI = "C34082800"  # 岳西县新材料产业集群 (安庆市): 市级, 培育
TONGCHENG_PACKAGING = "C34088100"  # 桐城市绿色包装产业集群: 省级
CHANGFENG_AUTO = "C34012100"  # 长丰县新能源汽车及零部件产业集群 (合肥市): 省级


@pytest.fixture()
def db(any_db):
    accounts.create_user(any_db, "admin", "fx", "肥西填报", access.COUNTY_FILER, FEIXI, "Passw0rd1")
    accounts.create_user(any_db, "admin", "hf", "合肥审核", access.CITY_REVIEWER, HEFEI, "Passw0rd1")
    any_db.execute("update users set must_change_password = false")
    return any_db


def _rows(con, table: str):
    return (
        queries.postgres.run(con, f"select * from {table}", {})
        if queries.is_postgres(con)
        else con.execute(f"select * from {table}").df()
    )


def snapshot(con) -> dict[str, int]:
    tables = (
        "pool",
        "pool_events",
        "pool_applications",
        "campaigns",
        "campaign_candidates",
        "revocations",
        "objections",
        "audit_log",
    )
    return {t: len(_rows(con, t)) for t in tables}


def refused(con, call, error, match: str):
    before = snapshot(con)
    with pytest.raises(error, match=match):
        call()
    assert snapshot(con) == before  # nothing written


def cluster(con, cluster_id):
    return queries.run(con, "policy_cluster", cluster_id=cluster_id).iloc[0]


def test_working_days_count_holidays_and_weekend_workdays():
    cal = workdays.load()
    assert cal.publicity_end(date(2026, 11, 2)) == date(2026, 11, 6)  # Monday to Friday
    # 国庆: Oct 1–7 off, Sat Oct 10 worked (调休): Sep 30, Oct 8, 9, 10, 12
    assert cal.publicity_end(date(2026, 9, 30)) == date(2026, 10, 12)
    # 春节 2026: Feb 15–23 off, Sat Feb 14 worked: Feb 12, 13, 14, 24, 25
    assert cal.publicity_end(date(2026, 2, 12)) == date(2026, 2, 25)
    assert not cal.is_working_day(date(2026, 10, 3)) and cal.is_working_day(date(2026, 10, 10))
    with pytest.raises(ValueError, match="不是工作日"):
        cal.publicity_end(date(2026, 11, 7))
    with pytest.raises(workdays.CalendarMissing, match="2031"):
        cal.is_working_day(date(2031, 3, 3))


def test_pool_application_county_city_province_then_rollback(db):
    refused(db, lambda: cultivation.apply(db, "tc", FEIXI_MACHINERY, 2026, "理由"), access.PermissionDenied, "无权")
    refused(db, lambda: cultivation.apply(db, "fx", FEIXI_MACHINERY, 2026, "  "), PolicyError, "请填写")
    refused(db, lambda: cultivation.apply(db, "fx", FEIXI_MACHINERY, 2026, "a\x07b"), PolicyError, "控制字符")
    number = cultivation.apply(
        db, "fx", FEIXI_MACHINERY, 2026, "首位产业之外的特色产业，拟纳入培育", today=date(2026, 3, 2)
    )
    refused(db, lambda: cultivation.apply(db, "fx", FEIXI_MACHINERY, 2026, "再报一次"), PolicyError, "审核中")
    refused(db, lambda: cultivation.province_review(db, "prov", number, True), PolicyError, "不能省级确认")
    refused(db, lambda: cultivation.city_review(db, "aq", number, True), access.PermissionDenied, "无权市级审核")
    refused(db, lambda: cultivation.city_review(db, "hf", number, False, ""), PolicyError, "退回理由")
    cultivation.city_review(db, "hf", number, True, today=date(2026, 3, 3))
    refused(db, lambda: cultivation.province_review(db, "view", number, True), access.PermissionDenied, "无权")
    cultivation.province_review(db, "prov", number, True, today=date(2026, 3, 5))
    assert cluster(db, FEIXI_MACHINERY).pool_status == "入库"
    refused(db, lambda: cultivation.apply(db, "fx", FEIXI_MACHINERY, 2027, "又一次"), PolicyError, "已在培育库中")
    refused(db, lambda: cultivation.rollback(db, "prov", number), access.PermissionDenied, "无权回滚")
    cultivation.rollback(db, "admin", number)
    assert cluster(db, FEIXI_MACHINERY).pool_status is None
    steps = queries.run(db, "pool_events_of", cluster_id=FEIXI_MACHINERY).step.tolist()
    assert steps == ["县申报", "市级通过", "入库", "回滚"]
    # in again, then into 培育: a rollback is refused once the entry has moved on
    again = cultivation.apply(db, "fx", FEIXI_MACHINERY, 2026, "重新申报")
    cultivation.city_review(db, "hf", again, True)
    cultivation.province_review(db, "admin", again, True)
    campaign = open_2026(db)  # recommended from the pool: the entry can no longer be rolled back
    recognition.recommend(db, "hf", campaign, FEIXI_MACHINERY, "推荐", date(2026, 10, 9))
    refused(db, lambda: cultivation.rollback(db, "admin", again), PolicyError, "已有后续环节")
    refused(db, lambda: cultivation.cultivate(db, "prov", FEIXI_MACHINERY), access.PermissionDenied, "无权调整培育库")
    cultivation.cultivate(db, "admin", FEIXI_MACHINERY, reference="皖经信〔2026〕1号")
    assert cluster(db, FEIXI_MACHINERY).pool_status == "培育"
    refused(db, lambda: cultivation.rollback(db, "admin", again), PolicyError, "不能回滚")
    refused(db, lambda: cultivation.withdraw(db, "admin", FEIXI_MACHINERY, ""), PolicyError, "退出理由")
    cultivation.withdraw(db, "admin", FEIXI_MACHINERY, "县申请退出")
    assert cluster(db, FEIXI_MACHINERY).pool_status == "退出"


def open_2026(db) -> int:
    return recognition.open_campaign(
        db, "admin", 2026, date(2026, 10, 8), date(2026, 10, 20), 2, regions=["皖中", "皖南"], today=date(2026, 10, 8)
    )


def test_a_whole_campaign(db):
    refused(db, lambda: open_2026_as(db, "prov"), access.PermissionDenied, "无权组织集群认定")
    campaign = open_2026(db)
    refused(db, lambda: open_2026(db), PolicyError, "已经开启")
    day = date(2026, 10, 12)
    recommend = recognition.recommend
    refused(db, lambda: recommend(db, "hf", campaign, TAIHU_AUTO, "推荐", day), access.PermissionDenied, "无权推荐")
    refused(db, lambda: recommend(db, "aq", campaign, TONGCHENG_PACKAGING, "推荐", day), PolicyError, "已是省级")
    refused(db, lambda: recommend(db, "aq", campaign, TAIHU_AUTO, "推荐", date(2026, 10, 21)), PolicyError, "截止")
    refused(db, lambda: recommend(db, "tc", campaign, TAIHU_AUTO, "推荐", day), access.PermissionDenied, "无权")
    recommend(db, "aq", campaign, TAIHU_AUTO, "汽车零部件配套完善，推荐认定", day)
    recommend(db, "aq", campaign, YUEXI, "新材料增长快", day)
    refused(db, lambda: recommend(db, "aq", campaign, YUEXI, "再推", day), PolicyError, "已被推荐")
    refused(db, lambda: recognition.score(db, "prov", campaign, YUEXI, 80), PolicyError, "评审中")
    recognition.close_applications(db, "admin", campaign)
    refused(db, lambda: recognition.score(db, "prov", campaign, YUEXI, 101), PolicyError, "0 到 100")
    refused(db, lambda: recognition.score(db, "aq", campaign, YUEXI, 80), access.PermissionDenied, "无权")
    refused(
        db,
        lambda: recognition.start_publicity(db, "admin", campaign, [YUEXI], date(2026, 10, 26), day),
        PolicyError,
        "没有专家评审分",
    )
    recognition.score(db, "prov", campaign, TAIHU_AUTO, 85)
    recognition.score(db, "prov", campaign, YUEXI, 70)
    ranked, config = recognition.ranking(db, campaign)
    assert ranked.combined.notna().all() and ranked.ranking.tolist() == sorted(ranked.ranking.tolist())
    w = (config.race_weight, config.expert_weight)
    first = ranked.iloc[0]
    assert first.combined == pytest.approx((w[0] * first.race_score + w[1] * first.expert_score) / sum(w))
    both = [TAIHU_AUTO, YUEXI]
    refused(
        db,
        lambda: recognition.start_publicity(db, "admin", campaign, both, date(2026, 10, 24), day),
        PolicyError,
        "不是工作日",
    )
    refused(
        db,
        lambda: recognition.start_publicity(db, "admin", campaign, both + [CHANGFENG_AUTO], date(2026, 10, 26), day),
        PolicyError,
        "未被推荐",
    )
    end = recognition.start_publicity(db, "admin", campaign, both, date(2026, 10, 26), day)
    assert end == date(2026, 10, 30)
    record = publicity.record
    refused(
        db,
        lambda: record(db, "admin", "认定", campaign, YUEXI, date(2026, 10, 31), "匿名", "数据不实"),
        PolicyError,
        "不在公示期",
    )
    refused(
        db,
        lambda: record(db, "aq", "认定", campaign, YUEXI, date(2026, 10, 27), "匿名", "数据不实"),
        access.PermissionDenied,
        "无权",
    )
    objection = record(db, "prov", "认定", campaign, YUEXI, date(2026, 10, 27), "匿名来信", "营收数据疑似重复统计")
    refused(
        db, lambda: recognition.confirm(db, "admin", campaign, today=date(2026, 10, 30)), PolicyError, "之后才能确定"
    )
    refused(db, lambda: recognition.confirm(db, "admin", campaign, today=date(2026, 11, 2)), PolicyError, "未处理")
    publicity.handle(db, "prov", objection, upheld=False, handling="经核实营收为统计局口径，异议不成立")
    recognised = recognition.confirm(db, "admin", campaign, reference="皖经信〔2026〕99号", today=date(2026, 11, 2))
    assert recognised == 2
    for cluster_id in both:
        now = cluster(db, cluster_id)
        assert (now.level, now.pool_status, int(now.recognised_year)) == ("省级", "省级认定", 2026)
    outcomes = queries.run(db, "candidates", campaign_id=campaign)
    assert set(outcomes.outcome) == {"省级认定"} and set(outcomes.level_before) == {"市级"}
    refused(db, lambda: recognition.confirm(db, "admin", campaign, today=date(2026, 11, 3)), PolicyError, "已确定")
    actions = set(_rows(db, "audit_log").action)
    assert {
        "开启集群认定",
        "推荐认定集群",
        "入围名单公示",
        "登记公示异议",
        "处理公示异议",
        "认定省级集群",
        "确定认定名单",
    } <= actions


def open_2026_as(db, username):
    return recognition.open_campaign(
        db, username, 2026, date(2026, 10, 8), date(2026, 10, 20), 20, today=date(2026, 10, 8)
    )


def test_an_upheld_objection_keeps_the_cluster_out(db):
    campaign = open_2026(db)
    recognition.recommend(db, "aq", campaign, TAIHU_AUTO, "推荐", date(2026, 10, 9))
    recognition.close_applications(db, "admin", campaign)
    recognition.score(db, "admin", campaign, TAIHU_AUTO, 90)
    recognition.start_publicity(db, "admin", campaign, [TAIHU_AUTO], date(2026, 10, 26), date(2026, 10, 26))
    objection = publicity.record(db, "admin", "认定", campaign, TAIHU_AUTO, date(2026, 10, 26), "某企业", "弄虚作假")
    publicity.handle(db, "admin", objection, upheld=True, handling="经核实，申报数据虚报")
    assert recognition.confirm(db, "admin", campaign, today=date(2026, 11, 2)) == 0
    assert cluster(db, TAIHU_AUTO).level == "市级"
    assert queries.run(db, "candidates", campaign_id=campaign).outcome.tolist() == ["异议成立"]


def test_scope_and_pool_limit_recommendations(db):
    campaign = recognition.open_campaign(
        db, "admin", 2026, date(2026, 10, 8), date(2026, 10, 20), 20, regions=["皖北"], today=date(2026, 10, 8)
    )
    refused(
        db,
        lambda: recognition.recommend(db, "aq", campaign, TAIHU_AUTO, "推荐", date(2026, 10, 9)),
        PolicyError,
        "不在本年度申报范围",
    )
    refused(
        db,
        lambda: recognition.recommend(db, "hf", campaign, FEIXI_MACHINERY, "推荐", date(2026, 10, 9)),
        PolicyError,
        "不在培育库中",
    )


def test_revocation_proposal_publicity_decision(db):
    refused(db, lambda: revocation.propose(db, "admin", TAIHU_AUTO, "弄虚作假", "虚报"), PolicyError, "没有可撤销")
    flagged = [c for c in ("C34088100", "C34082700", "C34088200") if revocation.failed_twice(db, c)]
    if not flagged:
        refused(
            db,
            lambda: revocation.propose(db, "admin", TONGCHENG_PACKAGING, "连续两年未通过考核", "未通过"),
            PolicyError,
            "没有连续未通过",
        )
    refused(
        db,
        lambda: revocation.propose(db, "prov", TONGCHENG_PACKAGING, "弄虚作假", "虚报"),
        access.PermissionDenied,
        "无权撤销",
    )
    number = revocation.propose(db, "admin", TONGCHENG_PACKAGING, "弄虚作假", "2025年营收虚报", today=date(2026, 10, 8))
    refused(
        db,
        lambda: revocation.start_publicity(db, "admin", number, date(2026, 10, 2), today=date(2026, 10, 8)),
        PolicyError,
        "不能早于 2026-10-08",
    )
    refused(
        db, lambda: revocation.propose(db, "admin", TONGCHENG_PACKAGING, "弄虚作假", "又一次"), PolicyError, "进行中"
    )
    refused(db, lambda: revocation.decide(db, "admin", number, True, "撤销", date(2026, 11, 9)), PolicyError, "公示中")
    end = revocation.start_publicity(db, "admin", number, date(2026, 11, 2), today=date(2026, 11, 2))
    assert end == date(2026, 11, 6)
    refused(db, lambda: revocation.decide(db, "admin", number, True, "撤销", date(2026, 11, 6)), PolicyError, "之后")
    revocation.decide(db, "admin", number, True, "经公示无异议，撤销省级称号", date(2026, 11, 9))
    now = cluster(db, TONGCHENG_PACKAGING)
    assert (now.level, now.pool_status) == ("市级", "撤销")  # never 认定 by a campaign here: 市级
    assert queries.run(db, "pool_events_of", cluster_id=TONGCHENG_PACKAGING).step.tolist()[-3:] == [
        "撤销提议",
        "撤销公示",
        "撤销",
    ]
