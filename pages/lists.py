"""导入名单 (省级管理员): a published 名单 of one honour and year — the department's 专精特新、小巨人、高新 … lists, with
names and often no 统一社会信用代码 — matched to the 名录 (by code, exact name, then a close name in the county), the
matches, the ambiguous and the unmatched shown for a person to decide, and only then written as honours
(``records.name_lists``: checked, in one transaction, every person's choice audited)."""

from datetime import date

import pandas as pd
import streamlit as st

import settings
import store
from analysis import name_matching as nm
from components import attempt, downloads, list_review, plain, session, steps
from exports import tables
from records import Refused, name_lists
from uploads import files, name_list

st.title("导入名单")
current = session.guard("import_list")
attempt.flash()
st.caption(
    "把厅里发布的专精特新、小巨人、高新技术企业等名单导入为企业荣誉：按统一社会信用代码、名称、同县相近名称依次匹配名录中的企业；"
    "名称相近、多个候选和未匹配的行由您逐行确认后才写入，每次人工选择都记入操作日志。"
)
con = store.cursor()
left, middle, right = st.columns([2, 1, 3])
honour = left.selectbox("荣誉", store.query("honour_names").honour.tolist(), key="list_honour")
year = middle.selectbox(
    "年份", list(range(date.today().year, 2010, -1)), index=1, key="list_year", format_func=lambda y: f"{y}年"
)
title = right.text_input(
    "名单名称（发文或公告标题）", max_chars=200, key="list_title", placeholder="如：2024年度安徽省专精特新中小企业名单"
)
st.download_button(
    "下载名单模板（.xlsx）",
    tables.to_xlsx(
        pd.DataFrame(columns=[c.name for c in name_list.COLUMNS[:3]]),
        sheet=name_list.KIND,
        notes=[f"{c.name}：{c.note}" for c in name_list.COLUMNS[:3]]
        + ["也可直接上传发布的名单：标题行、序号、所在市等列可以保留。"],
    ),
    file_name="名单模板.xlsx",
    mime=tables.XLSX_MIME,
    icon=":material/download:",
    on_click="ignore",
    key="list_template",
)
upload = st.file_uploader(
    f"上传名单（.xlsx，或 UTF-8 / GBK 编码的 .csv；不超过 {settings.UPLOAD_MAX_MB} MB）",
    type=["xlsx", "csv"],
    key="list_file",
)
if upload is None:
    st.stop()

file_name, data = files.safe_name(upload.name), upload.getvalue()
digest = files.digest([(file_name, data)])
cached = st.session_state.get("list_checked")
try:
    if cached is not None and cached[0] == digest:
        checked = cached[1]
    else:
        with steps.step(f"正在读取并匹配 {file_name}（在独立的校验进程中进行）", f"已读取并匹配 {file_name}"):
            checked = name_lists.read(con, session.username(), file_name, data)
        st.session_state["list_checked"] = (digest, checked)
        st.session_state.pop("list_choices", None)
except (files.UnreadableFile, Refused) as refused:
    st.error(plain.md(refused))
    st.stop()

if checked.problems:
    report = checked.report()
    st.dataframe(report, hide_index=True, width="stretch", height="auto", key="list_report")
    downloads.buttons(report, f"名单校验结果_{year}", key="list_report_dl", label="校验结果")
if checked.error_count:
    st.error(f"名单有 {checked.error_count:,} 个错误，未匹配、未写入任何数据。请按上表改正后重新上传。")
    st.stop()

matched = checked.tables[name_list.KIND]
counties = store.query("counties")
names = dict(zip(counties.adcode, counties.name))
firms = store.query("enterprise_names")
st.markdown(f"#### {plain.md(file_name)}：{len(matched):,} 家企业")
list_review.summary(matched)
list_review.automatic(matched, names, dict(zip(firms.uscc, firms.name)))
choices = list_review.decide(matched, names, "list_choices")
rows = list_review.decided(matched, choices)
waiting = int(((rows.status == nm.AMBIGUOUS) & ~rows.by_person).sum())
writes = int(rows.uscc_chosen.notna().sum())
st.markdown(f"将写入 **{writes:,}** 项“{plain.md(honour)}”（{year}年），不写入 {len(rows) - writes:,} 行。")
if waiting:
    st.warning(f"还有 {waiting:,} 行匹配到多家企业，须逐行选定（或选“不写入”）后才能写入。")
if not title.strip():
    st.info("请填写名单名称（发文或公告标题）：它作为这些荣誉的来源显示。")
decision = (digest, honour, year, title.strip(), tuple(rows.uscc_chosen))  # what a write would write
if st.session_state.get("list_written") == decision:
    st.caption("此名单已按以上选择写入；改变某行的选择后可再次写入（已有的荣誉保留较早的首次获得年份）。")
elif st.button("写入荣誉", type="primary", disabled=bool(waiting) or not title.strip() or not writes, key="list_write"):

    def write() -> int:
        written = name_lists.write(con, session.username(), title, honour, year, rows)
        st.session_state["list_written"] = decision
        return written

    attempt.attempt(write, lambda n: f"已写入 {n:,} 项“{honour}”荣誉（{year}年，来源：{title.strip()}）。")
