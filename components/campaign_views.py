"""培育与认定 · 年度认定: the year's campaign step by step (组织申报 → 审核评定 → 公示 → 确定), showing each user the
step their role takes: the 省级管理员 opens and drives it, a city's reviewer recommends its pool clusters, the
province enters expert scores, sees the combined ranking and drafts the 入围名单. Every step is checked again in the
data layer (``records.recognition``)."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

import store
from analysis import evaluation as ev
from analysis import recognition as rec
from analysis import workdays
from components import attempt, plain, session
from records import access, evaluation_config, recognition

STEPS = ("申报中", "评审中", "公示中", "已确定")
STEP_NAMES = ("组织申报", "审核评定", "公示", "确定")


def render(current: access.User | None) -> None:
    con = store.cursor()
    campaigns = store.live("campaigns")
    if current is not None and access.allowed(current, "run_recognition"):
        open_form(con, campaigns)
    if campaigns.empty:
        st.info("尚未开启年度认定。省级管理员开启后，各市可从培育库中推荐集群（〔004〕第九、十条）。")
        return
    labels = {int(r.campaign_id): f"{r.year}年度 · {r.status}" for r in campaigns.itertuples()}
    chosen = st.selectbox("认定年度", list(labels), format_func=labels.get, key="campaign_pick")
    campaign = campaigns.set_index("campaign_id").loc[chosen]
    header(campaign)
    staff = current is not None and current.role != access.VIEWER
    status = campaign.status
    if status == "申报中" and current is not None and access.allowed(current, "recommend"):
        recommend_form(con, current, chosen, campaign)
    if status == "申报中" and current is not None and access.allowed(current, "run_recognition"):
        if st.button("截止申报，进入审核评定", key="campaign_close"):
            attempt.attempt(lambda: recognition.close_applications(con, session.username(), chosen), "已截止申报。")
    if status == "评审中" and current is not None:
        review(con, current, chosen, campaign, *recognition.ranking(con, chosen))
    elif staff or status in ("公示中", "已确定"):  # (a visitor sees no list before its 公示: nothing to rank)
        candidates_table(recognition.ranking(con, chosen)[0], campaign, public=not staff)
    if status == "公示中" and current is not None and access.allowed(current, "run_recognition"):
        confirm_form(con, chosen, campaign)
    if status in ("公示中", "已确定"):
        st.page_link("pages/publicity.py", label="打开公示与认定名单（含异议处理和导出）", icon=":material/campaign:")


def header(campaign: pd.Series) -> None:
    at = STEPS.index(campaign.status)
    steps = " → ".join(f"**{n}**" if i == at else (f"~~{n}~~" if i < at else n) for i, n in enumerate(STEP_NAMES))
    scope = rec.scope_text(rec.split(campaign.industries), rec.split(campaign.regions))
    st.markdown(f"#### {plain.md(campaign.title)}")
    st.markdown(
        f"{steps}　｜　通知 {campaign.notice_on:%Y-%m-%d}，申报截止 {campaign.deadline:%Y-%m-%d}，名额 "
        f"**{int(campaign.quota)}** 个（〔000〕每年认定20个左右），申报范围 {plain.md(scope)}（〔004〕第九条）"
    )
    st.caption(
        f"已推荐 {int(campaign.candidates)} 个 · 入围 {int(campaign.shortlisted)} 个 · 认定 {int(campaign.recognised)} 个"
    )


def open_form(con, campaigns: pd.DataFrame) -> None:
    year = date.today().year
    with st.expander("开启年度认定（组织申报）", expanded=campaigns.empty):
        c1, c2, c3, c4 = st.columns(4)
        year = c1.number_input("年度", 2020, year + 1, year, key="campaign_year")
        notice = c2.date_input("通知日期", date.today(), key="campaign_notice", format="YYYY-MM-DD")
        deadline = c3.date_input(
            "申报截止", date.today() + timedelta(days=30), key="campaign_deadline", format="YYYY-MM-DD"
        )
        quota = c4.number_input("认定名额", 1, 100, 20, key="campaign_quota")
        industries = st.multiselect(
            "申报范围：产业（不选为不限）", store.query("industry_names").industry, key="campaign_industries"
        )
        regions = st.multiselect("申报范围：区域（不选为全省）", rec.REGIONS, key="campaign_regions")
        if st.button("发布申报通知", type="primary", key="campaign_open"):
            attempt.attempt(
                lambda: recognition.open_campaign(
                    con, session.username(), int(year), notice, deadline, int(quota), industries, regions
                ),
                f"{int(year)}年度认定已开启，各市可推荐集群。",
            )


def recommend_form(con, current: access.User, campaign_id: int, campaign: pd.Series) -> None:
    entries = store.live("pool_entries")
    mine = entries[(entries.city_adcode == current.city) & entries.status.isin(recognition.RECOMMENDABLE)]
    mine = mine[~mine.level.isin(recognition.TITLED)]
    if industries := rec.split(campaign.industries):
        mine = mine[mine.industry.isin(industries)]
    if regions := rec.split(campaign.regions):
        mine = mine[mine.region.isin(regions)]
    done = store.live("candidates", campaign_id=campaign_id)
    done = done[done.city_adcode == current.city]
    mine = mine[~mine.cluster_id.isin(set(done.cluster_id))]
    with st.expander(f"推荐集群（本市可推荐 {len(mine)} 个，已推荐 {len(done)} 个）", expanded=True):
        if not mine.empty:
            names = {r.cluster_id: f"{r.name}（{r.county}，{r.status}）" for r in mine.itertuples()}
            cluster = st.selectbox("培育库中的集群", list(names), format_func=names.get, key="recommend_cluster")
            note = st.text_area("推荐意见（正式行文推荐的要点）", key="recommend_note", max_chars=2000)
            if st.button("推荐", type="primary", key="recommend"):
                attempt.attempt(
                    lambda: recognition.recommend(con, session.username(), campaign_id, cluster, note),
                    f"已推荐{names[cluster]}。",
                )
        if not done.empty:
            names = dict(zip(done.cluster_id, done.name))
            back = st.selectbox("撤回推荐", list(names), format_func=names.get, key="recommend_back_pick")
            if st.button("撤回这项推荐", key="recommend_back"):
                attempt.attempt(
                    lambda: recognition.withdraw_recommendation(con, session.username(), campaign_id, back),
                    "已撤回推荐。",
                )


def review(con, current, campaign_id: int, campaign: pd.Series, ranked: pd.DataFrame, config: ev.Config) -> None:
    st.markdown(
        f"**综合得分 = ({config.race_weight:g} × 赛马总分 + {config.expert_weight:g} × 专家评审分) ÷ "
        f"{config.race_weight + config.expert_weight:g}**（〔004〕第十条(二)；评价配置第 {config.version} 版；"
        "赛马总分取认定年度及以前最近一年；无定量数据的按 0 分计）"
    )
    st.dataframe(candidates_frame(ranked), hide_index=True, width="stretch")
    if access.allowed(current, "score_recognition"):
        scores_form(con, campaign_id, ranked)
    if access.allowed(current, "configure_evaluation"):
        weights_form(config)
    if access.allowed(current, "run_recognition"):
        shortlist_form(con, campaign_id, campaign, ranked)


def scores_form(con, campaign_id: int, ranked: pd.DataFrame) -> None:
    """One 0–100 box per candidate (as the experts' sheet lists them); saved together, each checked again."""
    with st.form(f"expert_scores_{campaign_id}", border=True):
        st.markdown("**录入专家评审分**（0–100，按专家评审表填写）")
        columns = st.columns(3)
        entered = {}
        for i, r in enumerate(ranked.sort_values(["city_adcode", "adcode", "name"]).itertuples()):
            entered[r.cluster_id] = columns[i % 3].number_input(
                f"{r.name}（{r.county}）",
                min_value=0.0,
                max_value=100.0,
                value=None if pd.isna(r.expert_score) else float(r.expert_score),
                step=0.5,
                placeholder="未评分",
                key=f"expert_{campaign_id}_{r.cluster_id}",
            )
        if st.form_submit_button("保存专家评审分", type="primary"):
            before = dict(zip(ranked.cluster_id, ranked.expert_score))
            changed = {c: s for c, s in entered.items() if s is not None and s != before.get(c)}

            attempt.attempt(
                lambda: recognition.scores(con, session.username(), campaign_id, changed),
                lambda n: f"已保存 {n} 个专家评审分，排名已更新。",
            )


def candidates_frame(ranked: pd.DataFrame, public: bool = False) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "名次": ranked.ranking,
            "集群": ranked.name,
            "县区": ranked.county,
            "所属市": ranked.city,
            "级别": ranked.level,
            "赛马总分": ranked.race_score.round(1),
            "赛马年份": ranked.race_year,
            "专家评审分": ranked.expert_score,
            "综合得分": ranked.combined.round(1),
            "入围": ranked.shortlisted.map({True: "是", False: ""}),
            "结果": ranked.outcome.fillna(""),
            "推荐意见": ranked.note,
        }
    )
    return frame[frame["入围"] == "是"].drop(columns=["推荐意见"]) if public else frame


