"""AppTest of 培育与认定 and 认定公示: what a visitor reads (the pool's map, list and counts; no staff forms), and the
campaign driven through the pages by the users whose steps they are (admin opens, 安庆's reviewer recommends, the
province scores and publishes the 入围名单, records and handles an objection); every step lands in the store."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

import queries
from harness.apptest import page_app
from tests.test_app_workflow import as_user, staff  # noqa: F401  (the fixture)

YUEXI = "C34082800"


def test_a_visitor_reads_the_pool_and_sees_no_forms(app_store, monkeypatch):
    at = page_app("pages/recognition.py", monkeypatch)
    assert not at.exception
    assert at.title[0].value == "培育与认定 · 安徽省"
    counts = next(m.value for m in at.markdown if "培育库" in m.value and "省级认定" in m.value)
    assert "安徽省培育库 82 个集群" in counts and "省级认定 **50**" in counts and "培育 **32**" in counts
    listed = at.dataframe[0].value
    assert len(listed) == 82 and set(listed["培育库状态"]) == {"省级认定", "培育"}
    assert not [b for b in at.button if b.label in ("提交申报", "发布申报通知", "推荐")]
    assert not any("尚未开启年度认定" in i.value for i in at.info)  # only the open tab runs
    at.query_params["tab"] = "年度认定"
    at.run()
    assert any("尚未开启年度认定" in i.value for i in at.info)
    at = page_app("pages/publicity.py", monkeypatch)
    assert not at.exception and any("目前没有公示" in i.value for i in at.info)


def campaign_tab(username: str, password: str = "Passw0rd1"):
    at = as_user(username, password).switch_page("pages/recognition.py")
    at.query_params["tab"] = "年度认定"  # (the address of the tab: /recognition?tab=年度认定)
    return at.run()


def test_a_campaign_through_the_pages(staff):  # noqa: F811
    at = campaign_tab("admin", "Admin1234")
    assert not at.exception
    at.number_input(key="campaign_quota").set_value(5)
    at.date_input(key="campaign_deadline").set_value(date.today())
    at.button(key="campaign_open").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("年度认定已开启" in s.value for s in at.success)

    at = campaign_tab("aq")
    options = at.selectbox(key="recommend_cluster").options
    assert options and all("（" in o for o in options)  # only 安庆's pool clusters, with county and status
    assert not any("桐城市绿色包装" in o for o in options)  # 省级 already
    at.selectbox(key="recommend_cluster").set_value(YUEXI)
    at.button(key="recommend").click().run()
    assert any("请填写“推荐意见”" in e.value for e in at.error)  # refused in the data layer, nothing written
    assert queries.run(staff, "candidates", campaign_id=1).empty
    at.text_area(key="recommend_note").input("新材料集群增长快，推荐")
    at.button(key="recommend").click().run()
    assert not at.error and len(queries.run(staff, "candidates", campaign_id=1)) == 1

    at = campaign_tab("admin", "Admin1234")
    at.button(key="campaign_close").click().run()
    assert not at.error and queries.run(staff, "campaign", campaign_id=1).status.iloc[0] == "评审中"
    scores = next(d.value for d in at.dataframe if "专家评审分" in d.value.columns)
    assert scores["集群"].tolist() == ["岳西县新材料产业集群"] and scores["专家评审分"].isna().all()
    at.number_input(key=f"expert_1_{YUEXI}").set_value(88)
    next(b for b in at.button if b.label == "保存专家评审分").click().run()
    assert not at.error, [e.value for e in at.error]
    assert queries.run(staff, "candidates", campaign_id=1).expert_score.tolist() == [88.0]
    text = " ".join(m.value for m in at.markdown)
    assert "综合得分 = (0.6 × 赛马总分 + 0.4 × 专家评审分)" in text
    assert at.multiselect(key="shortlist_1_1").value == [YUEXI]
    at.button(key="publicity_go").click().run()
    assert not at.error, [e.value for e in at.error]
    campaign = queries.run(staff, "campaign", campaign_id=1).iloc[0]
    assert campaign.status == "公示中" and pd.Timestamp(campaign.publicity_end) > pd.Timestamp(campaign.publicity_start)

    at = as_user("view").switch_page("pages/publicity.py").run()
    assert not at.exception
    assert any("入围名单的公示" in m.value for m in at.markdown)
    assert at.dataframe[0].value["集群"].tolist() == ["岳西县新材料产业集群"]
    assert not [e for e in at.expander if e.label == "登记异议"]  # a viewer records nothing

    at = as_user("prov").switch_page("pages/publicity.py").run()
    at.date_input(key="objection_day_认定_1").set_value(pd.Timestamp(campaign.publicity_start).date())
    at.text_input(key="objection_by_认定_1").input("匿名")
    at.text_area(key="objection_text_认定_1").input("<b>营收</b>重复统计")
    at.button(key="objection_add_认定_1").click().run()
    assert not at.error, [e.value for e in at.error]
    shown = at.dataframe[1].value
    assert shown["异议内容"].tolist() == ["<b>营收</b>重复统计"] and shown["结论"].tolist() == ["待处理"]


@pytest.mark.parametrize(
    "page, tab",
    [("pages/recognition.py", tab) for tab in ("培育库", "年度认定", "动态调整", "目标与缺口")]
    + [("pages/publicity.py", None), ("pages/cluster.py", None)],
)
def test_each_role_opens_the_pages_without_error(staff, page, tab):  # noqa: F811
    for username, password in [("admin", "Admin1234"), ("prov", "Passw0rd1"), ("aq", "Passw0rd1"), ("tc", "Passw0rd1")]:
        at = as_user(username, password).switch_page(page)
        if tab:
            at.query_params["tab"] = tab
        at.run()
        assert not at.exception, (username, tab, at.exception)
        assert not at.error, (username, tab, [e.value for e in at.error])


def test_a_pool_application_through_the_pages(staff):  # noqa: F811
    """县申报 → 市审核 → 省确认 of a cluster's entry into the 培育库, each on the 培育库 tab by its user."""
    from records import access, accounts

    accounts.create_user(staff, "admin", "fx", "肥西填报", access.COUNTY_FILER, "340123", "Passw0rd1")
    accounts.create_user(staff, "admin", "hf", "合肥审核", access.CITY_REVIEWER, "340100", "Passw0rd1")
    staff.execute("update users set must_change_password = false")

    def pool_tab(username: str, password: str = "Passw0rd1"):
        at = as_user(username, password).switch_page("pages/recognition.py")
        at.query_params["tab"] = "培育库"
        return at.run()

    at = pool_tab("fx")
    assert at.selectbox(key="pool_apply_cluster").options == [
        "肥西县现代农业装备产业集群"
    ]  # its county's, not in the pool
    at.text_area(key="pool_apply_note").input("农机装备配套齐全，申请纳入培育库")
    at.button(key="pool_apply").click().run()
    assert any("已提交培育库申报第 1 号" in s.value for s in at.success), [e.value for e in at.error]

    at = pool_tab("aq")  # another city's reviewer sees nothing to review
    assert any("没有待市级审核的申报" in c.value for c in at.caption)
    at = pool_tab("hf")
    at.button(key="pool_review_ok").click().run()
    assert any("第 1 号已市级通过" in s.value for s in at.success)
    at = pool_tab("prov")
    at.button(key="pool_review_ok").click().run()
    assert any("第 1 号已确认入库" in s.value for s in at.success)
    entry = queries.run(staff, "policy_cluster", cluster_id="C34012301").iloc[0]
    assert entry.pool_status == "入库"
    listed = pool_tab("view").dataframe[0].value
    assert "肥西县现代农业装备产业集群" in set(listed["集群"])
