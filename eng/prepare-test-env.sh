#!/usr/bin/env bash
# What the tests need beyond the .NET SDK: prepared data (gazetteer). Idempotent and quick when done.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$root/.build"
"$root/sitrep" setup
