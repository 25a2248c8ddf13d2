#!/usr/bin/env bash
# The project's whole test run, from a fresh machine: Debian's Chromium and PostgreSQL where they
# are missing (as root), a fresh venv with the package and its test extras, ruff, the whole pytest
# suite (skips say why: -rs), then an installed wheel must find its migrations. The README's test
# command and .ci/run are this script.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_PROGRESS_BAR=off

# The HTML report test renders in a real browser: Debian's chromium.
root=$([ "$(id -u)" = 0 ] && echo yes || true)
if ! command -v chromium >/dev/null 2>&1; then
  if [ -n "$root" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "not root: Debian's chromium cannot be installed here, the browser test will be skipped" >&2
  fi
fi

# PostgreSQL from Debian's packages: a throwaway cluster for the PostgreSQL tests (migrations,
# concurrent ingests and review sessions). Installed when the machine does not have it.
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  if [ -n "$root" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "not root: Debian's postgresql cannot be installed here, the PostgreSQL tests will be skipped" >&2
  fi
fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -n 1 || true)
if [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] && id postgres >/dev/null 2>&1; then
  pg_dir=$(mktemp -d)
  chown postgres "$pg_dir"
  if su postgres -c "$pg_bin/initdb -D $pg_dir/data -A trust >/dev/null && $pg_bin/pg_ctl -D $pg_dir/data -o '-p 55432 -k $pg_dir -c listen_addresses=' -l $pg_dir/log -w start >/dev/null"; then
    export CLAIMTRACK_TEST_POSTGRES_URL="postgresql://postgres@/postgres?host=$pg_dir&port=55432"
    trap 'su postgres -c "$pg_bin/pg_ctl -D $pg_dir/data -m fast stop" >/dev/null 2>&1 || true' EXIT
  fi
fi

# The README's test command (torch pinned first: a CPU build; otherwise pip pulls a CUDA one).
python3 -m venv .venv && .venv/bin/pip install -q torch==2.13.0 '.[stanza,postgres,test]' && .venv/bin/ruff check . && .venv/bin/python -m pytest -q -rs \
  || exit 1  # set -e does not stop at a failure inside an && list: the README's command, made fatal here

# A wheel installed in a clean venv, run from another directory, must migrate a database.
work=$(mktemp -d)
.venv/bin/pip wheel -q --no-deps -w "$work/dist" .
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$work"/dist/claimtrack-*.whl
(cd "$work" && "$work/venv/bin/claimtrack" --db "$work/wheel.db" db upgrade && "$work/venv/bin/claimtrack" --db "$work/wheel.db" db current | grep -q "(head)")
echo "wheel install: migrations found"
