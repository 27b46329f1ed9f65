#!/usr/bin/env bash
# `npm run temporal-admin -- <temporal CLI arguments>`: the Temporal CLI against the running `npm run cluster` as its
# administrator — the temporal-admin certificate and, with Keycloak, a fresh token of the realm's temporal-admin
# client (permission temporal-system:admin). The only way to reset or terminate a case: the Temporal UI is read only.
# PARKFLOW_DATA_DIR: the cluster's data dir (.data/cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${PARKFLOW_DATA_DIR:-.data/cluster}
[ -f "$data/temporal-admin.env" ] || { echo "no cluster in $data (npm run cluster writes $data/temporal-admin.env)" >&2; exit 1; }
# shellcheck source=lib/temporal-access.sh
source scripts/lib/temporal-access.sh
# shellcheck disable=SC1091 # written by scripts/cluster.sh
source "$data/temporal-admin.env"
temporal_cli "$@"
