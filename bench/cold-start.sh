#!/usr/bin/env bash
# Cold start of the local system to healthy: from launching the app host (as ./run.sh does after its build step) to the
# gateway's /health answering 200. The gateway waits for every service, and every service waits for the broker, so
# a healthy gateway means every resource is healthy. Leaves the system running with KEEP_RUNNING=1 (prints the PIDs).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${GATEWAY_PORT:-5080}"
node="${BROKER_NODE:-hoankiem}"
log="${LOG:-/tmp/hoankiem-cold-start.log}"

# DASHBOARD_PORT moves the dashboard's three ports (default 18888-18890) when another app host already runs here.
profile=(--launch-profile http)
dashboard=()
if [ -n "${DASHBOARD_PORT:-}" ]; then
  profile=(--no-launch-profile)
  dashboard=(ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
    ASPNETCORE_URLS="http://localhost:${DASHBOARD_PORT}"
    ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://localhost:$((DASHBOARD_PORT + 1))"
    ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://localhost:$((DASHBOARD_PORT + 2))")
fi

start=$(date +%s.%N)
setsid env ${SECRETARIAT_SECRET:+"Parameters__secretariat-secret=$SECRETARIAT_SECRET"} GatewayPort="$port" Mode=local ${dashboard[@]+"${dashboard[@]}"} \
  dotnet run --project AppHost --configuration "${CONFIGURATION:-Release}" --no-build "${profile[@]}" -- "Local:BrokerNode=$node" ${DATA_DIRECTORY:+"Local:DataDirectory=$DATA_DIRECTORY"} \
  >"$log" 2>&1 &
app_host=$!
until curl -fsS -o /dev/null "http://localhost:${port}/health" 2>/dev/null; do
  kill -0 "$app_host" 2>/dev/null || { echo "the app host exited; see $log"; exit 1; }
  sleep 0.2
done
end=$(date +%s.%N)
echo "cold start to healthy: $(echo "$end - $start" | bc) s ($(nproc) cores, $(date -u +%F))"
if [ "${KEEP_RUNNING:-0}" = 1 ]; then
  echo "app host process group: $app_host (stop: kill -TERM -- -$app_host; then check pgrep -f \"$node@\")"
else
  kill -TERM -- "-$app_host"
  wait "$app_host" || true
fi
