"""The offline bundle (./bundle.sh) serves the app on a machine with no network at all: the bundle is built, unpacked
into a fresh directory and installed with its install.sh inside a network namespace that has only a loopback
device (``unshare -n``), the app started there with ./run.sh, and headless Chromium, also inside, sees the county
map drawn. The fonts the exports need come from the bundle, not from the system."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile

import pytest

from harness.browser import free_port
from tests.conftest import ROOT

SCRIPT = r"""
set -euo pipefail
ip link set lo up
if python3 -c 'import urllib.request; urllib.request.urlopen("https://pypi.org/simple/", timeout=5)' 2>/dev/null; then
  echo "the namespace has a network" >&2; exit 9
fi
cd "$1"
PYTHON="$2" ./install.sh
ANHUI_MAP_OPEN_BROWSING=1 ./run.sh --server.port "$3" --server.address 127.0.0.1 > server.log 2>&1 &
server=$!
for _ in $(seq 120); do
  .venv/bin/python -c "import urllib.request, sys; urllib.request.urlopen('http://127.0.0.1:$3/readyz', timeout=3)" \
    2>/dev/null && break
  sleep 1
done
status=0
(cd "$4" && "$5" -m tests.e2e.offline_check "http://127.0.0.1:$3/") || status=$?
kill "$server"; wait "$server" || true
./admin.sh check || status=$?  # (after the server: a DuckDB file admits one process)
exit $status
"""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "server.bundle", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return next(out.glob("anhui-map-*.tar.gz"))


def test_the_bundle_holds_every_wheel_with_its_hash_and_the_fonts(bundle):
    with tarfile.open(bundle) as archive:
        names = archive.getnames()
        top = names[0].split("/")[0]
        lock = archive.extractfile(f"{top}/requirements.lock").read().decode()
    pins = {
        line.split("==")[0].lower()
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if line and not line.startswith("#")
    }
    locked = {line.split("==")[0].lower() for line in lock.splitlines() if "--hash=sha256:" in line}
    assert {"streamlit", "duckdb", "geopandas", "folium", "psycopg-binary", "python-json-logger"} <= locked
    assert locked <= {p.replace("_", "-") for p in pins} | {p for p in pins}  # nothing unpinned
    assert all(len(line.split("--hash=sha256:")[1]) == 64 for line in lock.splitlines() if "--hash" in line)
    for name in (
        "install.sh",
        "run.sh",
        "admin.sh",
        "app.py",
        "fonts/NotoSansCJK-Regular.ttc",
        "fonts/wqy-microhei.ttc",
        "fonts/NotoSansCJK-Regular.ttc.LICENSE.txt",
        "BUNDLE",
    ):
        assert f"{top}/{name}" in names, name
    assert not [n for n in names if n.startswith((f"{top}/tests/", f"{top}/var/")) or n.endswith(".duckdb")]


def test_the_bundle_installs_and_serves_the_map_with_no_network(bundle, tmp_path):
    if not shutil.which("unshare"):
        pytest.fail("unshare (util-linux) is missing")
    with tarfile.open(bundle) as archive:
        archive.extractall(tmp_path, filter="data")
    folder = next(tmp_path.iterdir())
    python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else shutil.which("python3")
    namespace = ["unshare", "-n"] if os.geteuid() == 0 else ["unshare", "-r", "-n"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "ANHUI_MAP_", "PG"))}
    result = subprocess.run(
        [*namespace, "bash", "-c", SCRIPT, "offline", str(folder), python, str(free_port()), str(ROOT), sys.executable],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    log = (folder / "server.log").read_text("utf-8", "replace") if (folder / "server.log").exists() else ""
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:] + log[-3000:]
    assert "地图已绘制" in result.stdout
    assert f"✓ 字体 Noto Sans CJK SC：{folder}/fonts/" in result.stdout  # the bundle's fonts, not Debian's
    assert f"✓ 字体 WenQuanYi Micro Hei：{folder}/fonts/" in result.stdout
    assert "✓ 区县数据 104 个" in result.stdout
