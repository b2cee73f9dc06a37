#!/usr/bin/env bash
# Adds the migration <Name> to every service's database, once per provider: each service keeps a SQLite and a
# SQL Server migration set, on its own context (Data/Migrations/Sqlite and Data/Migrations/SqlServer).
set -euo pipefail

if [ $# -ne 1 ] || [[ "$1" == -* ]]; then
  echo "usage: $0 <Name>" >&2
  exit 2
fi
name="$1"
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null
for service in Submission Judging Recognition Reporting; do
  project="services/$service/HoanKiem.$service.csproj"
  dotnet build "$project" -nologo -v quiet -clp:"ErrorsOnly;NoSummary"
  for provider in Sqlite SqlServer; do
    dotnet ef migrations add "$name" --project "$project" --no-build \
      --context "$provider${service}DbContext" --output-dir "Data/Migrations/$provider"
  done
done
