#!/usr/bin/env bash
# Runs every test Sitrep has, on a fresh machine too: installs and prepares what the tests need first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

bash eng/prepare-test-env.sh

dotnet build Sitrep.slnx -c Release --nologo -v quiet
dotnet test Sitrep.slnx -c Release --no-build --nologo --logger "console;verbosity=minimal" 2>&1 | tee .build/test.log
status=${PIPESTATUS[0]}

# One closing line that any CI reader understands.
passed=$(grep -oE 'Passed: +[0-9]+' .build/test.log | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' .build/test.log | awk '{s+=$2} END {print s+0}')
echo "$passed passed, $failed failed"
exit "$status"
