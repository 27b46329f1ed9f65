#!/usr/bin/env bash
# `npm run dev`: the whole local stack on one machine, no Docker — Temporal dev server (SQLite, UI :8233),
# PostgreSQL (embedded, or DATABASE_URL), the worker and the API (:3000). Ctrl-C stops everything.
# TEMPORAL_ADDRESS set → use that Temporal instead of starting the dev server.
# Also honoured (isolated runs, e.g. test/e2e/dev-shutdown.test.ts): PORT, PARKFLOW_DATA_DIR (.data),
# PARKFLOW_PG_PORT (5433), PARKFLOW_PG_DIR ($PARKFLOW_DATA_DIR/postgres), PARKFLOW_TEMPORAL_PORT (7233),
# PARKFLOW_TEMPORAL_UI_PORT (8233), PARKFLOW_READY_TIMEOUT (seconds, 90).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh
echo "[dev] building" >&2
npm run --silent build

data=${PARKFLOW_DATA_DIR:-.data}
mkdir -p "$data"
export PARKFLOW_PG_DIR=${PARKFLOW_PG_DIR:-$data/postgres}
pids=()      # every child started here; each leads its own process group (set -m), so its children go too
app_pids=()  # the worker and the API: stopped first, while Temporal and PostgreSQL still answer
start() { # start <name> <log> <command…>: in the background, in a new process group; pid in $data/dev.pids
  local name=$1 log=$2; shift 2
  set -m; "$@" > "$log" 2>&1 & set +m
  pids+=($!); echo "$name $!" >> "$data/dev.pids"; echo "[dev] started $name (pid $!)" >&2
}
: > "$data/dev.pids"
group_alive() { kill -0 -- "-$1" 2>/dev/null; }
stop_groups() { # stop_groups <seconds> <pid…>: SIGTERM each group, wait up to <seconds> for all to go
  local seconds=$1; shift
  for pid in "$@"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  local until=$((SECONDS + seconds))
  while [ "$SECONDS" -lt "$until" ]; do
    local left=0; for pid in "$@"; do group_alive "$pid" && left=1; done
    [ "$left" = 0 ] && return 0; sleep 0.2
  done
}
cleanup() { # within 15 s: API + worker (≤ 6 s), then the servers (≤ 6 s), then SIGKILL whatever is left
  trap - EXIT INT TERM
  [ ${#pids[@]} -eq 0 ] && return 0
  echo "[dev] stopping the stack" >&2
  [ ${#app_pids[@]} -eq 0 ] || stop_groups 6 "${app_pids[@]}"
  stop_groups 6 "${pids[@]}"
  for pid in "${pids[@]}"; do
    if group_alive "$pid"; then echo "[dev] process group $pid did not stop; killing it" >&2; kill -KILL -- "-$pid" 2>/dev/null || true; fi
  done
  wait 2>/dev/null || true
  rm -f "$data/dev.pids"
  echo "[dev] stopped" >&2
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
wait_for() { # wait_for <what> <seconds> <command…>
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "[dev] $what did not come up within ${seconds}s; see $data/*.log" >&2; exit 1
}

if [ -z "${DATABASE_URL:-}" ]; then
  rm -f "$data/postgres.url"
  set -m; node dist/scripts/local-postgres.cli.js > "$data/postgres.url" 2> "$data/postgres.log" & set +m
  pids+=($!); echo "postgres $!" >> "$data/dev.pids"; echo "[dev] started postgres (pid $!)" >&2
  for _ in $(seq 1 600); do
    grep -q DATABASE_URL= "$data/postgres.url" && break
    group_alive "${pids[-1]}" || { echo "[dev] PostgreSQL did not start:" >&2; tail -n 20 "$data/postgres.log" >&2; exit 1; }
    sleep 0.2
  done
  grep -q DATABASE_URL= "$data/postgres.url" || { echo "[dev] PostgreSQL did not come up within 120s; see $data/postgres.log" >&2; exit 1; }
  export "$(grep DATABASE_URL= "$data/postgres.url")"
else
  node dist/persistence/migrate.cli.js
fi

export TEMPORAL_ADDRESS=${TEMPORAL_ADDRESS:-}
ui="(external Temporal: use its UI)"
if [ -z "$TEMPORAL_ADDRESS" ]; then
  [ -x .tools/temporal ] || { echo "[dev] no Temporal CLI in .tools/ (needs Go, see scripts/provision.sh) — set TEMPORAL_ADDRESS or use docker compose" >&2; exit 1; }
  temporal_port=${PARKFLOW_TEMPORAL_PORT:-7233}; ui_port=${PARKFLOW_TEMPORAL_UI_PORT:-8233}
  export TEMPORAL_ADDRESS=127.0.0.1:$temporal_port
  start temporal "$data/temporal.log" .tools/temporal server start-dev --ip 127.0.0.1 --port "$temporal_port" --ui-port "$ui_port" --db-filename "$data/temporal.db" \
    --search-attribute CaseStage=Keyword --search-attribute District=Keyword \
    --search-attribute NextDeadline=Datetime --search-attribute OverdueReports=Int --log-level warn
  wait_for "Temporal dev server" 60 .tools/temporal operator cluster health --address "$TEMPORAL_ADDRESS"
  # A .data/temporal.db from an older checkout keeps the attributes it was created with: add the missing ones.
  for attribute in CaseStage=Keyword District=Keyword NextDeadline=Datetime OverdueReports=Int; do
    .tools/temporal operator search-attribute create --address "$TEMPORAL_ADDRESS" --name "${attribute%=*}" --type "${attribute#*=}" >/dev/null 2>&1 || true
  done
  ui="http://localhost:$ui_port"
fi

port=${PORT:-3000}
# Another process on the API port would answer /health/ready below in our API's place.
if node -e "require('net').connect($port,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))" 2>/dev/null; then
  echo "[dev] port $port is already in use by another process: stop it, or set PORT" >&2
  exit 1
fi
start worker "$data/worker.log" node dist/worker/main.js; app_pids+=($!)
start api "$data/api.log" node dist/api/main.js; app_pids+=($!)
# "Running" means an action would be served: /health/ready checks PostgreSQL, Temporal and a polling worker.
ready_timeout=${PARKFLOW_READY_TIMEOUT:-90}
ready_until=$((SECONDS + ready_timeout))
until node -e "fetch('http://127.0.0.1:$port/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" >/dev/null 2>&1; do
  if [ "$SECONDS" -ge "$ready_until" ]; then
    echo "[dev] parkflow is not ready after ${ready_timeout}s; GET /health/ready answers:" >&2
    node -e "fetch('http://127.0.0.1:$port/health/ready').then(r=>r.text()).then(t=>console.error('  '+t),e=>console.error('  (no answer: '+e.message+')'))" || true
    echo "[dev] see $data/{api,worker,temporal,postgres}.log" >&2
    exit 1
  fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "[dev] $(grep " $pid\$" "$data/dev.pids" | cut -d' ' -f1) (pid $pid) exited; see $data/*.log" >&2; exit 1; }
  done
  sleep 0.5
done

token() { node dist/api/auth/mint-token.cli.js "$@"; }
cat <<INFO

  parkflow is running
    API          http://localhost:$port        (OpenAPI: http://localhost:$port/docs)
    Temporal UI  $ui
    PostgreSQL   $DATABASE_URL
    logs         $data/{api,worker,temporal,postgres}.log

  Try it (district 500112 渝北区):
    export TOKEN=$(token --role district --district 500112 --sub yubei-officer)
    curl -s localhost:$port/v1/districts -H "Authorization: Bearer \$TOKEN"
  Municipal token: $(token --role municipal --sub municipal-officer)

  Ctrl-C stops everything.
INFO
wait -n "${pids[@]}" || true
echo "[dev] a process exited; stopping the stack (see $data/*.log)" >&2
