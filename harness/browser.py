"""Start the app on a free port over a given store, and find the map in headless Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from server.launch import streamlit_command as server_command  # (the launcher's own command line)

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(db_path: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a server over the store at ``db_path``; open browsing on unless ``env`` says otherwise."""
    return {**os.environ, "ANHUI_MAP_DB": str(db_path), "ANHUI_MAP_OPEN_BROWSING": "1", **(env or {})}


def start_server(
    db_path: Path, port: int, env: dict[str, str] | None = None, args: tuple[str, ...] = (), base: str = ""
) -> subprocess.Popen:
    """``streamlit run serve.py`` on ``port`` over the store at ``db_path``; returns once it is ready (``/readyz``
    under the base path ``base``). Open browsing is on unless ``env`` says otherwise (the reading pages as a leader
    in a meeting sees them)."""
    process = subprocess.Popen(
        server_command(port, *args),
        cwd=ROOT,
        env=server_env(db_path, env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    ready = f"http://127.0.0.1:{port}{'/' + base.strip('/') if base else ''}/readyz"
    deadline = time.time() + 60
    while time.time() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(ready, timeout=5) as r:
                if r.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"the app server did not become ready within 60 s (exit code {process.poll()})")


@contextmanager
def served(db_path: Path, env: dict[str, str] | None = None):
    """The app running over the store at ``db_path`` for the ``with`` block; yields its base URL."""
    with serving(db_path, env) as (url, _):
        yield url


@contextmanager
def serving(db_path: Path, env: dict[str, str] | None = None):
    """Like ``served``, yielding (base URL, the server's process)."""
    port = free_port()
    process = start_server(db_path, port, env)
    try:
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        process.wait(10)


def rss_mb(pid: int) -> float:
    """The resident memory of process ``pid``, in MiB."""
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


@contextmanager
def chromium():
    """Headless Chromium (Debian's, at ``CHROMIUM``) for the ``with`` block."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def map_frame(page, timeout: float = 30):
    """The st_folium iframe once Leaflet has drawn its county shapes."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for frame in page.frames:
            try:
                if frame.locator("path.leaflet-interactive").count() >= 104:
                    return frame
            except Exception:  # frames come and go while Streamlit renders
                pass
        time.sleep(0.05)
    raise AssertionError("the map did not draw 104 county shapes in time")


def screen_point(page, frame, lon: float, lat: float) -> tuple[float, float]:
    """Where on the page a WGS-84 point of the map is drawn (through Leaflet's own projection)."""
    x, y = frame.evaluate(
        "([lat, lon]) => { const p = map_div.latLngToContainerPoint([lat, lon]);"
        " const r = document.getElementById('map_div').getBoundingClientRect();"
        " return [p.x + r.left, p.y + r.top]; }",
        [lat, lon],
    )
    box = frame.frame_element().bounding_box()
    return box["x"] + x, box["y"] + y


MARKER_COUNT_JS = """() => {
  if (typeof map_div === "undefined") return -1;
  let n = 0;
  map_div.eachLayer((layer) => { if (layer instanceof L.CircleMarker) n++; });
  return n;
}"""


def marker_frame(page, at_least: int, timeout: float = 30):
    """The st_folium iframe once its map holds ``at_least`` circle markers (points drawn on the canvas)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for frame in page.frames:
            try:
                if frame.evaluate(MARKER_COUNT_JS) >= at_least:
                    return frame
            except Exception:  # frames come and go while Streamlit renders
                pass
        time.sleep(0.05)
    raise AssertionError(f"the map did not draw {at_least} points in time")


def marker_count(frame) -> int:
    return frame.evaluate(MARKER_COUNT_JS)


def chart_label_clashes(page, least: int = 1) -> list[str]:
    """Every Plotly chart on ``page`` (at least ``least`` of them): the texts drawn on it (annotations, tick and
    axis labels, the title) that overlap another annotation or stick out of the chart, and ticks in Plotly's English
    SI units ("20k"). Empty when all is well."""
    page.locator(".js-plotly-plot .main-svg").nth(least - 1).wait_for(timeout=30000)
    return page.evaluate(
        """() => {
          const out = [];
          const inside = (r, box) => r.left >= box.left - 1 && r.right <= box.right + 1
                                     && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
          const clash = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          for (const plot of document.querySelectorAll(".js-plotly-plot")) {
            const box = plot.querySelector(".main-svg").getBoundingClientRect();
            const notes = [...plot.querySelectorAll(".annotation-text")].map(e => [e.textContent, e.getBoundingClientRect()]);
            const texts = [...plot.querySelectorAll(".xtick text, .ytick text, .gtitle, .g-xtitle text, .g-ytitle text")]
                .map(e => [e.textContent, e.getBoundingClientRect()]);
            for (const [text, r] of [...notes, ...texts]) if (r.width && !inside(r, box)) out.push(`cut: ${text}`);
            for (const [text] of texts) if (/\d[kMGB]$/.test(text.trim())) out.push(`English unit: ${text}`);
            notes.forEach(([a, ra], i) => notes.slice(i + 1).forEach(([b, rb]) => {
              if (clash(ra, rb)) out.push(`overlap: ${a} / ${b}`);
            }));
          }
          return out;
        }"""
    )


def launcher_command(processes: int, port: int, first_port: int, prefix: Path, *args: str) -> list[str]:
    """``server.launch`` serving ``processes`` app processes (from ``first_port``) behind nginx on ``port`` of the
    loopback address, nginx's files under ``prefix``; ``args``: more launcher options (--base, --sso-user …)."""
    return [
        sys.executable,
        "-m",
        "server.launch",
        "--processes",
        str(processes),
        "--port",
        str(port),
        "--address",
        "127.0.0.1",
        "--first-port",
        str(first_port),
        "--prefix",
        str(prefix),
        *args,
    ]
