#!/usr/bin/env bash
# Set up (first time) and run the whole test suite: ./test.sh [pytest options]
set -euo pipefail
cd "$(dirname "$0")"
# Browser tests need Debian's Chromium and a CJK font (so Chinese text renders, not boxes); the exports need the
# fonts run.sh installs; the PostgreSQL tests need Debian's postgresql (pg_virtualenv, from postgresql-common); the
# multi-process tests Debian's nginx (started by the tests themselves, never as a system service); the test that the
# server makes no outbound request traces it with strace; the sub-path test makes a certificate with openssl.
if [ ! -x /usr/bin/chromium ] || ! command -v pg_virtualenv >/dev/null || [ ! -x /usr/sbin/nginx ] \
    || ! command -v strace >/dev/null || ! command -v openssl >/dev/null \
    || ! dpkg -s fonts-noto-cjk fonts-wqy-microhei postgresql >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk fonts-wqy-microhei \
    postgresql nginx strace openssl >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
# Lint and format check first (settings in pyproject.toml): a failure stops here, before the long suite.
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .
# pg_virtualenv runs the suite against a throw-away PostgreSQL cluster (PGHOST, PGPORT … set; as root too) and
# removes it afterwards.
exec pg_virtualenv .venv/bin/python -m pytest -q tests "$@"
