"""The documents of a 认定 campaign and of a 撤销: the 公示 notice and the final list, as tables (.xlsx/CSV through
``exports.tables``) and as PDF text documents (``pdf_file.write_document``). Every cell is text typed or uploaded
by users: the .xlsx stores it as text and the CSV neutralises formulas (``exports.tables``); the PDF draws it as
text."""

from __future__ import annotations

from datetime import date

import pandas as pd

from exports.briefing import Table

BASIS = "《安徽省先进制造业集群培育管理办法（暂行）》第十条"


def _day(value) -> str:
    return (
        ""
        if value is None or pd.isna(value)
        else f"{pd.Timestamp(value):%Y年%m月%d日}".replace("年0", "年").replace("月0", "月")
    )


def shortlist(candidates: pd.DataFrame) -> pd.DataFrame:
    """The 入围名单 as published: 序号, 集群, 县区, 所属市, 产业, 赛马总分, 专家评审分, 综合得分."""
    listed = candidates[candidates.shortlisted.astype(bool)].sort_values("ranking")
    return pd.DataFrame(
        {
            "序号": range(1, len(listed) + 1),
            "集群": listed.name,
            "县区": listed.county,
            "所属市": listed.city,
            "产业": listed.industry,
            "赛马总分": listed.race_score.round(1),
            "专家评审分": listed.expert_score.round(1),
            "综合得分": listed.combined.round(1),
        }
    )


def final_list(candidates: pd.DataFrame) -> pd.DataFrame:
    """Every candidate with its outcome: 名次, 集群, 县区, 所属市, 产业, 综合得分, 结果, 认定前级别."""
    ordered = candidates.sort_values("ranking")
    return pd.DataFrame(
        {
            "名次": ordered.ranking,
            "集群": ordered.name,
            "县区": ordered.county,
            "所属市": ordered.city,
            "产业": ordered.industry,
            "综合得分": ordered.combined.round(1),
            "结果": ordered.outcome.fillna(""),
            "认定前级别": ordered.level_before.fillna(""),
        }
    )


def notice_text(campaign: pd.Series, count: int) -> tuple[str, list[str]]:
    """The 公示 notice's title and paragraphs."""
    year = int(campaign.year)
    title = f"关于{year}年度省级县域特色产业集群入围名单的公示"
    weights = f"{campaign.race_weight:g} × 赛马总分 + {campaign.expert_weight:g} × 专家评审分"
    return title, [
        f"根据{BASIS}，经各市推荐、省级审核评定（定量指标得分与专家评审结果综合：{weights}，"
        f"评价配置第 {int(campaign.config_version)} 版），拟认定以下 {count} 个集群为{year}年度省级县域特色产业集群，现予公示。",
        f"公示期为{_day(campaign.publicity_start)}至{_day(campaign.publicity_end)}（5个工作日）。"
        "如有异议，请在公示期内以书面形式向省工业和信息化厅反映，并提供必要的证明材料。",
    ]


def final_text(campaign: pd.Series, recognised: int) -> tuple[str, list[str]]:
    year = int(campaign.year)
    reference = f"（{campaign.reference}）" if isinstance(campaign.reference, str) and campaign.reference else ""
    return f"{year}年度省级县域特色产业集群认定名单{reference}", [
        f"经公示（{_day(campaign.publicity_start)}至{_day(campaign.publicity_end)}），"
        f"{year}年度共认定 {recognised} 个省级县域特色产业集群，确定于{_day(campaign.confirmed_at)}。"
    ]


def as_table(title: str, frame: pd.DataFrame) -> Table:
    def text(value) -> str:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
        return f"{value:.1f}" if isinstance(value, float) else str(value)

    return Table(
        title, [str(c) for c in frame.columns], [[text(v) for v in row] for row in frame.itertuples(index=False)]
    )


def today_text(today: date | None = None) -> str:
    return _day(today or date.today())
