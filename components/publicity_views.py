"""认定公示: the 公示 of a campaign's 入围名单 or of a 撤销, as anyone allowed to read sees it (the notice, its days
counted in working days, the list), with the objections and their handling for staff, the forms to record and
handle them for the province, and the notice and the final list as .xlsx and .pdf."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

import store
from analysis import formats
from components import attempt, downloads, plain, session
from exports import offload, pdf_file
from exports import recognition as docs
from records import access, publicity


def objections(con, current: access.User | None, subject: str, subject_id: int, listed: dict[str, str], open_: bool):
    """The objections of one 公示 (their content and handling to staff only) and, for the province, the forms."""
    found = store.live("objections", subject=subject, subject_id=subject_id)
    staff = current is not None and current.role != access.VIEWER
    handled = int(found.finding.notna().sum())
    st.markdown(
        f"**公示异议**：收到 {len(found)} 条，已处理 {handled} 条，其中成立 {int((found.finding == '成立').sum())} 条。"
    )
    if staff and not found.empty:
        st.dataframe(
            pd.DataFrame(
                {
                    "编号": found.objection_id,
                    "集群": found.name,
                    "收到日期": formats.days(found.received_on),
                    "异议人": found.objector,
                    "异议内容": found.content,
                    "结论": found.finding.fillna("待处理"),
                    "核实与处理": found.handling.fillna(""),
                }
            ),
            hide_index=True,
            width="stretch",
        )
    if not (open_ and current is not None and access.allowed(current, "record_objection")):
        return
    key = f"{subject}_{subject_id}"
    with st.expander("登记异议"):
        cluster = st.selectbox("异议所指集群", list(listed), format_func=listed.get, key=f"objection_cluster_{key}")
        received = st.date_input("收到日期", date.today(), key=f"objection_day_{key}", format="YYYY-MM-DD")
        objector = st.text_input("异议人（单位或个人，可写“匿名”）", key=f"objection_by_{key}", max_chars=100)
        content = st.text_area("异议内容", key=f"objection_text_{key}", max_chars=2000)
        if st.button("登记", key=f"objection_add_{key}"):
            attempt.attempt(
                lambda: publicity.record(
                    con, session.username(), subject, subject_id, cluster, received, objector, content
                ),
                lambda n: f"已登记异议第 {n} 号。",
            )
    waiting = found[found.finding.isna()]
    if waiting.empty:
        return
    with st.expander(f"处理异议（待处理 {len(waiting)} 条）", expanded=True):
        labels = {int(r.objection_id): f"第 {r.objection_id} 号 · {r.name}" for r in waiting.itertuples()}
        chosen = st.selectbox("异议", list(labels), format_func=labels.get, key=f"objection_pick_{key}")
        handling = st.text_area("核实情况与处理意见", key=f"objection_handling_{key}_{chosen}", max_chars=2000)
        upheld, rejected = st.columns(2)
        if upheld.button("异议成立（移出名单）", key=f"objection_upheld_{key}", width="stretch"):
            attempt.attempt(
                lambda: publicity.handle(con, session.username(), chosen, True, handling), "已记录：异议成立。"
            )
        if rejected.button("异议不成立", key=f"objection_rejected_{key}", width="stretch"):
            attempt.attempt(
                lambda: publicity.handle(con, session.username(), chosen, False, handling), "已记录：异议不成立。"
            )


def stage(row) -> str:
    """The state of a 公示 in words: 公示中, 公示期满，待确定 (its days are over, no decision yet), or the decision."""
    if row.status != "公示中":
        return row.status
    return "公示期满，待确定" if date.today() > pd.Timestamp(row.publicity_end).date() else "公示中"


def days_line(start, end) -> str:
    today = date.today()
    state = (
        "公示中"
        if pd.Timestamp(start).date() <= today <= pd.Timestamp(end).date()
        else ("公示已结束" if today > pd.Timestamp(end).date() else "尚未开始")
    )
    return f"公示期：{start:%Y-%m-%d} 至 {end:%Y-%m-%d}（5个工作日，按国务院办公厅节假日安排计算）· {state}"


def exports(title: str, paragraphs: list[str], frame: pd.DataFrame, basename: str, key: str) -> None:
    """The document as .xlsx / CSV (the list, with the text as notes) and as .pdf."""
    downloads.buttons(frame, basename, key=key, notes=[title, *paragraphs], label="名单")

    def pdf() -> bytes:
        table = docs.as_table("名单", frame)
        return offload.call(
            pdf_file.write_document, title, paragraphs, [table], store.is_demo(), title, what=f"{basename}.pdf"
        )

    st.download_button(
        "下载 PDF",
        pdf,
        file_name=f"{basename}.pdf",
        mime="application/pdf",
        key=f"{key}_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )


def campaign(con, current: access.User | None, row: pd.Series) -> None:
    campaign_id = int(row.campaign_id)
    candidates = store.live("candidates", campaign_id=campaign_id)
    listed = docs.shortlist(candidates)
    title, paragraphs = docs.notice_text(row, len(listed))
    st.markdown(f"### {plain.md(title)}")
    for paragraph in paragraphs:
        st.markdown(plain.md(paragraph))
    st.markdown(days_line(row.publicity_start, row.publicity_end))
    st.dataframe(listed, hide_index=True, width="stretch")
    exports(title, paragraphs, listed, f"入围名单公示_{int(row.year)}", key=f"notice_{campaign_id}")
    names = dict(zip(candidates[candidates.shortlisted.astype(bool)].cluster_id, listed["集群"]))
    objections(con, current, "认定", campaign_id, names, row.status == "公示中")
    if row.status == "已确定":
        final = docs.final_list(candidates)
        title, paragraphs = docs.final_text(row, int((candidates.outcome == "省级认定").sum()))
        st.markdown(f"### {plain.md(title)}")
        st.markdown(plain.md(paragraphs[0]))
        st.dataframe(final, hide_index=True, width="stretch")
        exports(title, paragraphs, final, f"认定名单_{int(row.year)}", key=f"final_{campaign_id}")


def revocation(con, current: access.User | None, row: pd.Series) -> None:
    title = f"关于拟撤销{row['name']}省级集群称号的公示"
    paragraphs = [
        f"根据《安徽省先进制造业集群培育管理办法（暂行）》第十四条，{row['name']}（{row.county}）因“{row.grounds}”"
        f"（{row.reason}），拟按程序撤销其省级集群称号，现予公示。",
    ]
    st.markdown(f"### {plain.md(title)}")
    st.markdown(plain.md(paragraphs[0]))
    st.markdown(days_line(row.publicity_start, row.publicity_end))
    if row.status in ("已撤销", "不予撤销"):
        st.markdown(f"**决定：{row.status}**（{row.decided_at:%Y-%m-%d}）{plain.md(row.decision or '')}")
    frame = pd.DataFrame({"集群": [row["name"]], "县区": [row.county], "所属市": [row.city], "撤销依据": [row.grounds]})
    exports(title, paragraphs, frame, f"撤销公示_{row.revocation_id}", key=f"revocation_{row.revocation_id}")
    objections(con, current, "撤销", int(row.revocation_id), {row.cluster_id: row["name"]}, row.status == "公示中")
