"""安徽省县域产业集群地图: page set-up, the shared sidebar, and navigation built from one page table."""

import atexit
import gc
import time

import streamlit as st

import logs
import settings
from components import enterprise_links, freshness, incidents, session, sidebar
from geo.choropleth import install_leaflet
from records import access

# An emoji favicon is drawn in the browser; a ":material/…:" one would be fetched from fonts.gstatic.com.
st.set_page_config(page_title="安徽省县域产业集群地图", page_icon="🗺️", layout="wide")
install_leaflet(settings.STATIC_DIR)
st.html(settings.ROOT.joinpath("components", "theme.css"))

# The reading pages: open to every logged-in user, and to everyone when open browsing is configured.
READING = [
    st.Page("pages/home.py", title="全省产业地图", icon=":material/map:", url_path="map", default=True),
    st.Page("pages/tiers.py", title="营收梯队", icon=":material/stacked_bar_chart:", url_path="tiers"),
    st.Page("pages/honours.py", title="优质企业", icon=":material/workspace_premium:", url_path="honours"),
    st.Page("pages/enterprises.py", title="按图索企", icon=":material/domain:", url_path="enterprises"),
    st.Page("pages/chains.py", title="循链招商", icon=":material/account_tree:", url_path="chains"),
    st.Page("pages/insight.py", title="招商研判", icon=":material/insights:", url_path="insight"),
    st.Page("pages/projects.py", title="项目库", icon=":material/construction:", url_path="projects"),
    st.Page("pages/talents.py", title="人才库", icon=":material/school:", url_path="talents"),
    st.Page("pages/cluster.py", title="集群画像", icon=":material/hub:", url_path="cluster"),
    st.Page("pages/ranking.py", title="赛马评价", icon=":material/leaderboard:", url_path="ranking"),
    st.Page("pages/recognition.py", title="培育与认定", icon=":material/verified:", url_path="recognition"),
    st.Page("pages/publicity.py", title="认定公示", icon=":material/campaign:", url_path="publicity"),
    st.Page("pages/towns.py", title="2010专业镇", icon=":material/history:", url_path="towns2010"),
    st.Page("pages/present.py", title="汇报模式", icon=":material/co_present:", url_path="present"),
]
# Pages of logged-in users; which of them a user sees is access.PAGES (the data layer checks every action again).
ACCOUNT = st.Page("pages/account.py", title="我的账号", icon=":material/person:", url_path="account")
STAFF = [
    st.Page("pages/upload.py", title="数据上报", icon=":material/upload_file:", url_path="upload"),
    st.Page("pages/review.py", title="审核确认", icon=":material/fact_check:", url_path="review"),
    st.Page("pages/progress.py", title="报送进度", icon=":material/checklist:", url_path="progress"),
    st.Page("pages/lists.py", title="导入名单", icon=":material/playlist_add_check:", url_path="lists"),
    st.Page("pages/admin.py", title="用户与日志", icon=":material/admin_panel_settings:", url_path="admin"),
]
LOGIN = st.Page(session.login_page, title="登录", icon=":material/login:", url_path="login")


def pages_for(current: access.User | None):
    """The navigation of this session: what its user (or an anonymous visitor) may open, and every other page as a
    hidden stand-in at the same address, so that a bookmarked or typed address never meets Streamlit's English
    "Page not found": a visitor gets the login form and then the page; a user without the role, a Chinese refusal."""
    if current is not None and current.must_change_password:
        shown = {"数据与账号": [ACCOUNT]}  # a temporary password is changed before anything else
    elif not session.may_browse(current):
        shown = {"数据与账号": [LOGIN]}
    else:
        staff = [page for page in STAFF if access.may_open(current, page.url_path)]
        shown = {"产业地图": READING, "数据与账号": staff + ([ACCOUNT] if current is not None else [LOGIN])}
    listed = [page for pages in shown.values() for page in pages]
    hidden = [stand_in(page, current) for page in (*READING, *STAFF, ACCOUNT, LOGIN) if page not in listed]
    return {**shown, "数据与账号": shown["数据与账号"] + hidden} if len(shown) > 1 else listed + hidden


def stand_in(page: st.Page, current: access.User | None) -> st.Page:
    """A hidden page at ``page``'s address for a user who may not open it (the data layer checks every action
    again regardless)."""

    def body() -> None:
        if current is None:
            session.login_page(wanted=page.title)  # after the login, the same address opens the page itself
        elif page is LOGIN:  # just logged in here (or a bookmark of /login): on to the first page of the user
            st.switch_page(ACCOUNT if current.must_change_password else READING[0])
        elif current.must_change_password:
            st.title(page.title)
            st.info("请先修改临时密码，再打开其他页面。")
            st.page_link(ACCOUNT, label="去修改密码")
        else:
            st.title(page.title)
            st.error(f"您的账号（{current.role}）不能打开“{page.title}”。如需此权限，请联系省级管理员。")
            st.page_link(READING[0], label="打开全省产业地图")

    address = page.url_path or "map"  # (the home page, default, has "" as its path and "/map" as its own)
    return st.Page(body, title=page.title, icon=page.icon, url_path=address, visibility="hidden")


@st.cache_resource(show_spinner=False)
def freeze_startup_heap() -> bool:
    """Once per process, after the first page run: hide the modules, caches and store from the garbage collector.

    Full collections otherwise rescan those millions of long-lived objects and stall a page run by 50–350 ms.
    """
    gc.collect()
    gc.freeze()
    atexit.register(gc.unfreeze)  # let the interpreter free them at exit (native extensions check for leaks)
    return True


def main() -> None:
    current = st.session_state[session.CURRENT] = session.user()
    global page_of_run
    # expanded: every page listed, none behind Streamlit's English "View more"
    navigation = page_of_run = st.navigation(pages_for(current), expanded=True)
    if return_to := st.session_state.pop("return_to", None):  # see components.sidebar.current
        page, query_params = return_to
        st.switch_page(page, query_params=query_params)
    if session.may_browse(current) and not (current and current.must_change_password):
        sidebar.demo_badge(freshness.line(getattr(navigation, "url_path", None)))  # with 数据截至 of the page
        st.session_state["filters"] = sidebar.render()
        with st.sidebar:  # out of the pages' layout; a clicked count switches page before the current page runs
            enterprise_links.follow()
    session.sidebar_box(current)
    navigation.run()


started, page_of_run = time.perf_counter(), None
try:
    main()
except Exception as error:  # noqa: BLE001  (any page: the traceback to the log, an incident id to the user)
    st.error(incidents.shown(error, "page run", session.username()))
finally:  # (also when the run ends by st.rerun or st.switch_page)
    logs.event(
        "page",
        "page run",
        page=getattr(page_of_run, "_url_path", None) or "-",  # (url_path: "" for the home)
        title=getattr(page_of_run, "title", None),
        user=session.username() or "-",
        ms=round((time.perf_counter() - started) * 1000, 1),
    )
freeze_startup_heap()
