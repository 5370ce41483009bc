"""统一身份认证 through real nginx: nginx's auth_basic stands in for the province's identity system and names the
authenticated user in X-Remote-User (``./run.sh --sso-user '$remote_user' --nginx-include …``). The browser is logged
in as that user with no login form; a name without an account gets a Chinese message; a header the browser sends
itself is replaced by nginx; a process reached directly believes the header only with the proxy's secret; after
退出登录 the tab stays out."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from harness.browser import free_port, launcher_command
from tests.conftest import ROOT, drop_database, new_database
from tests.e2e.test_login_browser import logged_in_as

SECRET = "proxy-secret-for-the-sso-test-0123456789"
PASSWORD = "Sso-Passw0rd"


def ready(url: str, headers: dict[str, str]) -> bool:
    try:
        with urllib.request.urlopen(urllib.request.Request(f"{url}/readyz", headers=headers), timeout=5) as reply:
            return reply.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def proxied(pg_accounts_template, tmp_path_factory):
    """(nginx's URL, the app process's own URL): one process behind nginx with auth_basic and single sign-on."""
    name = new_database(pg_accounts_template)
    folder = tmp_path_factory.mktemp("sso")
    # nginx's workers run as an unprivileged user: the password file must be readable by them, outside pytest's
    # private temporary folder.
    shared = Path(tempfile.mkdtemp(prefix="anhui-sso-"))
    shared.chmod(0o755)
    sha = base64.b64encode(hashlib.sha1(PASSWORD.encode()).digest()).decode()
    (shared / "htpasswd").write_text("".join(f"{user}:{{SHA}}{sha}\n" for user in ("tc", "stranger")))
    (shared / "htpasswd").chmod(0o644)
    (folder / "auth.conf").write_text(f'auth_basic "统一身份认证";\nauth_basic_user_file {shared / "htpasswd"};\n')
    port, first = free_port(), free_port()
    env = {
        **os.environ,
        "ANHUI_MAP_DATABASE_URL": f"dbname={name}",
        "ANHUI_MAP_SSO_HEADER": "X-Remote-User",
        "ANHUI_MAP_SSO_SECRET": SECRET,
    }
    launcher = subprocess.Popen(
        launcher_command(
            1, port, first, folder / "nginx", "--sso-user", "$remote_user", "--nginx-include", str(folder / "auth.conf")
        ),
        cwd=ROOT,
        env=env,
    )
    url, direct = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{first}"
    login = {"Authorization": "Basic " + base64.b64encode(f"tc:{PASSWORD}".encode()).decode()}
    try:
        deadline = time.time() + 120
        while time.time() < deadline and launcher.poll() is None and not ready(url, login):
            time.sleep(0.5)
        assert launcher.poll() is None and ready(url, login), "the launcher did not come up"
        assert not ready(url, {}), "nginx let a request without credentials through"
        yield url, direct
    finally:
        launcher.send_signal(signal.SIGTERM)
        launcher.wait(30)
        drop_database(name)
        shutil.rmtree(shared, ignore_errors=True)


def open_as(browser, url: str, user: str | None, headers: dict[str, str] | None = None):
    context = browser.new_context(
        viewport={"width": 1600, "height": 900},
        extra_http_headers=headers or {},
        http_credentials={"username": user, "password": PASSWORD} if user else None,
    )
    return context, context.new_page()


def test_the_proxys_user_is_logged_in_and_a_forged_header_is_replaced(proxied, browser):
    url, _ = proxied
    context, page = open_as(browser, url, "tc", {"X-Remote-User": "admin"})  # the browser tries to be admin
    try:
        page.goto(f"{url}/upload")
        logged_in_as(page, "tc用户")  # nginx's user, not the browser's header
        page.get_by_role("heading", name="数据上报").wait_for(timeout=30000)
        assert page.get_by_label("用户名").count() == 0  # no login form on the way
        page.get_by_role("button", name="退出登录").click()
        page.get_by_text("本页不再自动登录").wait_for(timeout=30000)
        page.get_by_label("用户名").wait_for(timeout=30000)  # logged out, the login form for a local account
    finally:
        context.close()


def test_a_name_without_an_account_gets_a_chinese_message(proxied, browser):
    url, _ = proxied
    context, page = open_as(browser, url, "stranger")
    try:
        page.goto(url)
        page.get_by_text("统一身份认证的用户“stranger”本系统没有此用户").wait_for(timeout=30000)
        assert page.get_by_text("当前用户：").count() == 0
    finally:
        context.close()


@contextlib.contextmanager
def forging(target: str, headers: dict[str, str]):
    """A client that reaches the app process directly and sends ``headers`` with every request, its websocket
    included: a throw-away nginx in front of ``target`` setting them (browsers no longer add a context's extra
    headers to a websocket's handshake, Chromium 150 among them). Yields the URL to open."""
    folder = Path(tempfile.mkdtemp(prefix="anhui-forge-"))
    port = free_port()
    sets = "".join(f'            proxy_set_header {name} "{value}";\n' for name, value in headers.items())
    (folder / "nginx.conf").write_text(
        f"""worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{}}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass {target};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $http_host;
{sets}            proxy_read_timeout 3600s;
        }}
    }}
}}
"""
    )
    nginx = subprocess.Popen(["nginx", "-g", "daemon off;", "-p", str(folder), "-c", str(folder / "nginx.conf")])
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 20
        while time.time() < deadline and nginx.poll() is None and not ready(url, {}):
            time.sleep(0.2)
        assert nginx.poll() is None and ready(url, {}), (folder / "error.log").read_text()
        yield url
    finally:
        nginx.terminate()
        nginx.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def test_a_process_reached_directly_believes_the_header_only_with_the_secret(proxied, browser):
    _, direct = proxied
    for headers, expected in [
        ({"X-Remote-User": "admin"}, None),
        ({"X-Remote-User": "admin", "X-Anhui-Proxy-Secret": "guess"}, None),
        ({"X-Remote-User": "admin", "X-Anhui-Proxy-Secret": SECRET}, "管理员"),
    ]:
        with forging(direct, headers) as url:
            context, page = open_as(browser, url, None)
            try:
                page.goto(f"{url}/account")
                if expected:  # (the control: the forged headers do reach the process's websocket)
                    logged_in_as(page, expected)
                else:
                    page.get_by_label("用户名").wait_for(timeout=30000)
                    assert page.get_by_text("当前用户：").count() == 0
            finally:
                context.close()
