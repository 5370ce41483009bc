"""One year's 认定 in the browser, each step by the user whose step it is (issue 20): the 省级管理员 opens the
campaign, 安庆's reviewer recommends a pool cluster, the province enters the expert score and publishes the 入围名单,
a 公示 of 5 working days runs, an objection is recorded and handled, the list is confirmed and the cluster is 省级 on
its 集群画像 with its history; then one 撤销 (proposal → 公示 → decision). The 公示 is recorded as published on the
厅网站 on a past date (2026-11-16 to 11-20), so the list can be confirmed today."""

from __future__ import annotations

import shutil

from harness.browser import serving
from records import sessions

NOTICE, START, OBJECTION = "2026-11-02", "2026-11-16", "2026-11-17"
REVOKED = "青阳县新型建材产业集群"  # 省级, below the pass score in 2024 and 2025 (the demo's 赛马)


def log_in(browser, url: str, username: str, password: str = "Passw0rd1"):
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{url}/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.get_by_text("当前用户：").wait_for(timeout=30000)
    for _ in range(100):  # the page posts its one-time code; the login cookie comes with the reply
        if any(c["name"] == sessions.COOKIE for c in context.cookies()):
            return page
        page.wait_for_timeout(100)
    raise AssertionError("no login cookie")


def open_tab(page, url: str, tab: str):
    page.goto(f"{url}/recognition")
    page.get_by_role("heading", name="培育与认定 · 安徽省").wait_for(timeout=30000)
    page.get_by_role("tab", name=tab).click()


def set_date(page, label: str, value: str) -> None:
    """Type ``value`` (YYYY-MM-DD) into the date field ``label``: its year, month and day segments in turn."""
    year, month, day = value.split("-")
    page.get_by_role("spinbutton", name=f"year, {label}").click()
    page.keyboard.type(year + month + day)
    page.keyboard.press("Tab")
    field = page.get_by_role("group", name=label)
    for _ in range(50):
        if field.inner_text().replace("\n", "").replace(" ", "").endswith(f"{year}-{month}-{day}"):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{label}: {field.inner_text()!r}")


def done(page, text: str) -> str:
    """The success message containing ``text`` (after the step's rerun); no error or exception beside it."""
    alert = page.get_by_test_id("stAlertContentSuccess").filter(has_text=text).first
    alert.wait_for(timeout=30000)
    assert not page.get_by_test_id("stException").count()
    assert not page.get_by_test_id("stAlertContentError").count()
    return alert.inner_text()


