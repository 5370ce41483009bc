"""``python -m bench load_processes``: the users of ``bench load`` through nginx, against one and then two app
processes on one PostgreSQL (the launcher of ``./run.sh --processes N``), each simulated user with its own route
cookie as each browser gets one. Prints p50/p95, steps a second and the app processes' CPU (cores) and memory per
N users, and the throughput of two processes against one; also the load client's own CPU and how busy the whole
machine was (when it is saturated, the client and nginx take the cores a second process would need).

Needs PostgreSQL: run inside ``pg_virtualenv`` (the bench starts itself there when PGHOST is not set) and Debian's
nginx.
"""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from bench.load import SCENARIOS, cpu_seconds, crowd, percentile

ROOT = Path(__file__).resolve().parents[1]
USERS = (10, 20, 40)
PROCESSES = (1, 2)


def children(pid: int) -> list[int]:
    """The app processes the launcher ``pid`` started."""
    with open(f"/proc/{pid}/task/{pid}/children") as found:
        return [int(p) for p in found.read().split()]


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


def machine_busy_seconds() -> float:
    """CPU seconds every core of the machine has spent not idle (the app, nginx, PostgreSQL and this client)."""
    with open("/proc/stat") as stat:
        fields = [int(f) for f in stat.readline().split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # all but idle and iowait


def client_seconds() -> float:
    times = os.times()
    return times.user + times.system


def launch(processes: int, database: str, folder: Path) -> tuple[subprocess.Popen, str]:
    from harness.browser import free_port, launcher_command

    port = free_port()
    env = {**os.environ, "ANHUI_MAP_DATABASE_URL": f"dbname={database}", "ANHUI_MAP_OPEN_BROWSING": "1"}
    launcher = subprocess.Popen(
        launcher_command(processes, port, free_port(), folder / f"nginx{processes}"),
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 180
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=5) as response:
                if response.status == 200 and len(children(launcher.pid)) >= processes:
                    return launcher, url
        except OSError:
            time.sleep(0.5)
    launcher.kill()
    raise RuntimeError("the launcher did not come up")


def main() -> None:
    if not os.environ.get("PGHOST"):  # a throw-away PostgreSQL cluster for the bench
        os.execvp("pg_virtualenv", ["pg_virtualenv", sys.executable, "-m", "bench", "load_processes"])
    import psycopg

    database = f"anhui_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect("dbname=postgres", autocommit=True) as admin:
        admin.execute(f'create database "{database}"')
    throughput: dict[tuple[str, int], dict[int, float]] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for processes in PROCESSES:
                launcher, url = launch(processes, database, Path(tmp))
                try:
                    apps = children(launcher.pid)
                    ws = url.replace("http://", "ws://") + "/_stcore/stream"
                    for name, scenario in SCENARIOS.items():
                        # Caches filled on every process: each has its own, and routes are random (the chance that
                        # 10 users per process all land on one process is 2 × 2⁻²⁰).
                        asyncio.run(crowd(ws, url, scenario, 10 * processes, routed=True))
                        for users in USERS:
                            cpu, wall = sum(cpu_seconds(p) for p in apps), time.perf_counter()
                            client, busy = client_seconds(), machine_busy_seconds()
                            times = asyncio.run(crowd(ws, url, scenario, users, routed=True))
                            cpu, wall = sum(cpu_seconds(p) for p in apps) - cpu, time.perf_counter() - wall
                            client, busy = client_seconds() - client, machine_busy_seconds() - busy
                            throughput.setdefault((name, users), {})[processes] = len(times) / wall
                            print(
                                f"load_{processes}_processes_{name}_{users}_users: "
                                f"p50 {statistics.median(times):.2f} s, p95 {percentile(times, 95):.2f} s, "
                                f"{len(times) / wall:.1f} steps/s, app CPU {cpu / wall:.2f} cores, "
                                f"RSS {sum(rss_mb(p) for p in apps):.0f} MiB, load client CPU {client / wall:.2f} cores, "
                                f"machine busy {busy / wall:.2f} of {os.cpu_count()} cores",
                                flush=True,
                            )
                finally:
                    launcher.send_signal(signal.SIGTERM)
                    launcher.wait(60)
    finally:
        with psycopg.connect("dbname=postgres", autocommit=True) as admin:
            admin.execute(f'drop database if exists "{database}" with (force)')
    for (name, users), by in sorted(throughput.items()):
        if len(by) == 2:
            print(f"load_throughput_2_over_1_{name}_{users}_users: {by[2] / by[1]:.2f} x")
