"""数据上报 (县级填报, 省级管理员): download a template, upload a file, read every problem, preview what it would
change, submit it for the city's review; and follow one's own batches. Every step is checked again in the data
layer (``records.batches``)."""

import html
from datetime import date

import pandas as pd
import streamlit as st

import settings
import store
from components import attempt, downloads, plain, province_import_view, session, steps
from records import Refused, access, batches
from uploads import diff, files, kinds, sandbox, spec, templates

st.title("数据上报")
current = session.guard("submit")
con = store.cursor()

counties = store.query("counties")
own = counties[counties.adcode == current.county] if current.county else None
where = own.name.iloc[0] if own is not None and not own.empty else "全省各区县"
st.caption(f"{current.label} · 填报范围：{where}。流程：县级提交 → 市级审核 → 省级确认；确认后数据才在地图上显示。")

left, right = st.columns([1, 2])
years = list(range(date.today().year, 2018, -1))
year = left.selectbox("数据年度", years, index=1, key="upload_year", format_func=lambda y: f"{y}年")
kind = right.segmented_control("数据类型", kinds.NAMES, default=spec.ENTERPRISES, key="upload_kind")
kind = kind or spec.ENTERPRISES
wide = access.allowed(current, "province_import") and st.toggle(province_import_view.LABEL, key="upload_wide")

links = store.query("chain_link_names")
options = templates.options_from(
    counties,
    store.query("industry_names").industry.tolist(),
    links,
    store.query("honour_names").honour.tolist(),
    current.county,
)
prefill_county = current.county  # a filer's template starts from the county's confirmed rows
if prefill_county is None:
    names = dict(zip(counties.adcode, counties.name))
    prefill_county = st.selectbox(
        "模板预填区县", [None, *names], format_func=lambda a: names.get(a, "不预填（空白模板）"), key="upload_prefill"
    )
label = f"（预填{dict(zip(counties.adcode, counties.name))[prefill_county]}已确认数据）" if prefill_county else ""
st.download_button(
    f"下载{kind}模板{label}（.xlsx）",
    lambda: templates.template(
        kind, options, where, kinds.get(kind).prefill(store.cursor(), prefill_county, year) if prefill_county else None
    ),
    icon=":material/download:",
    file_name=f"{kind}模板_{where}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
    key="upload_template",
)

uploads = st.file_uploader(
    f"上传{kind}（.xlsx，或 UTF-8 / GBK 编码的 .csv；"
    + ("企业荣誉可作为第二个 CSV 一并上传；" if kind == spec.ENTERPRISES else "")
    + f"单个文件不超过 {settings.UPLOAD_MAX_MB} MB）",
    type=["xlsx", "csv"],
    accept_multiple_files=True,
    key=f"upload_files_{kind}",
)
st.caption(  # (the browser's own note on a refused file is Streamlit's English, which no parameter changes)
    f"框中标红的文件未被接受（类型不是 .xlsx / .csv，或超过 {settings.UPLOAD_MAX_MB} MB），请删除后重新选择。"
)

sandbox.warm()  # the worker that reads uploads (uploads.sandbox), started before the first file arrives

if uploads:
    payload = [(files.safe_name(f.name), f.getvalue()) for f in uploads]
    file_name = "、".join(name for name, _ in payload)
    digest = files.digest(payload)
    try:
        cached = st.session_state.get("upload_checked")
        if cached is not None and cached[0] == (digest, kind, year, wide):  # a rerun (e.g. the submit click)
            checked = cached[1]
        else:
            size = sum(len(data) for _, data in payload) / 2**20
            with steps.step(
                f"正在读取并校验 {file_name}（{size:,.1f} MB；在独立的校验进程中进行）", f"已读取并校验 {file_name}"
            ):
                checked = batches.check_upload(con, session.username(), kind, year, payload, province_wide=wide)
            st.session_state["upload_checked"] = ((digest, kind, year, wide), checked)
    except files.UnreadableFile as unreadable:
        st.error(plain.md(unreadable))
        st.stop()
    except Refused as refused:
        st.error(plain.md(refused))
        st.stop()
    county = counties.set_index("adcode").name.get(checked.adcode, "多个区县" if wide else "（未能识别区县）")
    errors, warnings = checked.error_count, checked.warning_count
    verdict = (
        f"{html.escape(file_name)}：{county} · {year}年 · {checked.rows:,} 行 · "
        f"<b>{errors:,} 个错误</b>、{warnings:,} 个警告"
    )
    st.html(f'<p class="upload-verdict" data-errors="{errors}" data-warnings="{warnings}">{verdict}</p>')
    if checked.problems:
        report = checked.report()
        st.dataframe(report, hide_index=True, width="stretch", height="auto", key="upload_report")
        downloads.buttons(report, f"校验结果_{county}_{year}", key="upload_report_dl", label="校验结果")
    if errors:
        st.error("文件有错误，未写入任何数据。请按上表改正后重新上传。")
        st.stop()
    if wide:
        province_import_view.render(con, session.username(), checked, file_name, digest, counties)
    else:
        with steps.step("正在与已确认数据比较", "已与已确认数据比较"):
            changes, label = batches.preview(con, checked)
        st.markdown(f"#### 与已确认数据相比：{diff.summary(changes, label)}")
        if not changes.empty:
            st.dataframe(changes, hide_index=True, width="stretch", height="auto", key="upload_changes")
        if warnings:
            st.warning(f"有 {warnings:,} 个警告：请核对后再提交。")
        submitted = st.session_state.get("upload_submitted", {}).get((digest, kind, year))
        if submitted is not None:
            st.success(f"已提交第 {submitted} 批（{county} · {year}年 · {kind}），等待市级审核。")
        elif st.button("提交市级审核", type="primary", key="upload_submit"):
            with steps.step(f"正在提交 {checked.rows:,} 行", "已提交"):
                batch = attempt.attempt(lambda: batches.submit(con, session.username(), checked, file_name, digest))
            if batch is not None:
                st.session_state.setdefault("upload_submitted", {})[(digest, kind, year)] = batch
                st.rerun()

st.markdown("#### 本人提交的批次")
mine = store.live("batches", year=None, statuses=None)
mine = mine[mine.submitted_by == current.username]
if mine.empty:
    st.caption("尚无提交记录。")
else:
    st.dataframe(
        pd.DataFrame(
            {
                "批次": mine.batch_id,
                "区县": mine.county,
                "年度": mine.year,
                "类型": mine.kind,
                "状态": mine.status,
                "审核意见": mine.comment.fillna(""),
                "文件": mine.file_name,
                "行数": mine.row_count,
                "提交时间": mine.submitted_at.dt.strftime("%Y-%m-%d %H:%M"),
            }
        ),
        hide_index=True,
        width="stretch",
        key="upload_mine",
    )
