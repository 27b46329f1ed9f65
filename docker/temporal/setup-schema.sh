#!/bin/sh
# Creates Temporal's persistence and visibility databases in PostgreSQL and brings their schemas up to date.
# Run by docker-compose.yml's admin-tools and by `npm run cluster` (scripts/cluster.sh), which sets the tool and
# the schema directory of its own build (TEMPORAL_SQL_TOOL, TEMPORAL_SCHEMA_DIR). Idempotent.
set -eu
: "${POSTGRES_SEEDS:?POSTGRES_SEEDS is required}"
: "${POSTGRES_USER:?POSTGRES_USER is required}"
port=${DB_PORT:-5432}
schema_dir=${TEMPORAL_SCHEMA_DIR:-/etc/temporal/schema/postgresql/v12}
sql_tool=${TEMPORAL_SQL_TOOL:-temporal-sql-tool}

if command -v nc >/dev/null; then
  until nc -z -w 5 "$POSTGRES_SEEDS" "$port"; do echo "waiting for PostgreSQL at $POSTGRES_SEEDS:$port"; sleep 2; done
fi

for db in temporal temporal_visibility; do
  case $db in temporal) versioned=$schema_dir/temporal/versioned ;; *) versioned=$schema_dir/visibility/versioned ;; esac
  sql() { "$sql_tool" --plugin postgres12 --ep "$POSTGRES_SEEDS" -u "$POSTGRES_USER" -p "$port" --db "$db" "$@"; }
  sql create || echo "database $db already exists"
  sql setup-schema -v 0.0 || echo "schema version tables of $db already exist"
  sql update-schema -d "$versioned"
done
echo "Temporal schemas are up to date"