def test_a_whole_campaign_and_a_revocation(browser, accounts_store, tmp_path):
    path = tmp_path / "campaign.duckdb"
    shutil.copy(accounts_store, path)
    with serving(path) as (url, _):
        admin = log_in(browser, url, "admin", "Admin1234")
        open_tab(admin, url, "年度认定")
        set_date(admin, "通知日期", NOTICE)
        admin.get_by_label("认定名额").fill("3")
        admin.get_by_role("button", name="发布申报通知").click()
        done(admin, "年度认定已开启，各市可推荐集群。")

        city = log_in(browser, url, "aq")
        open_tab(city, url, "年度认定")
        city.get_by_label("推荐意见（正式行文推荐的要点）").fill("新材料集群增长快，<b>推荐</b>认定")
        city.get_by_role("button", name="推荐", exact=True).click()
        recommended = done(city, "已推荐").removeprefix("已推荐").split("（")[0]  # the first of 安庆's pool clusters

        open_tab(admin, url, "年度认定")
        admin.get_by_role("button", name="截止申报，进入审核评定").click()
        done(admin, "已截止申报。")
        score = admin.locator("input[aria-label$='）'][type='number']").first
        score.fill("88")
        admin.get_by_role("button", name="保存专家评审分").click()
        done(admin, "已保存 1 个专家评审分，排名已更新。")
        set_date(admin, "公示开始日期", START)
        admin.get_by_role("button", name="发布入围名单，开始公示").click()
        done(admin, "入围名单已公示，公示期至 2026-11-20。")

        province = log_in(browser, url, "prov")
        province.goto(f"{url}/publicity")
        province.get_by_role("heading", name="关于").first.wait_for(timeout=30000)
        text = province.locator("section.main, [data-testid=stMain]").first.inner_text()
        assert "公示期：2026-11-16 至 2026-11-20（5个工作日" in text and "公示已结束" in text
        province.get_by_text("登记异议").click()
        set_date(province, "收到日期", OBJECTION)
        province.get_by_label("异议人（单位或个人，可写“匿名”）").fill("匿名来信")
        province.get_by_label("异议内容").fill("营收数据疑似重复统计")
        province.get_by_role("button", name="登记", exact=True).click()
        done(province, "已登记异议第 1 号。")
        province.get_by_label("核实情况与处理意见").fill("经核实为统计局口径，异议不成立")
        province.get_by_role("button", name="异议不成立").click()
        done(province, "已记录：异议不成立。")

        open_tab(admin, url, "年度认定")
        admin.get_by_label("认定文号（可选）").fill("皖经信〔2026〕99号")
        admin.get_by_role("button", name="确定名单（集群级别改为省级）").click()
        done(admin, "认定名单已确定：1 个集群认定为省级集群。")

        visitor = browser.new_page(viewport={"width": 1600, "height": 1000})  # open browsing: anyone reads the list
        visitor.goto(f"{url}/publicity")
        visitor.get_by_text("年度共认定 1 个省级县域特色产业集群").wait_for(timeout=30000)
        assert "营收数据疑似重复统计" not in visitor.locator("[data-testid=stMain]").inner_text()  # staff only
        with visitor.expect_download() as pdf:
            visitor.get_by_role("button", name="下载 PDF").last.click()
        assert pdf.value.suggested_filename.startswith("认定名单_") and pdf.value.path().read_bytes()[:5] == b"%PDF-"
        visitor.close()

        # 撤销: a 省级 cluster that failed two years running, by the two-year rule
        open_tab(admin, url, "动态调整")
        admin.get_by_text("提议撤销省级称号").click()
        admin.get_by_role("combobox", name="集群").click()
        admin.keyboard.type(REVOKED)
        admin.keyboard.press("Enter")
        admin.get_by_label("撤销理由").fill("2024、2025年赛马总分均低于 40 分")
        set_date(admin, "提议日期", NOTICE)
        admin.get_by_role("button", name="提议撤销").click()
        done(admin, "已提议撤销（撤销第 1 号），下一步为公示。")
        set_date(admin, "公示开始日期", START)
        admin.get_by_role("button", name="开始公示（5个工作日）").click()
        done(admin, "撤销公示已开始，至 2026-11-20。")
        admin.get_by_label("决定说明").fill("公示期满无异议，撤销省级称号")
        admin.get_by_role("button", name="决定撤销").click()
        done(admin, "已撤销省级称号。")
        table = admin.locator("[data-testid=stMain]").inner_text()
        assert "撤销程序（1 项）" in table  # (its row, in a canvas table, is checked on the 集群画像 below)
        for page in (admin, city, province):
            assert not page.get_by_test_id("stException").count()

        profile = log_in(browser, url, "view")  # the recognised cluster's 集群画像: 省级, with its history
        profile.goto(f"{url}/cluster")
        profile.get_by_role("combobox", name="集群").click()
        profile.keyboard.type(recommended)
        profile.keyboard.press("Enter")
        profile.get_by_role("heading", name=f"集群画像 · {recommended}").wait_for(timeout=30000)
        profile.get_by_text("培育库状态：省级认定").wait_for(timeout=90000)  # (below charts: slow on a busy machine)
        body = profile.locator("[data-testid=stMain]").inner_text()
        assert "省级集群 · 2026年认定" in body
        for step in ("推荐", "入围", "公示异议", "异议不成立", "省级认定", "皖经信〔2026〕99号"):
            assert step in body, step
        profile.goto(f"{url}/cluster")
        profile.get_by_role("combobox", name="集群").click()
        profile.keyboard.type(REVOKED)
        profile.keyboard.press("Enter")
        profile.get_by_text("培育库状态：撤销").wait_for(timeout=90000)
        assert "市级集群" in profile.locator("[data-testid=stMain]").inner_text()
