"""赛马评价: the year's ranking of clusters under seed 004's five directions, the 省级 clusters that failed two years
running, up to five clusters side by side, the specialisation of each county's 首位产业, and the configuration
(indicators, weights, rules), which the 省级管理员 can change as a new version."""

import html

import pandas as pd
import streamlit as st

import store
from analysis import evaluation as ev
from components import attempt, downloads, enterprise_links, evaluation_views, provenance, session, sidebar, url_state
from components.gap_lists import render as gap_lists
from records import access, evaluation_config

filters = sidebar.current(__file__)
cfg = evaluation_views.config()
values, scores = evaluation_views.scored(cfg)
years = sorted(scores.year.unique())
year = filters.year if filters.year in years else years[-1]
st.title(f"赛马评价 · {filters.name} · {year}年")
attempt.flash()

counties = store.query("county_metrics", year=year)
inside = set(counties[filters.covers(counties)].adcode)
ranked = scores[(scores.year == year) & scores.adcode.isin(inside)].sort_values(["rank", "name"])
names = dict(zip(scores.cluster_id, scores.name))
keys = [d.key for d in cfg.directions]

failed = ranked[~ranked.passed]
flagged = ranked[ranked.flagged & (ranked.level == "省级")]
st.markdown(
    f"参评集群 **{len(ranked)}** 个（全省 {int(ranked.n.max()) if len(ranked) else 0} 个中排名）　"
    f"未通过 **{len(failed)}** 个　省级集群连续两年未通过 **{len(flagged)}** 个"
)
if not flagged.empty:
    st.html(
        '<div class="flagged"><b>动态管理预警（省级集群连续两年未通过，第十四条）</b>：'
        + "、".join(
            enterprise_links.cluster_link(f"{r.name}（{r.county}）", year, r.cluster_id) for r in flagged.itertuples()
        )
        + "</div>"
    )

head = "".join(f"<th>{html.escape(d.name)}</th>" for d in cfg.directions)
body = "".join(
    f'<tr class="{"failed" if not r.passed else ""}"><td>{r.rank}</td>'
    f"<td>{enterprise_links.cluster_link(r.name, year, r.cluster_id)}</td><td>{html.escape(r.county)}</td>"
    f"<td>{html.escape(r.level)}</td><td>{r.total:.1f}</td>"
    + "".join(f"<td>{getattr(r, k):.0f}</td>" if pd.notna(getattr(r, k)) else "<td>—</td>" for k in keys)
    + f"<td>{'通过' if r.passed else '未通过'}{' ⚠' if r.flagged and r.level == '省级' else ''}</td></tr>"
    for r in ranked.itertuples()
)
st.html(
    '<div class="scroll-table"><table class="html-table" data-table="ranking"><thead><tr><th>名次</th><th>集群</th>'
    f"<th>县区</th><th>级别</th><th>总分</th>{head}<th>结果</th></tr></thead><tbody>{body}</tbody></table></div>"
)
table = pd.DataFrame(
    {
        "名次": ranked["rank"],
        "集群": ranked.name,
        "县区": ranked.county,
        "所属市": ranked.city,
        "级别": ranked.level,
        "总分": ranked.total.round(1),
    }
    | {d.name: ranked[d.key].round(1) for d in cfg.directions}
    | {
        "结果": ranked.passed.map({True: "通过", False: "未通过"}),
        "动态管理预警": (ranked.flagged & (ranked.level == "省级")).map({True: "是", False: ""}),
    }
)
provenance.render(year, filters.region, filters.city)  # the indicator values the scores are computed from
downloads.buttons(
    table,
    f"赛马评价_{filters.name}_{year}",
    key="ranking",
    label="排名",
    notes=[f"赛马评价 {year}年，评价配置第 {cfg.version} 版"],
)

gap_lists(values, year, inside, filters.name)

