#!/usr/bin/env bash
# Runs every test against real parts (RabbitMQ, SQLite files, the HTTP pipeline, headless Chromium)
# and ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_dotnet_sdk || { echo "0 passed, 1 failed"; exit 1; }
ensure_debian_packages chromium
ensure_dotnet_tools

dotnet build HoanKiem.Aspire.sln -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

results="$(mktemp -d)"
dotnet test --solution HoanKiem.Aspire.sln --no-build --max-parallel-test-modules 2 \
  --report-trx --results-directory "$results" "$@" 2>&1 | tee "$results/output.log"
status=${PIPESTATUS[0]}

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
# The failed tests again, each with its message (up to 14 lines, no stack), where a log's tail (all CI keeps) shows them.
if grep -q '^failed ' "$results/output.log"; then
  echo "Failed tests:"
  awk '/^failed /{n=15; print; next}
       n>0 && (/^[[:space:]]+at / || /^(passed|failed|skipped) / || /Standard output|Error output/){n=0}
       n>0 && !/^  from /{print; n--}' "$results/output.log" | cut -c1-300
  grep -A1 -E '(crit|fail|warn): Aspire\.Hosting\.Dcp\.(dcpctrl|DcpExecutor)' "$results/output.log" | tail -12 | cut -c1-300
fi
# epmd is started by the first broker and outlives it; stop it once no broker is left.
pgrep -f beam.smp >/dev/null || epmd -kill >/dev/null 2>&1 || true
echo "${passed} passed, ${failed} failed"
exit $status
