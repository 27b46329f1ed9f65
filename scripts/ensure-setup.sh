#!/usr/bin/env bash
# Makes a checkout ready to run: npm dependencies of the API and of the console (when missing or out of date) and the
# provisioned tools (scripts/provision.sh, given this script's arguments). Both README commands call it, so a fresh
# machine needs nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing npm dependencies (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
# The officers' console is a package of its own (console/package.json, its own lock): the API's install stays as it is.
if [ ! -f console/node_modules/.package-lock.json ] || [ console/package-lock.json -nt console/node_modules/.package-lock.json ]; then
  echo "[setup] installing the console's npm dependencies (npm ci in console/)" >&2
  npm ci --prefix console --no-audit --no-fund --loglevel=error
fi
bash scripts/provision.sh "$@"
