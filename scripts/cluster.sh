#!/usr/bin/env bash
# `npm run cluster`: the production topology on one machine, no Docker — PostgreSQL (embedded, or DATABASE_URL),
# the Temporal server on it (frontend, history, matching, worker in one process; persistence and SQL visibility
# in PostgreSQL; built from its Go module by scripts/provision.sh --cluster), two parkflow workers and two APIs.
# The schema steps and the namespace set-up are docker-compose.yml's own scripts (docker/temporal/*.sh).
# Honoured: PARKFLOW_DATA_DIR (.data/cluster), PARKFLOW_PG_PORT (5434), PARKFLOW_API_PORTS ("3000 3001"),
# PARKFLOW_READY_TIMEOUT (seconds, 90). Temporal listens on 7233 (and 7234/7235/7239, metrics on :8000): stop
# `npm run dev` first. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh
bash scripts/provision.sh --cluster
echo "[cluster] building" >&2
npm run --silent build

data=${PARKFLOW_DATA_DIR:-.data/cluster}
export PARKFLOW_PG_DIR=${PARKFLOW_PG_DIR:-$data/postgres} PARKFLOW_PG_PORT=${PARKFLOW_PG_PORT:-5434}
read -r -a api_ports <<< "${PARKFLOW_API_PORTS:-3000 3001}"
tag=cluster
# shellcheck source=lib/stack.sh
source scripts/lib/stack.sh
for port in "${api_ports[@]}"; do require_free_port "$port" PARKFLOW_API_PORTS; done
require_free_port 7233 "nothing (stop npm run dev)"
start_postgres

# Temporal's databases live in the same PostgreSQL, reached with parkflow's credentials.
eval "$(node -e '
  const u = new URL(process.env.DATABASE_URL);
  const q = (v) => JSON.stringify(decodeURIComponent(v));
  console.log(`export POSTGRES_SEEDS=${q(u.hostname)} DB_PORT=${q(u.port || "5432")} POSTGRES_USER=${q(u.username)} SQL_PASSWORD=${q(u.password)}`);
')"
TEMPORAL_SQL_TOOL=.tools/temporal-sql-tool TEMPORAL_SCHEMA_DIR=.tools/temporal-schema \
  sh docker/temporal/setup-schema.sh > "$data/temporal-schema.log" 2>&1 \
  || { say "setting up Temporal's schemas failed; see $data/temporal-schema.log"; exit 1; }

mkdir -p "$data/temporal/config"
sed -e "s|\${POSTGRES_HOST}|$POSTGRES_SEEDS|; s|\${POSTGRES_PORT}|$DB_PORT|; s|\${POSTGRES_USER}|$POSTGRES_USER|" \
  -e "s|\${SQL_PASSWORD}|$SQL_PASSWORD|; s|\${TEMPORAL_METRICS_PORT}|8000|" \
  -e "s|\${DYNAMIC_CONFIG_FILE}|$PWD/docker/temporal/dynamicconfig/development-sql.yaml|" \
  docker/temporal/server-postgres.yaml > "$data/temporal/config/development.yaml"
export TEMPORAL_ADDRESS=127.0.0.1:7233
start temporal "$data/temporal.log" .tools/temporal-server --root "$data/temporal" --config config \
  --env development --allow-no-auth start
wait_for "Temporal server" 90 .tools/temporal operator cluster health --address "$TEMPORAL_ADDRESS"
PATH="$PWD/.tools:$PATH" sh docker/temporal/create-namespace.sh > "$data/temporal-namespace.log" 2>&1 \
  || { say "creating the namespace failed; see $data/temporal-namespace.log"; exit 1; }

for i in 1 2; do start_app "worker-$i" "$data/worker-$i.log" node dist/worker/main.js; done
for i in "${!api_ports[@]}"; do
  PORT=${api_ports[$i]} start_app "api-$((i + 1))" "$data/api-$((i + 1)).log" node dist/api/main.js
done
for port in "${api_ports[@]}"; do wait_ready "$port"; done
cat <<INFO

  parkflow is running (production topology)
    APIs         $(for port in "${api_ports[@]}"; do printf 'http://localhost:%s  ' "$port"; done)(either serves every case)
    Temporal     $TEMPORAL_ADDRESS (server $(.tools/temporal-server --version 2>/dev/null | head -1), PostgreSQL persistence)
    metrics      http://127.0.0.1:8000/metrics (Temporal server)
    PostgreSQL   $DATABASE_URL (databases parkflow, temporal, temporal_visibility)
    logs         $data/*.log

  Municipal token: $(token --role municipal --sub municipal-officer)
  District token (500112): $(token --role district --district 500112 --sub yubei-officer)

  Ctrl-C stops everything.
INFO
stay_up
