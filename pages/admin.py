"""用户与日志 (省级管理员): create accounts, change their role or region, disable them, reset passwords; read the
audit log. Every action here is checked again in the data layer (``accounts``), whoever calls it."""

import pandas as pd
import streamlit as st

import store
from components import attempt, downloads, session
from records import access, accounts, backup

CREATED = "admin_created"  # session key: the new user's name and temporary password, shown once after the rerun

st.title("用户与日志")
session.guard("manage_users")
con = store.cursor()

cities = store.query("cities")
counties = store.query("counties")
city_names = dict(zip(cities.adcode, cities.name))
county_names = dict(zip(counties.adcode, counties.name + "（" + counties.city + "）"))


def region_choice(role: str, key: str, value: str | None = None) -> str | None:
    """The city or county a scoped role is bound to (no choice for the other roles)."""
    level = access.SCOPED.get(role)
    if level is None:
        return None
    names = city_names if level == "市" else county_names
    options = list(names)
    return st.selectbox(
        "所属地级市" if level == "市" else "所属区县",
        options,
        key=key,
        format_func=names.get,
        index=options.index(value) if value in options else None,
        placeholder="请选择",
    )


attempt.flash()

users_tab, new_tab, audit_tab, backup_tab = st.tabs(["用户列表", "新建用户", "审计日志", "备份与恢复"])

with users_tab:
    users = store.live("users")
    listed = pd.DataFrame(
        {
            "用户名": users.username,
            "姓名/单位": users.display_name,
            "角色": users.role,
            "所属地区": users.region_name.fillna("全省"),
            "状态": [
                "已停用" if d else ("锁定中" if pd.notna(t) and t > pd.Timestamp.now() else "正常")
                for d, t in zip(users.disabled, users.locked_until)
            ],
            "须改密码": users.must_change_password.map({True: "是", False: "否"}),
            "创建时间": users.created_at.dt.strftime("%Y-%m-%d %H:%M"),
        }
    )
    st.dataframe(listed, hide_index=True, width="stretch")
    st.markdown("#### 修改用户")
    chosen = st.selectbox("用户", users.username.tolist(), key="admin_user", index=None, placeholder="选择要修改的用户")
    if chosen:
        row = users.set_index("username").loc[chosen]
        name = st.text_input("姓名/单位", value=row.display_name, key=f"admin_name_{chosen}", max_chars=60)
        role = st.selectbox("角色", access.ROLES, index=access.ROLES.index(row.role), key=f"admin_role_{chosen}")
        region = region_choice(role, f"admin_region_{chosen}_{role}", row.adcode)
        disabled = st.checkbox("停用此账号", value=bool(row.disabled), key=f"admin_disabled_{chosen}")
        save, reset = st.columns(2)
        if save.button("保存修改", type="primary", key="admin_save"):
            attempt.attempt(
                lambda: accounts.update_user(con, session.username(), chosen, name, role, region, disabled),
                f"已保存用户 {chosen}。",
            )
        if reset.button("重置密码", key="admin_reset"):
            password = attempt.attempt(lambda: accounts.reset_password(con, session.username(), chosen))
            if password is not None:
                st.success(f"用户 {chosen} 的临时密码：")
                st.code(password, language=None)
                st.caption("临时密码只显示这一次，请当面或通过安全渠道交给本人；其首次登录须修改密码。")

with new_tab:
    username = st.text_input("用户名", key="new_username", max_chars=32, help="2–32 位字母、数字或 _ . -")
    name = st.text_input("姓名/单位", key="new_name", max_chars=60)
    role = st.selectbox("角色", access.ROLES, key="new_role", index=None, placeholder="请选择")
    region = region_choice(role, f"new_region_{role}") if role else None
    if st.button("新建用户", type="primary", key="new_create", disabled=not (username and role)):
        password = accounts.temporary_password()
        if attempt.attempt(
            lambda: accounts.create_user(con, session.username(), username.strip(), name, role, region, password)
        ):  # run again, so that the list above shows the new user; the password is shown once, below
            st.session_state[CREATED] = (username.strip(), password)
            for key in ("new_username", "new_name", "new_role"):
                del st.session_state[key]
            st.rerun()
    if created := st.session_state.pop(CREATED, None):
        st.success(f"已新建用户 {created[0]}，临时密码：")
        st.code(created[1], language=None)
        st.caption("临时密码只显示这一次；其首次登录须修改密码。")

with audit_tab:
    events = store.live("audit_events", limit=1000)
    log = pd.DataFrame(
        {
            "时间": events.happened_at.dt.strftime("%Y-%m-%d %H:%M:%S"),
            "用户名": events.username,
            "姓名/单位": events.display_name,
            "操作": events.action,
            "批次": events.batch_id.map(lambda b: "" if pd.isna(b) else str(int(b))),
            "区县": events.county,
            "年份": events.year.map(lambda y: "" if pd.isna(y) else str(int(y))),
            "文件名": events.file_name,
            "文件 SHA-256": events.file_sha256,
            "说明": events.detail,
        }
    )
    st.dataframe(log, hide_index=True, width="stretch", height=520)
    st.caption("最近 1,000 条操作记录，最新的在前。")
    downloads.buttons(log, "审计日志", key="audit", notes=["审计日志：最近 1,000 条操作记录"])

with backup_tab:
    st.markdown("#### 导出全库")
    st.caption("全部数据表（含用户、批次与审计日志）各存为一个 Parquet 文件，打包为 zip。")
    st.download_button(
        "导出全库（.zip）",
        lambda: backup.export_zip(store.cursor(), session.username()),
        file_name=f"安徽产业集群地图备份_{pd.Timestamp.now():%Y%m%d_%H%M}.zip",
        mime="application/zip",
        on_click="ignore",
        key="backup_export",
        icon=":material/download:",
    )
    st.markdown("#### 从备份恢复")
    st.caption(
        "用备份中的数据替换当前全部数据（一次完成，出错则不做任何改动）。恢复前建议先导出当前数据。"
        "较早版本的备份会先升级到当前数据库版本再恢复。也可在服务器上运行 ./admin.sh backup / restore。"
    )
    archive = st.file_uploader("备份文件（.zip）", type=["zip"], key="backup_file")
    if archive is not None:
        sure = st.checkbox(f"确认用 {archive.name} 替换当前全部数据", key="backup_sure")
        if st.button("恢复", type="primary", disabled=not sure, key="backup_restore"):
            attempt.attempt(
                lambda: backup.restore_zip(con, session.username(), archive.getvalue(), archive.name),
                lambda counts: f"已从 {archive.name} 恢复 {len(counts)} 张表。",
            )
