"""集群画像's sections (一群一档): the figures of the year, the trend with 五个一 and honours, the 龙头企业 and the
chain's coverage, and the 赛马评价 with its radar and 短板弱项. ``now`` is the cluster's row of
``queries/cluster_indicators.sql`` in the year shown; ``history`` all its rows; ``values`` every cluster's."""

from __future__ import annotations

import html

import pandas as pd
import plotly.express as px
import streamlit as st

import store
from analysis import chains, formats
from analysis import evaluation as ev
from analysis.scope import Scope
from components import enterprise_links, evaluation_views, html_table, talent_views, url_state
from components import enterprise_search as es
from records import province_figures


def kpis(values: pd.DataFrame, history: pd.DataFrame, now: pd.Series, year: int) -> None:
    """Revenue with its tier gap, growth, 规上企业, R&D intensity against the revenue-weighted average of the year's
    clusters, public service platforms against the 2027 target."""
    before = history[history.year == year - 1]
    growth = (now.revenue / before.revenue.iloc[0] - 1) if not before.empty and before.revenue.iloc[0] else None
    year_values = values[values.year == year]
    weights = year_values.revenue.where(year_values.rd_intensity.notna())
    average_rd = (year_values.rd_intensity * year_values.revenue).sum() / weights.sum() if weights.sum() else None
    province = province_figures.latest(store.cursor(), "rd_intensity_above_scale", year)  # 〔000〕's yardstick
    rd_note = f"全省集群平均 {average_rd:.2f}%（按营收加权）" if average_rd else ""
    if province is not None:
        rd_note = f"全省规上工业 {province.value:.2f}%（{int(province.year)}年）；" + rd_note
    cells = [
        ("营业收入", f"{now.revenue:,.1f} 亿元", evaluation_views.tier_gap(now.revenue)),
        (
            "同比增长",
            f"{growth:+.1%}" if growth is not None else "—",
            f"{year - 1}年 {before.revenue.iloc[0]:,.1f} 亿元" if not before.empty else "无上年数据",
        ),
        (
            "规上企业",
            f"{now.firms_above_scale:,.0f} 家" if pd.notna(now.firms_above_scale) else "—",
            f"集群企业名录 {now.members:,} 家",
        ),
        (
            "研发投入强度",
            f"{now.rd_intensity:.2f}%" if pd.notna(now.rd_intensity) else "—",
            rd_note,
        ),
        (
            "公共服务平台",
            f"{now.platforms:.0f} 个" if pd.notna(now.platforms) else "—",
            "已达 2027 年目标（≥1 个）"
            if pd.notna(now.platforms) and now.platforms >= 1
            else "未达 2027 年目标（≥1 个）",
        ),
    ]
    st.html(
        '<table class="kpi-table cluster-kpis"><tr>'
        + "".join(
            f'<td><div class="kpi-label">{html.escape(a)}</div><div class="kpi-value">{html.escape(b)}</div>'
            f'<div class="kpi-note">{html.escape(c)}</div></td>'
            for a, b, c in cells
        )
        + "</tr></table>"
    )


