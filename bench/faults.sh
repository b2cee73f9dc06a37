#!/usr/bin/env bash
# The fault suite (tests/System.Tests/FaultTests.cs) at benchmark size: FAULT_SUBMISSIONS entries (default 10,000)
# through the gateway while each fault happens, then the Jepsen counters per holder (lost / duplicated / unexpected)
# and the intake's answers (accepted / indeterminate / refused). The tests assert the counters are 0; the point here
# is the printed figures. Starts its own app host (like ./test.sh's system tests): not beside ./run.sh or ./test.sh.
# Extra arguments go to the xunit runner, e.g. -method 'HoanKiem.SystemTests.FaultTests.Every_message_delivered_twice_is_applied_once'.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
ensure_debian_packages

export FAULT_SUBMISSIONS="${FAULT_SUBMISSIONS:-10000}"
export FAULT_CONCURRENCY="${FAULT_CONCURRENCY:-8}"
dotnet build tests/System.Tests -nologo -v quiet -clp:ErrorsOnly || exit 1

filter=(-class HoanKiem.SystemTests.FaultTests)
[ "$#" -gt 0 ] && filter=("$@")
log="$(mktemp -t hoankiem-faults.XXXXXX.log)"
echo "$(nproc) cores, $(date -u +%FT%TZ), ${FAULT_SUBMISSIONS} submissions per fault, ${FAULT_CONCURRENCY} in flight; full log: $log"
# Live: progress and counters only (the test output lines), then the runner's verdict.
dotnet tests/System.Tests/bin/Debug/net10.0/HoanKiem.System.Tests.dll "${filter[@]}" -showLiveOutput -noColor 2>&1 |
  tee "$log" | sed -un 's/.*\[OUTPUT\] //p'
status=${PIPESTATUS[0]}
grep -A12 '\[FAIL\]' "$log" | grep -v '\[OUTPUT\]'
grep 'Total:' "$log"
# epmd is started by the first broker and outlives it; stop it once no broker is left (as test.sh does).
pgrep -f beam.smp >/dev/null || epmd -kill >/dev/null 2>&1 || true
exit "$status"
