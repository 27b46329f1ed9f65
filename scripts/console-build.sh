#!/usr/bin/env bash
# Builds the officers' console (console/ → console/dist, which the API serves at /) when console/dist is missing or
# older than anything it is built from: its sources, its packages, and what it imports from the project (the
# catalogues, the workflow definitions and the eligibility rules, the credit-code check). Otherwise does nothing (the
# fast path of every `npm run dev`). Vite reports the size of each file (and gzip) on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
built=console/dist/index.html
if [ -f "$built" ] && [ -z "$(find console/src console/index.html console/vite.config.mts console/package-lock.json \
    i18n workflows/definitions workflows/eligibility.ts api/applications/credit-code.ts \
    -newer "$built" -print -quit 2>/dev/null)" ]; then
  exit 0
fi
echo "[console] building console/dist (vite build)" >&2
npm --prefix console run --silent build >&2
touch "$built" # vite keeps an unchanged file's time: mark this build as the newest
