"""Several app processes behind nginx, on one PostgreSQL: ``./run.sh --processes N`` (``python -m server.launch``).

Starts N processes (``streamlit run serve.py``) on consecutive loopback ports, waits until each answers ``/readyz``,
writes an nginx configuration from ``config/nginx.conf`` and runs nginx on the public port in front of them. Then
it watches: every few seconds each process's ``/readyz`` is asked, a process that is not ready is marked ``down``
for nginx (configuration rewritten and reloaded: its browsers reconnect to another process, where their login
cookie and their page's address carry them on), and a process that exited is started again. Ctrl-C or SIGTERM stops
everything.

The processes must share a PostgreSQL store (``ANHUI_MAP_DATABASE_URL``): a DuckDB file admits one process.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import settings

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "config" / "nginx.conf"
NGINX = "/usr/sbin/nginx"
WATCH_SECONDS = 2.0


def nginx_config(
    ports: dict[int, bool],
    listen: str,
    base: str,
    prefix: Path,
    body_mb: int,
    sso_user: str = "",
    include: Path | None = None,
    tls: tuple[Path, Path] | None = None,
) -> str:
    """The nginx configuration for app processes on ``ports`` (port → ready; one not ready is marked down, unless
    none is: then every browser reaches a process that says in Chinese what is wrong, not nginx's "502").

    ``sso_user``: the nginx variable holding the user the authentication module of ``include`` (a file of nginx
    directives for the location) has authenticated, e.g. ``$remote_user``; empty without 统一身份认证.
    ``tls``: (certificate, key) files for HTTPS on ``listen``; None for plain HTTP."""
    base = "/" + base.strip("/") if base.strip("/") else ""
    any_ready = any(ports.values())
    servers = "\n".join(
        f"        server 127.0.0.1:{port}{'' if ready or not any_ready else ' down'};" for port, ready in ports.items()
    )
    text = TEMPLATE.read_text(encoding="utf-8")
    certificates = (
        (
            f"        ssl_certificate {tls[0]};\n        ssl_certificate_key {tls[1]};\n"
            "        ssl_protocols TLSv1.2 TLSv1.3;"
        )
        if tls
        else ""
    )
    for key, value in {
        "@PREFIX@": str(prefix),
        "@LISTEN@": listen + (" ssl" if tls else ""),
        "@TLS@": certificates,
        "@BASE@": base,
        "@BODY_MB@": str(body_mb),
        "@UPSTREAMS@": servers,
        "@SSO_HEADER@": settings.SSO_HEADER or "X-Remote-User",
        "@SSO_USER@": sso_user or '""',
        "@SSO_SECRET@": settings.SSO_SECRET if sso_user else "",
        "@INCLUDE@": f"            include {include};" if include else "",
    }.items():
        text = text.replace(key, value)
    return text


def ready(port: int, base: str, timeout: float = 3.0) -> bool:
    """Whether the process on ``port`` answers ``/readyz`` with 200."""
    path = ("/" + base.strip("/") if base.strip("/") else "") + "/readyz"
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def streamlit_command(port: int, *args: str) -> list[str]:
    """The command that serves the app on ``port`` of the loopback address (``args``: more Streamlit options); the
    launcher's app processes and the tests' servers run the same one."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "serve.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        *args,
    ]


