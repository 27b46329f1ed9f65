#!/bin/sh
# parkflow's and Keycloak's databases beside Temporal's (temporal, temporal_visibility are created by admin-tools).
# The passwords come from the environment (docker-compose.yml refuses to start without them): none is in the repository.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v parkflow_password="$PARKFLOW_DB_PASSWORD" -v keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE USER parkflow WITH PASSWORD :'parkflow_password';
CREATE DATABASE parkflow OWNER parkflow;
CREATE USER keycloak WITH PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER keycloak;
SQL