def candidates_table(ranked: pd.DataFrame, campaign: pd.Series, public: bool) -> None:
    if ranked.empty:
        st.caption("尚无推荐的集群。")
        return
    st.markdown("**入围名单**" if public else f"**候选集群（{len(ranked)} 个）**")
    st.dataframe(candidates_frame(ranked, public), hide_index=True, width="stretch")


def weights_form(config: ev.Config) -> None:
    with st.expander("修改综合得分的权重（保存为评价配置新版本）"):
        left, right = st.columns(2)
        race = left.number_input("赛马总分权重", 0.0, 1.0, config.race_weight, 0.05, key="w_race")
        expert = right.number_input("专家评审分权重", 0.0, 1.0, config.expert_weight, 0.05, key="w_expert")
        if st.button("保存权重", key="w_recognition_save"):
            changed = ev.Config(**{**vars(config), "race_weight": race, "expert_weight": expert})
            attempt.attempt(
                lambda: evaluation_config.save(store.cursor(), session.username(), changed),
                lambda saved: f"已保存为评价配置第 {saved.version} 版。",
            )


def shortlist_form(con, campaign_id: int, campaign: pd.Series, ranked: pd.DataFrame) -> None:
    with st.expander("拟定入围名单并公示（5个工作日）", expanded=True):
        names = {
            r.cluster_id: f"{r.name}（{f'第 {int(r.ranking)} 名' if pd.notna(r.ranking) else '未评分'}）"
            for r in ranked.itertuples()
        }
        default = ranked.cluster_id.head(int(campaign.quota)).tolist() if ranked.expert_score.notna().all() else []
        picked = st.multiselect(
            "入围集群",
            list(names),
            default=default,
            format_func=names.get,
            key=f"shortlist_{campaign_id}_{int(ranked.expert_score.notna().sum())}",  # the default follows the scores
            placeholder="请选择入围集群",
        )
        start = st.date_input("公示开始日期", next_working_day(), key="publicity_start", format="YYYY-MM-DD")
        if st.button("发布入围名单，开始公示", type="primary", key="publicity_go"):
            attempt.attempt(
                lambda: recognition.start_publicity(con, session.username(), campaign_id, picked, start),
                lambda end: f"入围名单已公示，公示期至 {end:%Y-%m-%d}。",
            )


def confirm_form(con, campaign_id: int, campaign: pd.Series) -> None:
    end = campaign.publicity_end
    with st.expander(
        f"确定认定名单（公示期 {campaign.publicity_start:%Y-%m-%d} 至 {end:%Y-%m-%d} 结束后）", expanded=True
    ):
        reference = st.text_input("认定文号（可选）", key="confirm_reference", max_chars=100)
        if st.button("确定名单（集群级别改为省级）", type="primary", key="campaign_confirm"):
            attempt.attempt(
                lambda: recognition.confirm(con, session.username(), campaign_id, reference),
                lambda n: f"认定名单已确定：{n} 个集群认定为省级集群。",
            )


def next_working_day() -> date:
    try:
        return workdays.load().next_working_day(date.today() + timedelta(days=1))
    except workdays.CalendarMissing:
        return date.today() + timedelta(days=1)
