"""审核确认: the city's reviewer approves or returns its counties' submissions; the province confirms (publishes)
or returns city-approved ones; the province administrator can roll a confirmed batch back. Each decision is
checked again in the data layer (``records.batches``) and audited."""

import pandas as pd
import streamlit as st

import store
from components import attempt, plain, session, steps
from records import access, batches
from uploads import diff

current = session.current()
st.title("审核确认")
con = store.cursor()
if not access.may_open(current, "review"):
    st.error("只有市级审核、省级审核和省级管理员可以审核。")
    st.stop()

attempt.flash()

city_stage = access.allowed(current, "city_review")
waiting = store.live("batches", year=None, statuses=["已提交"] if city_stage else ["市级通过"])
if city_stage:
    waiting = waiting[waiting.city_adcode == current.adcode]
stage = "市级审核" if city_stage else "省级确认"
st.caption(f"{current.label} · 待{stage}的批次：{len(waiting)} 个。")


def label(row) -> str:
    return f"第 {row.batch_id} 批 · {row.county} · {row.year}年 · {row.kind} · {row.status}"


def show(batch: pd.Series) -> None:
    who = plain.md(batch.submitter or batch.submitted_by)
    st.markdown(
        f"**{batch.county}（{batch.city}） · {batch.year}年 · {batch.kind}**　提交人 {who}，"
        f"{batch.submitted_at:%Y-%m-%d %H:%M}"
    )
    st.caption(f"文件 {plain.md(batch.file_name)} · {batch.row_count:,} 行 · SHA-256 {batch.file_sha256}")
    changes, key = batches.batch_changes(con, int(batch.batch_id))
    st.markdown(f"与已确认数据相比：{diff.summary(changes, key)}")
    if not changes.empty:
        st.dataframe(changes, hide_index=True, width="stretch", height="auto", key=f"review_changes_{batch.batch_id}")


def decide(batch_id: int, approve: bool, comment: str) -> None:
    step = batches.city_review if city_stage else batches.province_review
    done = ("市级通过" if city_stage else "已确认并发布") if approve else "已退回"
    working = ("正在记录审核意见" if city_stage else "正在确认并发布（写入数据、更新地图）") if approve else "正在退回"
    with steps.step(working):
        attempt.attempt(lambda: step(con, session.username(), batch_id, approve, comment), f"第 {batch_id} 批{done}。")


if waiting.empty:
    st.info(f"没有待{stage}的批次。")
else:
    labels = {int(r.batch_id): label(r) for r in waiting.itertuples()}
    chosen = st.selectbox("批次", list(labels), format_func=labels.get, key="review_batch")
    batch = waiting.set_index("batch_id").loc[chosen].copy()
    batch["batch_id"] = chosen
    show(batch)
    comment = st.text_area("审核意见（退回时必填）", key=f"review_comment_{chosen}", max_chars=500)
    ok, back = st.columns(2)
    if ok.button("审核通过" if city_stage else "确认发布", type="primary", key="review_approve", width="stretch"):
        decide(chosen, True, comment)
    if back.button("退回", key="review_return", width="stretch"):
        decide(chosen, False, comment)

if access.allowed(current, "rollback"):
    st.markdown("#### 已确认的批次（可回滚）")
    confirmed = store.live("batches", year=None, statuses=["已确认"])
    if confirmed.empty:
        st.caption("尚无已确认的批次。")
    else:
        labels = {int(r.batch_id): label(r) for r in confirmed.itertuples()}
        target = st.selectbox(
            "回滚批次",
            list(labels),
            format_func=labels.get,
            key="rollback_batch",
            index=None,
            placeholder="选择要回滚的批次",
        )
        if target is not None and st.button("回滚到上一版本", key="rollback_go"):
            with steps.step("正在回滚"):
                attempt.attempt(
                    lambda: batches.rollback(con, session.username(), target),
                    f"第 {target} 批已回滚，数据恢复为确认前的版本。",
                )
