"""The yearly 认定 of 省级 clusters (seed 004 第八–十条; seed 000 §三(三) 每年认定20个左右), as a campaign:

1. 组织申报: the 省级管理员 opens the year's campaign with its notice date, deadline, quota and 申报范围 (第九条:
   industries and regions; empty = all);
2. the cities' reviewers recommend clusters of their city from the 培育库 (入库 or 培育, not yet 省级 or 国家级, in
   the scope) with a 推荐意见 (第十条(一) 正式行文推荐), until the deadline;
3. 审核评定: the province closes 申报, enters each candidate's 专家评审分 beside its 赛马 total, sees the combined
   ranking (``analysis.recognition``) and drafts the 入围名单 (at most the quota), which goes to 公示 for 5 working
   days (第十条(三)); the ranking, the scores and the configuration's version are frozen then;
4. objections are recorded and handled (``records.publicity``); after the 公示 the list is 确定: in one transaction
   the clusters become 省级 (recognised that year), their pool status 省级认定, the campaign 已确定, all audited.

Each step checks role, region and status in the store; a refusal (``PolicyError``, in Chinese) writes nothing.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

import queries
from analysis import evaluation as ev
from analysis import recognition as rec
from records import access, audit, evaluation_config, policy, publicity
from records.policy import PolicyError

RECOMMENDABLE = ("入库", "培育")  # pool statuses a city may recommend from
TITLED = ("省级", "国家级")  # levels already above what the campaign confers


def open_campaign(
    con,
    username: str,
    year: int,
    notice_on: date,
    deadline: date,
    quota: int,
    industries: list[str] | None = None,
    regions: list[str] | None = None,
    title: str | None = None,
    today: date | None = None,
) -> int:
    """Open the year's campaign (申报中); returns its number."""
    today = today or date.today()
    title = policy.text(title, "通知标题", required=False, limit=100) or f"{year}年度省级县域特色产业集群认定"
    if not 2000 <= int(year) <= today.year + 1:
        raise PolicyError(f"年度 {year} 不在可选范围内。")
    if deadline < notice_on or deadline < today:
        raise PolicyError("申报截止日期须不早于通知日期和今天。")
    if not 1 <= int(quota) <= 100:
        raise PolicyError("认定名额须在 1 到 100 之间（文件为每年 20 个左右）。")
    if unknown := set(regions or ()) - set(rec.REGIONS):
        raise PolicyError(f"区域须为皖北、皖中或皖南，不能是“{'、'.join(sorted(unknown))}”。")
    with policy.step(con):
        access.require(con, username, "run_recognition")
        known = set(queries.run(con, "industry_names").industry) if industries else set()
        if unknown := set(industries or ()) - known:
            raise PolicyError(f"未知的产业：{'、'.join(sorted(unknown))}。")
        if not queries.run(con, "campaign_of_year", year=int(year)).empty:
            raise PolicyError(f"{year}年度的认定已经开启（每年度评定一次，第九条）。")
        campaign_id = int(
            queries.run(
                con,
                "campaign_insert",
                year=int(year),
                title=title,
                notice_on=notice_on,
                deadline=deadline,
                quota=int(quota),
                industries="、".join(industries) if industries else None,
                regions="、".join(regions) if regions else None,
                opened_by=username,
                now=policy.now(),
            ).campaign_id.iloc[0]
        )
        scope = rec.scope_text(industries, regions)
        audit.record(
            con, username, "开启集群认定", year=int(year), detail=f"{title}，名额 {quota}，截止 {deadline}，{scope}"
        )
    return campaign_id


def recommend(con, username: str, campaign_id: int, cluster_id: str, note: str, today: date | None = None) -> None:
    """A city's recommendation of one of its pool clusters, with its 推荐意见."""
    today = today or date.today()
    note = policy.text(note, "推荐意见")
    with policy.step(con):
        campaign = _campaign(con, campaign_id, "申报中")
        cluster = policy.cluster(con, cluster_id)
        access.require(con, username, "recommend", cluster.adcode)
        if today > publicity.day(campaign.deadline):
            raise PolicyError(f"申报已于 {publicity.day(campaign.deadline):%Y-%m-%d} 截止。")
        _eligible(con, campaign, cluster)
        if (queries.run(con, "candidates", campaign_id=int(campaign_id)).cluster_id == cluster_id).any():
            raise PolicyError(f"{cluster['name']}已被推荐。")
        queries.run(
            con,
            "candidate_insert",
            campaign_id=int(campaign_id),
            cluster_id=cluster_id,
            city_adcode=cluster.city_adcode,
            note=note,
            username=username,
            now=policy.now(),
        )
        policy.event(con, username, cluster_id, "推荐", detail=note, reference=_reference(campaign), today=today)
        audit.record(
            con, username, "推荐认定集群", adcode=cluster.adcode, year=int(campaign.year), detail=cluster["name"]
        )


