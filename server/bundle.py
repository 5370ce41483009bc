"""The offline bundle: ``./bundle.sh`` (``python -m server.bundle``) writes ``dist/anhui-map-VERSION-pyXY-PLATFORM.tar.gz``
for an intranet machine with no network at all, of the same OS and Python as the machine that builds it.

It holds the app's files (not its tests or benchmarks), ``wheels/`` with every package ``requirements.txt`` needs at
the versions ``constraints.txt`` pins (pip's own wheel too), ``requirements.lock`` naming each wheel with its SHA-256
(the install refuses a wheel that differs), ``fonts/`` with the two Chinese fonts the exports draw in and their
licences (SIL Open Font License 1.1 for Noto Sans CJK; Apache 2.0 or GPL 3 with the font exception for WenQuanYi
Micro Hei: both allow redistribution), and ``install.sh``. On the target::

    tar xzf anhui-map-….tar.gz && cd anhui-map-… && ./install.sh && ./run.sh

``install.sh`` makes ``.venv`` with the target's ``python3`` (no ensurepip or python3-venv's pip needed: pip comes
from the bundle), installs from ``wheels/`` only (``--no-index --require-hashes``), and ``run.sh`` sees the bundle
(``requirements.lock``) and fetches nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEFT_OUT = ("tests/", "bench/", ".ci/", "dist/", "var/", "static/vendor/")  # not needed to serve
FONTS = {  # file name → (where Debian installs it, its licence text)
    "NotoSansCJK-Regular.ttc": (
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/doc/fonts-noto-cjk/copyright",
    ),
    "wqy-microhei.ttc": (
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/doc/fonts-wqy-microhei/copyright",
    ),
}

INSTALL = r"""#!/usr/bin/env bash
# Install 安徽省县域产业集群地图 from this bundle, with no network: ./install.sh   (then ./run.sh)
# Needs: the OS and Python the bundle was built for (see BUNDLE), python3 with its venv module.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
want="$(sed -n 's/^python: //p' BUNDLE)"
have="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [ "$want" != "$have" ]; then
  echo "install.sh: 本离线包为 Python $want 构建，本机 $PYTHON 为 Python $have，无法安装。" >&2
  exit 2
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv --without-pip .venv
pip_wheel="$(ls wheels/pip-*.whl | head -1)"
.venv/bin/python "$pip_wheel/pip" install -q --no-index --find-links wheels --disable-pip-version-check "$pip_wheel"
.venv/bin/pip install -q --no-index --find-links wheels --disable-pip-version-check --require-hashes \
  -r requirements.lock
.venv/bin/python -m server.admin check --install
echo "安装完成。启动：./run.sh（默认端口 8501）；多进程与 nginx 见 README“部署”。"
"""


def files() -> list[str]:
    """The app's files: what git tracks, and new files it does not ignore, minus ``LEFT_OUT``."""
    found = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True
    )
    if found.returncode == 0:
        listed = found.stdout.splitlines()
    else:  # not a git checkout (an unpacked copy): every file but the local ones .gitignore names
        local = (".venv/", ".git/", "fonts/", ".pytest_cache/", "tests/artifacts/")
        listed = [
            str(p.relative_to(ROOT))
            for p in ROOT.rglob("*")
            if p.is_file()
            and "__pycache__" not in p.parts
            and not str(p.relative_to(ROOT)).startswith(local)
            and p.suffix != ".pyc"
        ]
    return sorted(
        {
            f
            for f in listed
            if (ROOT / f).is_file() and not f.startswith(LEFT_OUT) and not f.endswith((".duckdb", ".wal"))
        }
    )


def wheels(target: Path) -> list[Path]:
    """Every wheel the app needs, pinned by constraints.txt, in ``target`` (built from source where PyPI has none)."""
    target.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    subprocess.run(
        [
            *pip,
            "wheel",
            "-q",
            "-w",
            str(target),
            "-r",
            str(ROOT / "requirements.txt"),
            "-c",
            str(ROOT / "constraints.txt"),
        ],
        check=True,
    )
    subprocess.run(
        [*pip, "download", "-q", "--only-binary=:all:", "--no-deps", "-d", str(target), f"pip=={pip_version()}"],
        check=True,
    )
    return sorted(target.glob("*.whl"))


def pip_version() -> str:
    from importlib.metadata import version

    return version("pip")


def lock(found: list[Path]) -> str:
    """``requirements.lock``: each wheel's project and version, with its SHA-256 (pip's hash-checking mode)."""
    lines = [
        "# Every wheel of this bundle with its SHA-256: pip install --no-index --require-hashes -r requirements.lock"
    ]
    for wheel in found:
        if wheel.name.startswith("pip-"):
            continue  # (installed first, from itself)
        name, version = wheel.name.split("-")[:2]
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        lines.append(f"{name.replace('_', '-')}=={version} --hash=sha256:{digest}")
    return "\n".join(lines) + "\n"


def build(out_dir: Path) -> Path:
    import settings

    tag = f"py{sys.version_info.major}{sys.version_info.minor}-{sysconfig.get_platform().replace('-', '_')}"
    name = f"anhui-map-{settings.VERSION}-{tag}"
    missing = [source for source, _ in FONTS.values() if not Path(source).is_file()]
    if missing:
        raise SystemExit(
            f"缺少字体 {missing}：构建离线包前请安装 fonts-noto-cjk fonts-wqy-microhei（./run.sh 会安装）。"
        )
    with tempfile.TemporaryDirectory() as tmp:
        top = Path(tmp) / name
        for relative in files():
            (top / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / relative, top / relative)
        found = wheels(top / "wheels")
        (top / "requirements.lock").write_text(lock(found), encoding="utf-8")
        for file_name, (source, licence) in FONTS.items():
            (top / "fonts").mkdir(exist_ok=True)
            shutil.copy2(source, top / "fonts" / file_name)
            shutil.copy2(licence, top / "fonts" / f"{file_name}.LICENSE.txt")
        (top / "install.sh").write_text(INSTALL, encoding="utf-8")
        (top / "install.sh").chmod(0o755)
        os_release = Path("/etc/os-release").read_text(encoding="utf-8") if Path("/etc/os-release").exists() else ""
        os_name = re.search(r'^PRETTY_NAME="?([^"\n]*)', os_release, re.M)
        (top / "BUNDLE").write_text(
            f"version: {settings.VERSION}\npython: {sys.version_info.major}.{sys.version_info.minor}\n"
            f"platform: {sysconfig.get_platform()} ({platform.machine()})\n"
            f"os: {os_name.group(1) if os_name else platform.platform()}\nwheels: {len(found)}\n",
            encoding="utf-8",
        )
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / f"{name}.tar.gz"
        with tarfile.open(path, "w:gz", compresslevel=6) as archive:
            archive.add(top, arcname=name)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="./bundle.sh", description="构建离线安装包（同一操作系统与 Python 版本的内网机器）"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="输出目录（默认 dist/）")
    args = parser.parse_args(argv)
    path = build(args.out)
    print(f"离线包：{path}（{path.stat().st_size / 1e6:.0f} MB）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
