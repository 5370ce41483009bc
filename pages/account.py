"""我的账号: who is logged in, and the change of password (the first thing a temporary password must do)."""

import streamlit as st

import store
from components import attempt, plain, session
from records import accounts

current = session.current()
st.title("我的账号")
if current is None:
    st.info("请先登录。")
    st.stop()

region = store.query("region", adcode=current.adcode) if current.adcode else None
where = f" · {region.name.iloc[0]}" if region is not None and not region.empty else ""
st.markdown(f"**{plain.md(current.display_name)}**　用户名 {plain.md(current.username)}　角色：{current.role}{where}")
if current.must_change_password:
    st.warning("您正在使用管理员设置的临时密码，请先修改密码，之后才能使用其他功能。")

with st.form("change_password", width=480):
    st.markdown("#### 修改密码")
    old = st.text_input("原密码", type="password", key="pw_old", max_chars=128)
    new = st.text_input(
        "新密码",
        type="password",
        key="pw_new",
        max_chars=128,
        help=f"至少 {accounts.MIN_PASSWORD} 位，须同时包含字母和数字。",
    )
    again = st.text_input("再次输入新密码", type="password", key="pw_again", max_chars=128)
    submitted = st.form_submit_button("修改密码", type="primary")
if submitted:
    if new != again:
        st.error("两次输入的新密码不一致。")
    else:
        attempt.attempt(lambda: accounts.change_password(store.cursor(), current.username, old, new), "密码已修改。")
attempt.flash()