def trend_and_honours(history: pd.DataFrame, now: pd.Series, year: int, chosen: str) -> None:
    """Revenue and profit over the years; beside it the 五个一 and the member firms by honour, each count a link to
    its list."""
    left, right = st.columns([3, 2], gap="medium")
    with left:
        trend = history.melt(id_vars="year", value_vars=["revenue", "profit"], var_name="指标", value_name="亿元")
        trend["指标"] = trend["指标"].map({"revenue": "营业收入", "profit": "利润总额"})
        fig = px.line(
            trend.dropna(),
            x="year",
            y="亿元",
            color="指标",
            markers=True,
            labels={"year": "年份"},
            color_discrete_sequence=["#b91c1c", "#2563eb"],
        )
        fig.update_layout(
            height=330,
            margin={"l": 10, "r": 10, "t": 30, "b": 10},
            font={"size": 15},
            legend={"orientation": "h", "y": 1.12},
            xaxis={"dtick": 1},
            yaxis={"tickformat": ","},  # 1,000, not Plotly's English "1k"
        )
        st.plotly_chart(fig, width="stretch", config={"displaylogo": False})
    with right:
        done = [(label, bool(now[column])) for column, label in ev.FIVE_ONES.items()]
        items = "".join(
            f'<li class="{"done" if d else "missing"}">{"✔" if d else "✘"} {html.escape(label)}</li>'
            for label, d in done
        )
        st.html(f'<div class="five-ones"><b>“五个一”</b>（{sum(d for _, d in done)}/5）<ul>{items}</ul></div>')
        honours = {
            "上市公司": now.listed,
            "制造业单项冠军": now.champions,
            "专精特新“小巨人”": now.little_giants,
            "国家高新技术企业": now.high_tech,
            "专精特新中小企业": now.srdi,
        }
        links = " ｜ ".join(
            f"{html.escape(h)} {enterprise_links.link(n, year=year, cluster=chosen, honour=[h])}"
            for h, n in honours.items()
        )
        quality = int(now.little_giants + now.high_tech + now.srdi)
        st.html(
            f'<div class="cluster-honours"><b>{year}年优质企业（家，点击查看名单）</b><br>{links}<br>'
            f"专精特新与高新技术企业合计约 {quality} 家（2027 年首位产业集群目标 ≥20 家，同一企业多项荣誉重复计）</div>"
        )


def leaders_and_chain(now: pd.Series, year: int, chosen: str) -> None:
    """The eight largest member firms, the cluster's chain links present, weak and missing in its county, and its
    projects and talents (一图三库)."""
    left, right = st.columns(2, gap="medium")
    with left:
        st.markdown("#### 龙头企业")
        firms = store.query("enterprise_search", **es.query_args(es.Search(cluster=chosen), Scope(year), limit=8))
        if firms.empty:
            st.caption("企业名录中没有该集群的企业。")
        else:
            rows = "".join(
                f"<tr><td>{html.escape(r.name)}</td><td>{formats.wan(r.revenue)}</td><td>{html.escape(r.honours)}</td></tr>"
                for r in firms.itertuples()
            )
            st.html(
                '<table class="html-table" data-table="leaders"><thead><tr><th>企业（营收前 8）</th><th>营收（万元）</th>'
                f"<th>荣誉</th></tr></thead><tbody>{rows}</tbody></table>"
            )
            st.html(f"<p>集群全部企业：{enterprise_links.link(now.members, year=year, cluster=chosen)} 家</p>")
    with right:
        st.markdown("#### 产业链环节")
        coverage = chains.coverage(
            store.query("chain_coverage", industry=now.industry, year=year, region=None, city=None, adcode=now.adcode)
        )
        if coverage.empty:
            st.caption("该产业尚无产业链图谱。")
        else:
            counts = coverage.status.value_counts()
            statuses = (chains.PRESENT, chains.WEAK, chains.MISSING, chains.ABSENT_IN_PROVINCE)
            st.markdown("　".join(f"{s} **{int(counts.get(s, 0))}** 个" for s in statuses if counts.get(s, 0)))
            missing = coverage[coverage.status.isin([chains.MISSING, chains.WEAK])]
            if not missing.empty:
                st.caption("缺失或薄弱：" + "、".join(missing.name))
            st.html(enterprise_links.chain_link("查看缺链环节与招商线索（循链招商）", year, now.adcode, now.industry))
        st.html(talent_views.cluster_lines(now.cluster_id, now.adcode, year))


