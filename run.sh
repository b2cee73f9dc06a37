#!/usr/bin/env bash
# Runs the whole system in local mode: RabbitMQ from Debian's package, SQLite files under .data/.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_debian_packages

echo "Building..."
dotnet build HoanKiem.Aspire.sln -nologo -v quiet -clp:ErrorsOnly

gateway_port="${GATEWAY_PORT:-5080}"
secret="${SECRETARIAT_SECRET:-hoankiem-local-secretariat}"
cat <<INFO

  Gateway (public API):    http://localhost:${gateway_port}
  API reference:           http://localhost:${gateway_port}/api-reference
  Public tallies page:     http://localhost:${gateway_port}/tallies/$(date +%Y)
  Aspire dashboard:        the login URL the app host prints below ("Login to the dashboard at ...")
  Secretariat credentials: client_id=secretariat client_secret=${secret}
  Stop everything:         Ctrl+C

INFO
exec env "Parameters__secretariat-secret=${secret}" GatewayPort="${gateway_port}" Mode="${MODE:-local}" \
  dotnet run --project AppHost --no-build --launch-profile http "$@"