def withdraw_recommendation(con, username: str, campaign_id: int, cluster_id: str, today=None) -> None:
    """A city takes back a recommendation while 申报 is open."""
    with policy.step(con):
        campaign = _campaign(con, campaign_id, "申报中")
        cluster = policy.cluster(con, cluster_id)
        access.require(con, username, "recommend", cluster.adcode)
        queries.run(con, "candidate_delete", campaign_id=int(campaign_id), cluster_id=cluster_id)
        policy.event(con, username, cluster_id, "撤回推荐", reference=_reference(campaign), today=today)
        audit.record(con, username, "撤回推荐", adcode=cluster.adcode, year=int(campaign.year), detail=cluster["name"])


def close_applications(con, username: str, campaign_id: int) -> None:
    """The province closes 申报 (at or before the deadline) and starts 审核评定."""
    with policy.step(con):
        campaign = _campaign(con, campaign_id, "申报中")
        access.require(con, username, "run_recognition")
        if queries.run(con, "candidates", campaign_id=int(campaign_id)).empty:
            raise PolicyError("还没有任何市推荐集群，不能进入评审。")
        queries.run(con, "campaign_set_status", campaign_id=int(campaign_id), campaign_status="评审中")
        audit.record(con, username, "截止集群认定申报", year=int(campaign.year), detail=campaign.title)


def score(con, username: str, campaign_id: int, cluster_id: str, expert_score: float) -> None:
    """A candidate's 专家评审分 (0–100)."""
    scores(con, username, campaign_id, {cluster_id: expert_score})


def scores(con, username: str, campaign_id: int, entered: dict[str, float]) -> int:
    """Candidates' 专家评审分 (0–100), all saved or none; returns how many."""
    for value in entered.values():
        if value is None or pd.isna(value) or not 0 <= float(value) <= 100:
            raise PolicyError("专家评审分须在 0 到 100 之间。")
    with policy.step(con):
        access.require(con, username, "score_recognition")
        campaign = _campaign(con, campaign_id, "评审中")
        for cluster_id, value in entered.items():
            _candidate(con, campaign_id, cluster_id)
            queries.run(
                con,
                "candidate_expert",
                campaign_id=int(campaign_id),
                cluster_id=cluster_id,
                score=float(value),
                username=username,
            )
        listed = "，".join(f"{c}：{float(v):g}" for c, v in entered.items())
        audit.record(con, username, "录入专家评审分", year=int(campaign.year), detail=listed[:1000])
    return len(entered)


def ranking(con, campaign_id: int) -> tuple[pd.DataFrame, ev.Config]:
    """The candidates ranked now (before 公示) or as frozen (after), and the configuration of the weights."""
    campaign = _campaign(con, campaign_id)
    candidates = queries.run(con, "candidates", campaign_id=int(campaign_id))
    config = evaluation_config.current(con)
    if campaign.status in ("申报中", "评审中"):
        totals = rec.race_totals(ev.score(queries.run(con, "cluster_indicators"), config), int(campaign.year))
        candidates = rec.rank(candidates, totals, config.race_weight, config.expert_weight)
    return candidates, config


def start_publicity(
    con, username: str, campaign_id: int, shortlist: list[str], start: date, today: date | None = None
) -> date:
    """The 入围名单 (``shortlist``: cluster ids, at most the quota) goes to 公示 from ``start`` for 5 working days;
    returns its last day. The ranking, scores and weights are frozen."""
    today = today or date.today()
    with policy.step(con):
        campaign = _campaign(con, campaign_id, "评审中")
        access.require(con, username, "run_recognition")
        ranked, config = ranking(con, campaign_id)
        if ranked.expert_score.isna().any():
            missing = "、".join(ranked[ranked.expert_score.isna()].name)
            raise PolicyError(f"以下候选集群还没有专家评审分：{missing}。")
        if not shortlist:
            raise PolicyError("入围名单为空。")
        if unknown := set(shortlist) - set(ranked.cluster_id):
            raise PolicyError(f"入围名单中有未被推荐的集群：{'、'.join(sorted(unknown))}。")
        if len(set(shortlist)) > int(campaign.quota):
            raise PolicyError(f"入围 {len(set(shortlist))} 个，超过本年度名额 {int(campaign.quota)} 个。")
        begin, end = policy.publicity(start, publicity.day(campaign.notice_on), today)
        for r in ranked.itertuples():
            queries.run(
                con,
                "candidate_freeze",
                campaign_id=int(campaign_id),
                cluster_id=r.cluster_id,
                race_score=None if pd.isna(r.race_score) else float(r.race_score),
                race_year=None if pd.isna(r.race_year) else int(r.race_year),
                combined=float(r.combined),
                ranking=int(r.ranking),
                shortlisted=r.cluster_id in shortlist,
            )
            if r.cluster_id in shortlist:
                policy.event(
                    con,
                    username,
                    r.cluster_id,
                    "入围",
                    detail=f"综合得分 {r.combined:.1f}，第 {r.ranking} 名",
                    reference=_reference(campaign),
                    today=today,
                )
        queries.run(
            con,
            "campaign_publicity",
            campaign_id=int(campaign_id),
            config_version=config.version,
            race_weight=config.race_weight,
            expert_weight=config.expert_weight,
            start=begin,
            end=end,
        )
        audit.record(
            con,
            username,
            "入围名单公示",
            year=int(campaign.year),
            detail=f"{campaign.title}：入围 {len(set(shortlist))} 个，公示 {begin} 至 {end}，评价配置第 {config.version} 版",
        )
    return end


