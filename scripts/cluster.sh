#!/usr/bin/env bash
# `npm run cluster`: the production topology on one machine, no Docker — PostgreSQL (Debian's 15 when installed, whose
# pg_dump `npm run backup` uses; else the embedded one; or DATABASE_URL), the Temporal server on it (frontend, internal
# frontend, history, matching, worker in one process; persistence and SQL visibility in PostgreSQL; built from its Go
# module by scripts/provision.sh; secured as compose's: mutual TLS with this stack's certificates, token authorization
# by the realm's service accounts), the Temporal UI (the temporalio/ui image's server; ops staff sign in, read only),
# Prometheus with the alert rules (Debian's package), Keycloak with compose's realm (Maven Central's distribution on
# this machine's Java, its database in the same PostgreSQL; scripts/keycloak-server.cli.ts), two parkflow workers and
# two API instances behind one address (scripts/front-door.ts), which also serve the officers' console (console/dist,
# built first by scripts/console-build.sh) at / on that one origin; SeaweedFS holds the case documents (S3, built from
# its Go module by scripts/provision.sh; scripts/object-store.cli.ts). The API takes the realm's tokens (officers sign
# in to the console and to Swagger UI through the realm's `parkflow-console` client) and, as under `npm run dev`, HS256
# development tokens. The schema steps and the namespace set-up are docker-compose.yml's own scripts (docker/temporal/*.sh).
# Honoured: PARKFLOW_DATA_DIR (.data/cluster), PARKFLOW_PG_PORT (5434), PORT (the one address, 3000),
# PARKFLOW_API_PORTS (the instances, "3001 3002"), PARKFLOW_WORKER_METRICS_PORTS (the workers' /metrics, "9464 9465"),
# TEMPORAL_UI_PORT (8080), KEYCLOAK_PORT (8081), KEYCLOAK_MANAGEMENT_PORT (its /health, 9000), PARKFLOW_KEYCLOAK
# (`off`: no Keycloak, development tokens only; Temporal then has mutual TLS alone), PROMETHEUS_PORT (9090),
# PARKFLOW_PG_BIN (the PostgreSQL server's binaries; empty: the embedded one), PARKFLOW_RESTORE_FROM (a backup dir of
# `npm run backup`: restored before Temporal starts, then reconciled, docs/operations.md §7),
# TEMPORAL_METRICS_PORT (8000), PARKFLOW_OBJECT_STORE_PORT (the document store's S3, 8334; OBJECT_STORE_ENDPOINT set →
# that store instead), PARKFLOW_READY_TIMEOUT (seconds, 90), KEYCLOAK_READY_TIMEOUT (300).
# Temporal listens on 7233 (and 7234/7235/7236/7239): stop `npm run dev` first. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh --cluster
echo "[cluster] building" >&2
npm run --silent build
bash scripts/console-build.sh # before the API instances start: they serve console/dist at /