def evaluation(
    values: pd.DataFrame,
    scores: pd.DataFrame,
    cfg: ev.Config,
    now: pd.Series,
    year: int,
    chosen: str,
    names: dict[str, str],
    view: url_state.View,
) -> None:
    """The 赛马 score, rank and verdict of the year; a radar against the average and chosen peers (two of its tier
    band by default, kept in the page's address by ``view``); its 短板弱项 and its scores over the years."""
    st.markdown(f"#### 赛马评价 · {year}年")
    mine = scores[(scores.cluster_id == chosen) & (scores.year == year)].iloc[0]
    direction_text = "　".join(f"{d.name} **{mine[d.key]:.0f}**" for d in cfg.directions if pd.notna(mine[d.key]))
    verdict = "通过" if mine.passed else "未通过"
    flag = "　⚠ 连续两年未通过（动态管理预警）" if mine.flagged and now.level == "省级" else ""
    st.markdown(
        f"总分 **{mine.total:.1f}**，全省第 **{mine['rank']}** / {mine.n} 名，{verdict}{flag}　｜　{direction_text}"
    )
    left, right = st.columns([3, 2], gap="medium")
    year_scores = scores[scores.year == year]
    with left:
        others = year_scores[year_scores.cluster_id != chosen].sort_values("rank")
        peer_names = dict(zip(others.cluster_id, others.name + "（第" + others["rank"].astype(str) + "名）"))
        same_band, _ = ev.peers(values, chosen, year, cfg)
        default = [c for c in others.cluster_id if c in set(same_band.cluster_id)][:2]
        if st.session_state.get("cluster_peers_of") != chosen:  # another cluster: its own default peers
            st.session_state.pop("cluster_peers", None)
            st.session_state["cluster_peers_of"] = chosen
        view.take("cluster_peers", peer_names, default=default)
        st.session_state["cluster_peers"] = st.session_state["cluster_peers"][:4]
        picked = st.multiselect(
            "对比集群（至多 4 个）", list(peer_names), max_selections=4, format_func=peer_names.get, key="cluster_peers"
        )
        peers = year_scores[year_scores.cluster_id.isin(picked)].set_index("cluster_id").loc[picked].reset_index()
        shown = pd.concat([year_scores[year_scores.cluster_id == chosen], peers])
        average = year_scores[[d.key for d in cfg.directions]].mean()
        st.plotly_chart(
            evaluation_views.radar(shown, cfg, names, average), width="stretch", config={"displaylogo": False}
        )
    with right:
        st.markdown("#### 短板弱项")
        weak = ev.diagnose(values, chosen, year, cfg, {c: bool(now[c]) for c in ev.FIVE_ONES})
        if weak:
            st.html('<ul class="diagnosis">' + "".join(f"<li>{html.escape(w.sentence)}</li>" for w in weak) + "</ul>")
        else:
            st.success("各项指标均不在同档集群的后 25%，“五个一”已全部完成。")
        over_years = scores[scores.cluster_id == chosen][["year", "total", "rank", "n", "passed"]]
        st.dataframe(
            pd.DataFrame(
                {
                    "年份": over_years.year,
                    "总分": over_years.total.round(1),
                    "排名": over_years["rank"].astype(str) + " / " + over_years.n.astype(str),
                    "结果": over_years.passed.map({True: "通过", False: "未通过"}),
                }
            ),
            hide_index=True,
            width="stretch",
        )
    st.caption(f"评价配置第 {cfg.version} 版；规则与权重见“赛马评价”页。")


def policy_history(chosen: str) -> None:
    """The cluster's record in the 培育库: its status now, and every step (申报, 审核, 入库, 培育, 推荐, 入围, 公示异议,
    认定, 撤销 …) with its date, who took it and the document."""
    events = store.live("pool_events_of", cluster_id=chosen)
    entry = store.live("policy_cluster", cluster_id=chosen)
    status = entry.pool_status.iloc[0] if len(entry) and isinstance(entry.pool_status.iloc[0], str) else "未入库"
    st.markdown("#### 培育与认定记录")
    st.markdown(f"培育库状态：**{status}**")
    if events.empty:
        st.caption("尚无培育库记录。县级填报可在“培育与认定”页申报入库。")
        return
    events = events.assign(
        day=formats.days(events.happened_on),
        status=events.status.fillna(""),
        detail=events.detail.fillna(""),
        reference=events.reference.fillna(""),
    )
    columns = {"day": "日期", "step": "环节", "status": "状态", "detail": "说明", "reference": "依据", "actor": "经办"}
    st.html(html_table.to_html(events, columns))  # a short timeline, in the page's text, escaped cell by cell
    st.page_link("pages/recognition.py", label="打开培育与认定", icon=":material/verified:")
