#!/usr/bin/env bash
# Runs the whole system in local mode: RabbitMQ from Debian's package, SQLite files under .data/.
# With --demo it also fills one contest year through the gateway (tools/Demo) once the gateway is up;
# ./run.sh backup and ./run.sh restore <folder> back up and restore its databases.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_dotnet_sdk || exit 1

# ./run.sh backup: an online backup of every service's database, and the keys beside them, into .data/backups/<time>.
# ./run.sh restore <folder>: puts one back; the system must be stopped.
if [ "${1:-}" = backup ] || [ "${1:-}" = restore ]; then
  dotnet build tools/Backup -c Release -nologo -v quiet -clp:ErrorsOnly
  if [ "$1" = backup ]; then
    exec dotnet run --project tools/Backup -c Release --no-build -- backup .data
  fi
  [ -n "${2:-}" ] || { echo "usage: ./run.sh restore <backup folder>" >&2; exit 2; }
  if pgrep -f "HoanKiem.AppHost" >/dev/null; then
    echo "The system is running: stop it (Ctrl+C where ./run.sh runs), then restore." >&2
    exit 1
  fi
  exec dotnet run --project tools/Backup -c Release --no-build -- restore "$2" .data
fi

ensure_debian_packages

echo "Building (Release)..."
dotnet build HoanKiem.Aspire.sln -c Release -nologo -v quiet -clp:ErrorsOnly

gateway_port="${GATEWAY_PORT:-5080}"
mode="${MODE:-local}"
# The secretariat's secret: SECRETARIAT_SECRET or Parameters__secretariat-secret; in local mode, else the one made on
# the first run and kept in .data/ (the app host reads and makes the same file). Other modes refuse to start without one.
secret="${SECRETARIAT_SECRET:-$(printenv 'Parameters__secretariat-secret' || true)}"
if [ -z "$secret" ] && [ "$mode" = local ]; then
  secret_file=.data/secretariat-secret
  if [ ! -s "$secret_file" ]; then
    mkdir -p .data
    (umask 077 && head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$secret_file")
  fi
  secret="$(cat "$secret_file")"
fi
cat <<INFO

  Web app:                 http://localhost:${gateway_port}/  (units send articles, judges score, anyone sees the tallies)
  Gateway (public API):    http://localhost:${gateway_port}
  API reference:           http://localhost:${gateway_port}/api-reference
  Public tallies page:     http://localhost:${gateway_port}/tallies/$(date +%Y)
  Aspire dashboard:        the login URL the app host prints below ("Login to the dashboard at ...")
  Secretariat credentials: client_id=secretariat client_secret=${secret:-(none: set SECRETARIAT_SECRET)}
  Stop everything:         Ctrl+C

INFO
demo=false
app_host_args=()
for arg in "$@"; do
  if [ "$arg" = "--demo" ]; then demo=true; else app_host_args+=("$arg"); fi
done
app_host=(env ${secret:+"Parameters__secretariat-secret=${secret}"} GatewayPort="${gateway_port}" Mode="${mode}"
  dotnet run --project AppHost -c Release --no-build --launch-profile http ${app_host_args[@]+"${app_host_args[@]}"})
[ "$demo" = true ] || exec "${app_host[@]}"

"${app_host[@]}" &
app_host_pid=$!
# A script's background job ignores SIGINT, so Ctrl+C reaches the app host as SIGTERM from here.
trap 'kill -TERM "$app_host_pid" 2>/dev/null || true' INT TERM
echo "Waiting for the gateway before the demo..."
for _ in $(seq 1 180); do
  curl -fsS -o /dev/null "http://localhost:${gateway_port}/health" 2>/dev/null && break
  kill -0 "$app_host_pid" 2>/dev/null || exit 1
  sleep 2
done
dotnet run --project tools/Demo -c Release --no-build -- --gateway "http://localhost:${gateway_port}" --secret "${secret}" \
  || echo "The demo did not finish (see above); the system keeps running."
echo "The system keeps running: Ctrl+C stops everything."
wait "$app_host_pid" || wait "$app_host_pid" || true
