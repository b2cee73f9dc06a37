#!/usr/bin/env bash
# The attack suite (tests/System.Tests/AttackTests.cs): 157 hostile requests through the gateway (OWASP API Security
# Top 10 2023), each of which must get a clear 4xx problem+json and change nothing, plus the rate limit, forged tokens,
# mass assignment and personal data in logs and exported telemetry. Runs in ./test.sh as well; this runs it alone and
# lists every request's verdict. Starts its own app host (like ./test.sh's system tests): not beside ./run.sh or ./test.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
ensure_debian_packages

dotnet build tests/System.Tests -nologo -v quiet -clp:ErrorsOnly || exit 1
log="$(mktemp -t hoankiem-attacks.XXXXXX.log)"
echo "$(nproc) cores, $(date -u +%FT%TZ); full log: $log"
results="${log%.log}.xml"
dotnet tests/System.Tests/bin/Debug/net10.0/HoanKiem.System.Tests.dll -class HoanKiem.SystemTests.AttackTests -noColor -xml "$results" > "$log" 2>&1
status=$?
# One line per test, then the hostile requests' tally: each must be a 4xx problem+json that changed nothing.
grep -o '<test [^>]*>' "$results" | sed -E 's/.*name="HoanKiem.SystemTests.AttackTests.([^"]*)".*result="([A-Za-z]*)".*/\2 \1/' | sed -e 's/&quot;/"/g' -e 's/\\"/"/g' | sort
hostile=$(grep -o '<test [^>]*Hostile_request[^>]*>' "$results")
echo "hostile requests: $(grep -c . <<< "$hostile") sent, $(grep -c 'result="Pass"' <<< "$hostile") answered 4xx problem+json with nothing changed"
grep -A12 '\[FAIL\]' "$log"
grep 'Total:' "$log"
pgrep -f beam.smp >/dev/null || epmd -kill >/dev/null 2>&1 || true
exit "$status"