data=${PARKFLOW_DATA_DIR:-.data/cluster}
export PARKFLOW_PG_DIR=${PARKFLOW_PG_DIR:-$data/postgres} PARKFLOW_PG_PORT=${PARKFLOW_PG_PORT:-5434}
# Debian's PostgreSQL when installed: its pg_dump and pg_restore (the same major) are what backups need.
export PARKFLOW_PG_BIN=${PARKFLOW_PG_BIN-$([ -x /usr/lib/postgresql/15/bin/postgres ] && echo /usr/lib/postgresql/15/bin)}
port=${PORT:-3000} ui_port=${TEMPORAL_UI_PORT:-8080}
export KEYCLOAK_PORT=${KEYCLOAK_PORT:-8081} KEYCLOAK_MANAGEMENT_PORT=${KEYCLOAK_MANAGEMENT_PORT:-9000}
read -r -a api_ports <<< "${PARKFLOW_API_PORTS:-3001 3002}"
read -r -a metrics_ports <<< "${PARKFLOW_WORKER_METRICS_PORTS:-9464 9465}"
tag=cluster
# shellcheck source=lib/stack.sh
source scripts/lib/stack.sh
require_free_port "$port" PORT
for api_port in "${api_ports[@]}"; do require_free_port "$api_port" PARKFLOW_API_PORTS; done
for metrics_port in "${metrics_ports[@]}"; do require_free_port "$metrics_port" PARKFLOW_WORKER_METRICS_PORTS; done
require_free_port "$ui_port" TEMPORAL_UI_PORT
# Prometheus with the alert rules of docker/prometheus (Debian's package, scripts/provision.sh), when installed.
prometheus_port=${PROMETHEUS_PORT:-9090}
if [ -x /usr/bin/prometheus ]; then require_free_port "$prometheus_port" PROMETHEUS_PORT; fi
require_free_port 7233 "nothing (stop npm run dev)"
require_free_port 7236 "nothing (the Temporal server's internal frontend)"
[ -x .tools/temporal-server ] && [ -x .tools/temporal-ui/ui-server ] \
  || { say "the Temporal server and UI are built with Go (scripts/provision.sh); none here"; exit 1; }
keycloak=on
if [ "${PARKFLOW_KEYCLOAK:-on}" = off ]; then keycloak=off
elif [ ! -e .tools/keycloak/lib/quarkus-run.jar ]; then
  keycloak=off; say "no Keycloak here (scripts/provision.sh needs Java 17+ and Maven): development tokens only"
else
  require_free_port "$KEYCLOAK_PORT" KEYCLOAK_PORT
  require_free_port "$KEYCLOAK_MANAGEMENT_PORT" KEYCLOAK_MANAGEMENT_PORT
fi
start_postgres
start_object_store 8334
# ── restore (docs/operations.md "Backup and restore"): PARKFLOW_RESTORE_FROM=<backup dir> (npm run backup's) replaces
# the databases with the backup's while PostgreSQL runs alone, before Temporal, Keycloak and the apps connect to them,
# and puts back the documents' objects the store lacks (it runs already).
if [ -n "${PARKFLOW_RESTORE_FROM:-}" ]; then
  node dist/scripts/restore.cli.js "$PARKFLOW_RESTORE_FROM" > "$data/restore.log" 2>&1 \
    || { say "restoring $PARKFLOW_RESTORE_FROM failed:"; tail -n 5 "$data/restore.log" >&2; exit 1; }
  # a backup of an older release lacks the newer migrations
  node dist/persistence/migrate.cli.js >> "$data/restore.log" 2>&1 \
    || { say "migrating the restored parkflow database failed; see $data/restore.log"; exit 1; }
  say "restored $PARKFLOW_RESTORE_FROM (see $data/restore.log); once everything runs: npm run reconcile"
fi
# ── end of restore

# Temporal's databases live in the same PostgreSQL, reached with parkflow's credentials; its config file is
# docker/temporal/server-postgres.yaml filled in by scripts/temporal-server.ts (Temporal's default ports), with
# docker/temporal/secured.yaml over it (zone `secured`): mutual TLS for every caller, and token authorization by the
# realm's service accounts when Keycloak runs. The certificates are this stack's own (scripts/certificates.sh).
bash scripts/certificates.sh "$data/certs"
# shellcheck source=lib/temporal-access.sh
source scripts/lib/temporal-access.sh
eval "$(node dist/scripts/temporal-server.cli.js "$data/temporal")"
cp docker/temporal/secured.yaml "$data/temporal/config/development_secured.yaml"
export TEMPORAL_NAMESPACE=${TEMPORAL_NAMESPACE:-default} TEMPORAL_CERT_DIR="$certs"
# The key of the documents' 5-minute download links (R-DOC-1): one for every API instance of the stack.
export DOCUMENT_LINK_SECRET=${DOCUMENT_LINK_SECRET:-$(openssl rand -hex 32)}
# Keycloak starts now, beside the Temporal server (it takes longer); the namespace set-up waits for it.
no_auth=--allow-no-auth
if [ "$keycloak" = on ]; then
  PORT=$port TEMPORAL_UI_PORT=$ui_port start keycloak "$data/keycloak.log" node dist/scripts/keycloak-server.cli.js "$data/keycloak"
  keycloak_pid=${pids[-1]}
  # Compose's settings (docker-compose.yml's x-parkflow-env): the realm's tokens, officers known by their username.
  export AUTH_ISSUER="$realm_url" AUTH_AUDIENCE=parkflow-api \
    AUTH_SUBJECT_CLAIM=preferred_username AUTH_ROLE_CLAIM=realm_access.roles AUTH_DISTRICT_CLAIM=district \
    AUTH_CONSOLE_CLIENT_ID=parkflow-console
  export TEMPORAL_JWKS_URL="$realm_url/protocol/openid-connect/certs"
  no_auth=
