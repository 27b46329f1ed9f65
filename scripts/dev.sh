#!/usr/bin/env bash
# `npm run dev`: the whole local stack on one machine, no Docker — Temporal dev server (SQLite, UI :8233),
# PostgreSQL (embedded, or DATABASE_URL), SeaweedFS for the case documents (S3 :8333; data in $PARKFLOW_DATA_DIR/
# object-store), the worker and the API (:3000). Ctrl-C stops everything.
# TEMPORAL_ADDRESS set → use that Temporal instead of starting the dev server; OBJECT_STORE_ENDPOINT set (with
# OBJECT_STORE_ACCESS_KEY_ID and OBJECT_STORE_SECRET_ACCESS_KEY) → that S3 store instead of SeaweedFS.
# Also honoured (isolated runs, e.g. test/heavy/dev-shutdown.test.ts): PORT, PARKFLOW_DATA_DIR (.data),
# PARKFLOW_PG_PORT (5433), PARKFLOW_PG_DIR ($PARKFLOW_DATA_DIR/postgres), PARKFLOW_TEMPORAL_PORT (7233),
# PARKFLOW_TEMPORAL_UI_PORT (8233), PARKFLOW_OIDC_PORT (3001), PARKFLOW_OBJECT_STORE_PORT (8333),
# PARKFLOW_READY_TIMEOUT (seconds, 90), WORKER_METRICS_PORT (9464; left off when that port is taken, e.g. by another
# stack).
# POLICY_CLOCK_ADJUSTABLE=true (inherited by the API like every variable): the cases it starts take
# `npm run policy-clock -- --case <caseId> --days <n>`, for training and browser tests; the banner says so.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh
echo "[dev] building" >&2
npm run --silent build
bash scripts/console-build.sh

data=${PARKFLOW_DATA_DIR:-.data}
export PARKFLOW_PG_DIR=${PARKFLOW_PG_DIR:-$data/postgres}
tag=dev
# shellcheck source=lib/stack.sh
source scripts/lib/stack.sh
start_postgres
start_object_store 8333
# The key of the documents' 5-minute download links (R-DOC-1): one for every API instance of the stack.
export DOCUMENT_LINK_SECRET=${DOCUMENT_LINK_SECRET:-$(openssl rand -hex 32)}
node dist/worker/officers.cli.js import --development >&2  # the development officers, emailable before they sign in

export TEMPORAL_ADDRESS=${TEMPORAL_ADDRESS:-}
ui="(external Temporal: use its UI)"
if [ -z "$TEMPORAL_ADDRESS" ]; then
  [ -x .tools/temporal ] || { echo "[dev] no Temporal CLI in .tools/ (needs Go, see scripts/provision.sh) — set TEMPORAL_ADDRESS or use docker compose" >&2; exit 1; }
  temporal_port=${PARKFLOW_TEMPORAL_PORT:-7233}; ui_port=${PARKFLOW_TEMPORAL_UI_PORT:-8233}
  export TEMPORAL_ADDRESS=127.0.0.1:$temporal_port
  mapfile -t tuning < <(grep -v -e '^#' -e '^$' scripts/dev-server-tuning.args)
  start temporal "$data/temporal.log" .tools/temporal server start-dev --ip 127.0.0.1 --port "$temporal_port" --ui-port "$ui_port" --db-filename "$data/temporal.db" \
    --search-attribute CaseStage=Keyword --search-attribute District=Keyword \
    --search-attribute NextDeadline=Datetime --search-attribute OverdueReports=Int --log-level warn "${tuning[@]}"
  wait_for "Temporal dev server" 60 .tools/temporal operator cluster health --address "$TEMPORAL_ADDRESS"
  # A .data/temporal.db from an older checkout keeps the attributes it was created with: add the missing ones.
  for attribute in CaseStage=Keyword District=Keyword NextDeadline=Datetime OverdueReports=Int; do
    .tools/temporal operator search-attribute create --address "$TEMPORAL_ADDRESS" --name "${attribute%=*}" --type "${attribute#*=}" >/dev/null 2>&1 || true
  done
  ui="http://localhost:$ui_port"
fi

port=${PORT:-3000}
require_free_port "$port" PORT
# The development OpenID Connect provider (scripts/dev-oidc-issuer.ts): the console signs the demo officers in there,
# as production signs officers in at Keycloak; HS256 development tokens are taken beside its tokens. AUTH_ISSUER set →
# that provider instead.
if [ -z "${AUTH_ISSUER:-}" ]; then
  oidc_port=${PARKFLOW_OIDC_PORT:-3001}
  require_free_port "$oidc_port" PARKFLOW_OIDC_PORT
  start oidc "$data/oidc.log" env PORT="$port" PARKFLOW_OIDC_PORT="$oidc_port" node dist/scripts/dev-oidc-issuer.cli.js
  wait_for "the development OIDC issuer" 30 grep -q '^AUTH_ISSUER=' "$data/oidc.log"
  while read -r setting; do export "${setting?}"; done < <(grep '^AUTH_' "$data/oidc.log")
fi
metrics_port=${WORKER_METRICS_PORT:-9464}
if [ "$metrics_port" != 0 ] && port_in_use "$metrics_port"; then say "port $metrics_port is taken: worker metrics off"; metrics_port=0; fi
WORKER_METRICS_PORT=$metrics_port start_app worker "$data/worker.log" node dist/worker/main.js
start_app api "$data/api.log" node dist/api/main.js
wait_ready "$port"
clock="runs from each case's opening (POLICY_TIME_SCALE ${POLICY_TIME_SCALE:-1})"
if [ "${POLICY_CLOCK_ADJUSTABLE:-}" = true ]; then
  cli="npm run policy-clock -- --case <caseId> --days <n>"
  [ "$TEMPORAL_ADDRESS" = 127.0.0.1:7233 ] || cli="TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS $cli"
  clock="ADJUSTABLE (POLICY_CLOCK_ADJUSTABLE=true): new cases move forward with $cli"
fi
cat <<INFO

  parkflow is running
    Console      http://localhost:$port/       (sign in at $AUTH_ISSUER)
    API          http://localhost:$port        (OpenAPI: http://localhost:$port/docs, metrics: /metrics)
    Temporal UI  $ui
    metrics      worker $([ "$metrics_port" = 0 ] && echo off || echo "http://localhost:$metrics_port/metrics")
    PostgreSQL   $DATABASE_URL
    documents    $OBJECT_STORE_ENDPOINT bucket ${OBJECT_STORE_BUCKET:-parkflow-documents} (S3; only the API reaches it)
    policy clock $clock
    logs         $data/{api,worker,temporal,postgres,object-store,oidc}.log

  Try it (district 500112 渝北区):
    export TOKEN=$(token --role district --district 500112 --sub yubei-officer)
    curl -s localhost:$port/v1/districts -H "Authorization: Bearer \$TOKEN"
  Municipal token: $(token --role municipal --sub municipal-officer)

  Ctrl-C stops everything.
INFO
stay_up
