"""The server makes no outbound request: started as ./run.sh starts it (listening on every address, headless), it
opens the store, serves pages and a websocket from a foreign origin, and every connect() it makes, traced by
strace with its threads and children, goes to the loopback address (or a local socket). Streamlit left alone would
look up checkip.amazonaws.com at start and for a websocket from an unknown origin."""

from __future__ import annotations

import base64
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from harness.browser import free_port, server_command, server_env
from tests.conftest import ROOT

LOCAL = re.compile(r'inet_addr\("127\.|inet_pton\(AF_INET6, "(::1|::ffff:127\.)|sa_family=AF_(UNIX|NETLINK)')


def remote_connects(trace: str) -> list[str]:
    """The traced connect() and sendto() calls that name an address other than a local one."""
    calls = [line for line in trace.splitlines() if re.search(r"\b(connect|sendto|sendmsg)\(", line)]
    return [line for line in calls if "sa_family=AF_INET" in line and not LOCAL.search(line)]


def test_remote_connects_are_recognised():
    """(The control: what a lookup of checkip.amazonaws.com looks like in strace's output is caught.)"""
    assert remote_connects(
        '123 connect(7, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.2")}, 16)'
    )
    assert remote_connects(
        "9 connect(5, {sa_family=AF_INET6, sin6_port=htons(443), "
        'inet_pton(AF_INET6, "2600:1f18::1", &sin6_addr)}, 28) = -1 ENETUNREACH'
    )
    assert not remote_connects(
        '9 connect(5, {sa_family=AF_INET, sin_port=htons(5432), sin_addr=inet_addr("127.0.0.1")}, 16)'
    )
    assert not remote_connects('9 connect(5, {sa_family=AF_UNIX, sun_path="/var/run/postgresql/.s.PGSQL.5432"}, 110)')


def websocket_from(origin: str, port: int) -> bytes:
    """The first bytes the server answers to a websocket handshake sent with ``origin``."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        key = base64.b64encode(os.urandom(16)).decode()
        conn.sendall(
            (
                f"GET /_stcore/stream HTTP/1.1\r\nHost: map.intranet.example:{port}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                f"Origin: {origin}\r\n\r\n"
            ).encode()
        )
        return conn.recv(200)


def test_the_server_makes_no_outbound_request(store_path, tmp_path):
    if not shutil.which("strace"):
        pytest.fail("strace is missing: the test command installs it (apt-get install strace)")
    store = tmp_path / "app.duckdb"
    shutil.copy(store_path, store)
    port, trace = free_port(), tmp_path / "trace.txt"
    command = [c for c in server_command(port) if c not in ("--server.address", "127.0.0.1")]  # every address
    server = subprocess.Popen(
        ["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(trace), *command],
        cwd=ROOT,
        env=server_env(store),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline, ready = time.time() + 120, False
        while time.time() < deadline and server.poll() is None and not ready:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5) as reply:
                    ready = reply.status == 200
            except OSError:
                time.sleep(0.5)
        assert ready, "the server did not start"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as page:
            assert page.status == 200
        assert websocket_from("http://elsewhere.example", port)  # an unknown origin: answered (refused), not looked up
        time.sleep(2)
    finally:  # the traced server itself is stopped (stopping strace would only detach it)
        with open(f"/proc/{server.pid}/task/{server.pid}/children") as children:
            for pid in children.read().split():
                os.kill(int(pid), signal.SIGTERM)
        output = server.communicate(timeout=60)[0].decode("utf-8", "replace")
    text = trace.read_text(encoding="utf-8", errors="replace")
    assert "sendto(" in text and "HTTP/1.1 200" in text  # (the trace did record the server answering)
    assert remote_connects(text) == []
    assert '"event": "start"' in output and "已启动" in output  # the app's own start-up line instead of the banner
