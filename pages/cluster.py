"""集群画像 (一群一档): one cluster over the years — figures, tier and the gap to the next, honours, 五个一, public
service platforms against the 2027 target, R&D intensity against the average, 龙头企业, chain coverage (to
循链招商), its 赛马 scores with a radar against the average and chosen peers, and its 短板弱项."""

import streamlit as st

from components import cluster_profile, evaluation_views, growth_views, provenance, sidebar, url_state

filters = sidebar.current(__file__)
cfg = evaluation_views.config()
values, scores = evaluation_views.scored(cfg)
latest = values.sort_values("year").groupby("cluster_id").tail(1).sort_values(["city", "county", "name"])
names = dict(zip(latest.cluster_id, latest.name))
labels = dict(zip(latest.cluster_id, latest.name + "（" + latest.city + "）"))

view = url_state.View(
    "cluster", [url_state.Field("cluster_pick", "cluster"), url_state.Field("cluster_peers", "peers", many=True)]
)
view.take("cluster_pick", labels)
chosen = st.selectbox(
    "集群", list(labels), key="cluster_pick", format_func=labels.get, index=None, placeholder="选择或输入集群名称"
)
if chosen is None:
    st.title("集群画像")
    st.info("选择一个集群；在全省产业地图上点击县区，其集群列表下也可直接打开画像。")
    view.stop(filters)

history = values[values.cluster_id == chosen].sort_values("year")
years = history.year.tolist()
year = filters.year if filters.year in years else years[-1]
now = history[history.year == year].iloc[0]
st.title(f"集群画像 · {now['name']}")
st.markdown(
    f"{now.county}（{now.city}） · {now.industry} · {now.level}集群 · {now.recognised_year}年认定 · "
    f"数据年份 **{year}年**" + ("" if year == filters.year else f"（{filters.year}年无数据）")
)

growth_views.cluster_badge(now.adcode, now.industry)  # 强集群 and stars (招商研判), with their thresholds
cluster_profile.kpis(values, history, now, year)
provenance.render(year, cluster=chosen)
cluster_profile.trend_and_honours(history, now, year, chosen)
cluster_profile.leaders_and_chain(now, year, chosen)
cluster_profile.evaluation(values, scores, cfg, now, year, chosen, names, view)
cluster_profile.policy_history(chosen)
view.publish(filters)