st.markdown("#### 集群对比（至多 5 个）")
options = ranked.cluster_id.tolist()
labels = dict(zip(ranked.cluster_id, ranked.name + "（第" + ranked["rank"].astype(str) + "名）"))
view = url_state.View("ranking", [url_state.Field("ranking_compare", "compare", many=True)])
view.take("ranking_compare", options, default=options[:3])
st.session_state["ranking_compare"] = st.session_state["ranking_compare"][:5]
picked = st.multiselect("选择集群", options, max_selections=5, format_func=labels.get, key="ranking_compare")
view.publish(filters)
if picked:
    left, right = st.columns([2, 3], gap="medium")
    shown = ranked.set_index("cluster_id").loc[picked].reset_index()
    with left:
        st.plotly_chart(
            evaluation_views.radar(shown, cfg, names, ranked[keys].mean()),
            width="stretch",
            config={"displaylogo": False},
        )
    with right:
        year_values = values[values.year == year].set_index("cluster_id").loc[picked]
        rows = [("总分", [f"{v:.1f}" for v in shown.total]), ("名次", [str(v) for v in shown["rank"]])]
        for ind in cfg.indicators:
            if ind.key in year_values:
                rows.append(
                    (
                        f"{ind.label}（{ind.unit}）",
                        [
                            "—" if pd.isna(v) else (f"{v:,.2f}" if float(v) % 1 else f"{v:,.0f}")
                            for v in year_values[ind.key]
                        ],
                    )
                )
        compare = pd.DataFrame(
            {"指标": [r[0] for r in rows]} | {names[c]: [r[1][i] for r in rows] for i, c in enumerate(picked)}
        )
        st.dataframe(compare, hide_index=True, width="stretch", height="content")

st.markdown("#### 首位产业专业化（区位熵）")
lq = ev.specialisation(values, counties[counties.adcode.isin(inside)][["adcode", "leading_industry"]], year)
lq = lq.merge(counties[["adcode", "name", "city"]], on="adcode")
st.dataframe(
    pd.DataFrame(
        {
            "县区": lq.name,
            "所属市": lq.city,
            "首位产业": lq.leading_industry,
            "首位产业集群营收（亿元）": lq.county_revenue.round(1),
            "占本县集群营收": lq.share,
            "全省该产业占比": lq.province_share,
            "区位熵": lq.lq.round(2),
        }
    ),
    hide_index=True,
    width="stretch",
    height=420,
    column_config={
        "占本县集群营收": st.column_config.NumberColumn(format="percent"),
        "全省该产业占比": st.column_config.NumberColumn(format="percent"),
    },
)
st.caption(
    "区位熵 = 首位产业在本县集群营收中的占比 ÷ 该产业在全省集群营收中的占比；大于 1 表示该县在此产业上比全省更专业化，"
    "0 表示本县尚无该产业的集群营收，空白表示本县无集群营收数据。"
)

st.markdown("#### 评价指标与权重")
evaluation_views.show_config(cfg)
current = session.current()
if current is not None and access.allowed(current, "configure_evaluation"):
    with st.expander("修改权重（保存为新版本）"):
        edited = {}
        for d in cfg.directions:
            edited[d.key] = st.number_input(f"{d.name}（方向权重）", 0.0, 1.0, d.weight, 0.05, key=f"w_{d.key}")
            for i in d.indicators:
                edited[i.key] = st.number_input(
                    f"　{i.label}（方向内权重）", 0.0, 1.0, i.weight, 0.05, key=f"w_{i.key}"
                )
        pass_score = st.number_input("通过分数线", 0.0, 100.0, cfg.pass_score, 1.0, key="w_pass")
        if st.button("保存为新版本", type="primary", key="w_save"):
            changed = cfg
            for key, weight in edited.items():
                changed = changed.with_weight(key, weight)
            changed = ev.Config(**{**vars(changed), "pass_score": pass_score})
            attempt.attempt(
                lambda: evaluation_config.save(store.cursor(), session.username(), changed),
                lambda saved: f"已保存为评价配置第 {saved.version} 版，排名已按新版本重算。",
            )