fi
TEMPORAL_SQL_TOOL=.tools/temporal-sql-tool TEMPORAL_SCHEMA_DIR=.tools/temporal-schema \
  sh docker/temporal/setup-schema.sh > "$data/temporal-schema.log" 2>&1 \
  || { say "setting up Temporal's schemas failed; see $data/temporal-schema.log"; exit 1; }
export TEMPORAL_ADDRESS=127.0.0.1:7233
# Every service in one process, the internal frontend (secured.yaml) among them: the system workers' way in.
start temporal "$data/temporal.log" .tools/temporal-server --root "$data/temporal" --config config \
  --env development --zone secured $no_auth start --service frontend --service internal-frontend --service history \
  --service matching --service worker
eval "$(cli_env)"
wait_for "Temporal server" 90 temporal_cli operator cluster health
if [ "$keycloak" = on ]; then
  keycloak_until=$((SECONDS + ${KEYCLOAK_READY_TIMEOUT:-300}))
  until [ -f "$data/keycloak/banner.txt" ]; do
    group_alive "$keycloak_pid" || { say "Keycloak exited; see $data/keycloak.log"; exit 1; }
    [ "$SECONDS" -lt "$keycloak_until" ] || { say "Keycloak is not ready; see $data/keycloak.log"; exit 1; }
    sleep 0.5
  done
  eval "$(cli_env with-token)"
fi
cli_env "$([ "$keycloak" = on ] && echo with-token)" > "$data/temporal-admin.env"
PATH="$PWD/.tools:$PATH" sh docker/temporal/create-namespace.sh > "$data/temporal-namespace.log" 2>&1 \
  || { say "creating the namespace failed; see $data/temporal-namespace.log"; exit 1; }
# Each caller's identity in a file of its own (owner only): processes read their secrets from files, never argv.
(umask 077
  caller_env parkflow-worker "$([ "$keycloak" = on ] && echo parkflow-worker)" > "$data/worker.env"
  caller_env parkflow-api "$([ "$keycloak" = on ] && echo parkflow-api-temporal)" > "$data/api.env"
  temporal_ui_env > "$data/temporal-ui.env")
# The UI: the temporalio/ui image's own server and config file (config/docker.yaml reads TEMPORAL_*), read-only for
# everyone (its write actions are off), ops staff signed in through Keycloak.
start temporal-ui "$data/temporal-ui.log" sh scripts/lib/with-env.sh "$data/temporal-ui.env" \
  .tools/temporal-ui/ui-server --root .tools/temporal-ui --config config --env docker start

for i in "${!metrics_ports[@]}"; do
  WORKER_METRICS_PORT=${metrics_ports[$i]} start_app "worker-$((i + 1))" "$data/worker-$((i + 1)).log" \
    sh scripts/lib/with-env.sh "$data/worker.env" node dist/worker/main.js