def confirm(con, username: str, campaign_id: int, reference: str | None = None, today: date | None = None) -> int:
    """After the 公示, the list is 确定: the shortlisted clusters without an upheld objection become 省级 clusters
    recognised in the campaign's year (pool: 省级认定), in one transaction; returns how many."""
    today = today or date.today()
    reference = policy.text(reference, "认定文号", required=False, limit=100)
    with policy.step(con):
        campaign = _campaign(con, campaign_id, "公示中")
        access.require(con, username, "run_recognition")
        publicity.may_decide(con, "认定", campaign_id, publicity.day(campaign.publicity_end), today)
        upheld = publicity.objections(con, "认定", campaign_id)
        upheld = set(upheld[upheld.finding == "成立"].cluster_id)
        year, recognised = int(campaign.year), 0
        for r in queries.run(con, "candidates", campaign_id=int(campaign_id)).itertuples():
            outcome = "未入围" if not r.shortlisted else "异议成立" if r.cluster_id in upheld else "省级认定"
            if outcome == "省级认定":
                if r.level in TITLED:
                    raise PolicyError(f"{r.name}已是{r.level}集群，不能再次认定；请先核对该集群的上报数据。")
                if not queries.run(con, "recognised_in_year", cluster_id=r.cluster_id, year=year).empty:
                    raise PolicyError(f"{r.name}在 {year} 年已被认定过，同一年不能认定两次。")
                queries.run(con, "cluster_set_level", cluster_id=r.cluster_id, level="省级", recognised_year=year)
                policy.event(
                    con,
                    username,
                    r.cluster_id,
                    "省级认定",
                    status="省级认定",
                    reference=reference or _reference(campaign),
                    today=today,
                )
                audit.record(
                    con, username, "认定省级集群", adcode=r.adcode, year=year, detail=f"{r.name}（原为{r.level}）"
                )
                recognised += 1
            else:
                step = "未予认定（异议成立）" if outcome == "异议成立" else outcome
                policy.event(con, username, r.cluster_id, step, reference=_reference(campaign), today=today)
            queries.run(
                con,
                "candidate_outcome",
                campaign_id=int(campaign_id),
                cluster_id=r.cluster_id,
                outcome=outcome,
                level_before=r.level if outcome == "省级认定" else None,
            )
        queries.run(
            con,
            "campaign_confirm",
            campaign_id=int(campaign_id),
            username=username,
            now=policy.now(),
            reference=reference,
        )
        audit.record(con, username, "确定认定名单", year=year, detail=f"{campaign.title}：认定 {recognised} 个")
    return recognised


def _eligible(con, campaign: pd.Series, cluster: pd.Series) -> None:
    """Refused unless ``cluster`` may be recommended to ``campaign``."""
    if cluster.level in TITLED:
        raise PolicyError(f"{cluster['name']}已是{cluster.level}集群。")
    if cluster.pool_status not in RECOMMENDABLE:
        now = f"培育库状态为“{cluster.pool_status}”" if cluster.pool_status else "不在培育库中"
        raise PolicyError(f"{cluster['name']}{now}：只能推荐培育库中入库或培育的集群（第十条(一)）。")
    if (industries := rec.split(campaign.industries)) and cluster.industry not in industries:
        raise PolicyError(
            f"{cluster['name']}的产业“{cluster.industry}”不在本年度申报范围（{'、'.join(industries)}）内。"
        )
    if (regions := rec.split(campaign.regions)) and cluster.region not in regions:
        raise PolicyError(f"{cluster['name']}所在的{cluster.region}不在本年度申报范围（{'、'.join(regions)}）内。")


def _campaign(con, campaign_id: int, status: str | None = None) -> pd.Series:
    found = queries.run(con, "campaign", campaign_id=int(campaign_id))
    if found.empty:
        raise PolicyError(f"认定第 {campaign_id} 号不存在。")
    campaign = found.iloc[0]
    if status is not None and campaign.status != status:
        raise PolicyError(f"{campaign.title}当前为“{campaign.status}”，这一步要在“{status}”时进行。")
    return campaign


def _candidate(con, campaign_id: int, cluster_id: str) -> pd.Series:
    found = queries.run(con, "candidates", campaign_id=int(campaign_id))
    found = found[found.cluster_id == cluster_id]
    if found.empty:
        raise PolicyError(f"集群 {cluster_id} 不是本次认定的候选集群。")
    return found.iloc[0]


def _reference(campaign: pd.Series) -> str:
    return f"{int(campaign.year)}年度认定"
