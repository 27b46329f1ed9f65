#!/usr/bin/env bash
# `npm run dev`: the whole local stack on one machine, no Docker — Temporal dev server (SQLite, UI :8233),
# PostgreSQL (embedded, or DATABASE_URL), the worker and the API (:3000). Ctrl-C stops everything.
# TEMPORAL_ADDRESS set → use that Temporal instead of starting the dev server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh
echo "[dev] building" >&2
npm run --silent build

mkdir -p .data
pids=()
cleanup() { trap - EXIT INT TERM; for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
wait_for() { # wait_for <what> <seconds> <command…>
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "[dev] $what did not come up within ${seconds}s; see .data/*.log" >&2; exit 1
}

if [ -z "${DATABASE_URL:-}" ]; then
  rm -f .data/postgres.url
  node dist/scripts/local-postgres.cli.js > .data/postgres.url 2> .data/postgres.log & pids+=($!)
  wait_for PostgreSQL 120 grep -q DATABASE_URL= .data/postgres.url
  export "$(grep DATABASE_URL= .data/postgres.url)"
else
  node dist/persistence/migrate.cli.js
fi

export TEMPORAL_ADDRESS=${TEMPORAL_ADDRESS:-}
ui="(external Temporal: use its UI)"
if [ -z "$TEMPORAL_ADDRESS" ]; then
  [ -x .tools/temporal ] || { echo "[dev] no Temporal CLI in .tools/ (needs Go, see scripts/provision.sh) — set TEMPORAL_ADDRESS or use docker compose" >&2; exit 1; }
  export TEMPORAL_ADDRESS=127.0.0.1:7233
  .tools/temporal server start-dev --ip 127.0.0.1 --port 7233 --ui-port 8233 --db-filename .data/temporal.db \
    --search-attribute CaseStage=Keyword --search-attribute District=Keyword \
    --search-attribute NextDeadline=Datetime --search-attribute OverdueReports=Int --log-level warn > .data/temporal.log 2>&1 & pids+=($!)
  wait_for "Temporal dev server" 60 .tools/temporal operator cluster health --address "$TEMPORAL_ADDRESS"
  # A .data/temporal.db from an older checkout keeps the attributes it was created with: add the missing ones.
  for attribute in CaseStage=Keyword District=Keyword NextDeadline=Datetime OverdueReports=Int; do
    .tools/temporal operator search-attribute create --address "$TEMPORAL_ADDRESS" --name "${attribute%=*}" --type "${attribute#*=}" >/dev/null 2>&1 || true
  done
  ui="http://localhost:8233"
fi

node dist/worker/main.js > .data/worker.log 2>&1 & pids+=($!)
node dist/api/main.js > .data/api.log 2>&1 & pids+=($!)
port=${PORT:-3000}
wait_for "API" 60 node -e "fetch('http://127.0.0.1:$port/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

token() { node dist/api/auth/mint-token.cli.js "$@"; }
cat <<INFO

  parkflow is running
    API          http://localhost:$port        (OpenAPI: http://localhost:$port/docs)
    Temporal UI  $ui
    PostgreSQL   $DATABASE_URL
    logs         .data/{api,worker,temporal,postgres}.log

  Try it (district 500112 渝北区):
    export TOKEN=$(token --role district --district 500112 --sub yubei-officer)
    curl -s localhost:$port/v1/districts -H "Authorization: Bearer \$TOKEN"
  Municipal token: $(token --role municipal --sub municipal-officer)

  Ctrl-C stops everything.
INFO
wait -n "${pids[@]}"
echo "[dev] a process exited; stopping the stack (see .data/*.log)" >&2
