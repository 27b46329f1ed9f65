#!/usr/bin/env bash
# Makes a checkout ready to run: npm dependencies (when missing or out of date) and the provisioned
# Temporal servers (scripts/provision.sh, given this script's arguments). Both README commands call it, so a fresh
# machine needs nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing npm dependencies (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
bash scripts/provision.sh "$@"