class Launcher:
    """The app processes and nginx, started, watched and stopped together."""

    def __init__(
        self,
        processes: int,
        port: int,
        first_port: int,
        address: str,
        base: str,
        prefix: Path,
        sso_user: str = "",
        include: Path | None = None,
        tls: tuple[Path, Path] | None = None,
    ):
        self.ports = {first_port + i: False for i in range(processes)}
        self.sso_user, self.include, self.tls = sso_user, include, tls
        self.listen, self.base, self.prefix = f"{address}:{port}", base, prefix
        self.apps: dict[int, subprocess.Popen] = {}
        self.nginx: subprocess.Popen | None = None
        self.body_mb = settings.UPLOAD_MAX_MB + 2  # the multipart form around the file

    def app_command(self, port: int) -> list[str]:
        return streamlit_command(
            port, "--server.baseUrlPath", self.base, "--server.maxUploadSize", str(settings.UPLOAD_MAX_MB)
        )

    def start_app(self, port: int) -> None:
        self.apps[port] = subprocess.Popen(self.app_command(port), cwd=ROOT)

    def write_config(self) -> Path:
        self.prefix.mkdir(parents=True, exist_ok=True)
        path = self.prefix / "nginx.conf"
        path.touch(mode=0o600)  # it may hold the single sign-on secret
        path.write_text(
            nginx_config(
                self.ports, self.listen, self.base, self.prefix, self.body_mb, self.sso_user, self.include, self.tls
            ),
            encoding="utf-8",
        )
        return path

    def start(self, wait: float = 120) -> None:
        for port in self.ports:
            self.start_app(port)
        deadline = time.monotonic() + wait
        while not all(self.ports.values()):
            for port, app in self.apps.items():
                if app.poll() is not None:
                    raise SystemExit(
                        f"启动失败：端口 {port} 的服务进程已退出（退出码 {app.returncode}），原因见上方日志。"
                    )
                self.ports[port] = self.ports[port] or ready(port, self.base)
            if time.monotonic() > deadline:
                raise SystemExit(f"启动失败：{wait:g} 秒内服务进程未全部就绪。")
            time.sleep(0.5)
        config = self.write_config()
        self.nginx = subprocess.Popen([NGINX, "-p", str(self.prefix), "-c", str(config), "-g", "daemon off;"])
        scheme = "https" if self.tls else "http"
        base = "/" + self.base.strip("/") if self.base.strip("/") else ""
        print(f"已启动 {len(self.apps)} 个服务进程，nginx 在 {scheme}://{self.listen}{base}/", flush=True)

    def watch_once(self) -> None:
        """Restart exited processes; mark processes down or up for nginx as ``/readyz`` says."""
        changed = False
        for port in self.ports:
            if self.apps[port].poll() is not None:
                print(f"端口 {port} 的服务进程已退出（退出码 {self.apps[port].returncode}），重新启动。", flush=True)
                self.start_app(port)
            now = ready(port, self.base)
            changed |= now != self.ports[port]
            self.ports[port] = now
        if changed and self.nginx is not None:
            self.write_config()
            subprocess.run(
                [NGINX, "-p", str(self.prefix), "-c", str(self.prefix / "nginx.conf"), "-s", "reload"], check=False
            )

    def stop(self) -> None:
        for process in [self.nginx, *self.apps.values()]:
            if process is not None and process.poll() is None:
                process.terminate()
        for process in [self.nginx, *self.apps.values()]:
            if process is not None:
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    process.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="./run.sh --processes N", description="多个服务进程 + nginx（共用 PostgreSQL）"
    )
    parser.add_argument("--processes", type=int, default=2, help="服务进程数（每核约一个）")
    parser.add_argument("--port", type=int, default=8501, help="nginx 对外端口")
    parser.add_argument("--address", default="0.0.0.0", help="nginx 监听地址")
    parser.add_argument("--first-port", type=int, default=8601, help="第一个服务进程的本机端口，其余依次加一")
    parser.add_argument("--base", default="", help="子路径，如 anhui（与 server.baseUrlPath 相同）")
    parser.add_argument("--prefix", type=Path, default=ROOT / "var" / "nginx", help="nginx 的工作目录")
    parser.add_argument(
        "--sso-user",
        default="",
        help="统一身份认证：nginx 中保存已认证用户名的变量，如 '$remote_user'（须同时设置 ANHUI_MAP_SSO_HEADER 与 "
        "ANHUI_MAP_SSO_SECRET）",
    )
    parser.add_argument(
        "--nginx-include",
        type=Path,
        default=None,
        help="统一身份认证：写入 location 的 nginx 指令文件（认证模块的配置）",
    )
    parser.add_argument("--tls-cert", type=Path, default=None, help="HTTPS：证书文件（PEM，可含中间证书）")
    parser.add_argument("--tls-key", type=Path, default=None, help="HTTPS：私钥文件（PEM）")
    args = parser.parse_args(argv)
    if (args.tls_cert is None) != (args.tls_key is None):
        print("无法启动：--tls-cert 与 --tls-key 须同时给出。", file=sys.stderr)
        return 2
    for given in (args.tls_cert, args.tls_key):
        if given is not None and not given.is_file():
            print(f"无法启动：找不到 TLS 文件 {given}。", file=sys.stderr)
            return 2
    if args.sso_user and not (settings.SSO_HEADER and settings.SSO_SECRET):
        print("无法启动：--sso-user 须同时设置 ANHUI_MAP_SSO_HEADER 与 ANHUI_MAP_SSO_SECRET。", file=sys.stderr)
        return 2
    if args.nginx_include is not None and not args.nginx_include.is_file():
        print(f"无法启动：找不到 nginx 指令文件 {args.nginx_include}。", file=sys.stderr)
        return 2
    if args.processes > 1 and not settings.DATABASE_URL:
        print(
            "无法启动：多个服务进程须共用 PostgreSQL，请设置 ANHUI_MAP_DATABASE_URL（DuckDB 文件只允许一个进程）。",
            file=sys.stderr,
        )
        return 2
    if not Path(NGINX).exists() and not shutil.which("nginx"):
        print("无法启动：未找到 nginx（Debian：apt-get install nginx）。", file=sys.stderr)
        return 2
    launcher = Launcher(
        args.processes,
        args.port,
        args.first_port,
        args.address,
        args.base,
        args.prefix,
        args.sso_user,
        args.nginx_include and args.nginx_include.resolve(),
        (args.tls_cert.resolve(), args.tls_key.resolve()) if args.tls_cert else None,
    )
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    try:
        launcher.start()
        while True:
            time.sleep(WATCH_SECONDS)
            launcher.watch_once()
            if launcher.nginx.poll() is not None:
                print(f"nginx 已退出（退出码 {launcher.nginx.returncode}）。", file=sys.stderr)
                return 1
    except KeyboardInterrupt:
        return 0
    finally:
        launcher.stop()


if __name__ == "__main__":
    raise SystemExit(main())