done
upstreams=()
for i in "${!api_ports[@]}"; do
  PORT=${api_ports[$i]} start_app "api-$((i + 1))" "$data/api-$((i + 1)).log" \
    sh scripts/lib/with-env.sh "$data/api.env" node dist/api/main.js
  upstreams+=("http://127.0.0.1:${api_ports[$i]}")
done
for api_port in "${api_ports[@]}"; do wait_ready "$api_port"; done
FRONT_DOOR_PORT=$port FRONT_DOOR_UPSTREAMS=$(IFS=,; echo "${upstreams[*]}") \
  start_app front-door "$data/front-door.log" node dist/scripts/front-door.cli.js
wait_ready "$port"
if [ -n "${PARKFLOW_RESTORE_FROM:-}" ]; then
  sh scripts/lib/with-env.sh "$data/worker.env" node dist/scripts/reconcile.cli.js --restored-from "$PARKFLOW_RESTORE_FROM" \
    > "$data/reconcile.log" 2>&1 || say "reconcile left cases unchecked; see $data/reconcile.log"
fi
if [ -x /usr/bin/prometheus ]; then
  PROMETHEUS_PORT=$prometheus_port PARKFLOW_WORKER_METRICS_PORTS="${metrics_ports[*]}" PARKFLOW_API_PORTS="${api_ports[*]}" \
    start prometheus "$data/prometheus.log" node dist/scripts/prometheus-server.cli.js "$data/prometheus"
  prometheus_line="http://127.0.0.1:$prometheus_port  (alert rules docker/prometheus/alerts.yml: its Alerts page)"
else
  prometheus_line="not installed (Debian's prometheus package; scripts/provision.sh installs it where apt can)"
fi
if [ "$keycloak" = on ]; then
  sign_in=$(sed 's/^/    /' "$data/keycloak/banner.txt")
else
  sign_in="    Keycloak     off (PARKFLOW_KEYCLOAK=off or not provisioned): the console cannot sign anyone in; use the
                 development tokens below with the API"
fi
cat <<INFO

  parkflow is running (production topology)
    API          http://localhost:$port  (front door: instances $(printf 'http://localhost:%s ' "${api_ports[@]}")— either serves every case)
    console      http://localhost:$port/  (officers sign in through Keycloak, client parkflow-console)
    Temporal UI  http://localhost:$ui_port  (read only$([ "$keycloak" = on ] && echo "; ops staff sign in through Keycloak: ops-reader"))
    Temporal     $TEMPORAL_ADDRESS (server $(.tools/temporal-server --version 2>/dev/null | head -1), PostgreSQL persistence;
                 mutual TLS, certificates $certs$([ "$keycloak" = on ] && echo "; tokens of the realm's service accounts"))
                 administration: npm run temporal-admin -- workflow list   (PARKFLOW_DATA_DIR=$data)
                 parkflow's CLIs (calendar, officers, policy-clock) as a worker: set -a; . $data/worker.env; set +a
    metrics      http://127.0.0.1:${TEMPORAL_METRICS_PORT:-8000}/metrics (Temporal server), $(printf 'http://localhost:%s/metrics ' "${metrics_ports[@]}")(workers),
                 $(printf 'http://localhost:%s/metrics ' "${api_ports[@]}")(API instances)
    Prometheus   $prometheus_line
    PostgreSQL   $DATABASE_URL (databases parkflow, temporal, temporal_visibility$([ "$keycloak" = on ] && echo ", keycloak"))
    documents    $OBJECT_STORE_ENDPOINT bucket ${OBJECT_STORE_BUCKET:-parkflow-documents} (S3; only the API reaches it)
    logs         $data/*.log
$sign_in

  Development tokens (HS256, as under npm run dev; Swagger UI's Authorize → bearer takes them too):
  Municipal token: $(token --role municipal --sub municipal-officer)
  District token (500112): $(token --role district --district 500112 --sub yubei-officer)

  Ctrl-C stops everything.
INFO
stay_up
