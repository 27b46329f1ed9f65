#!/usr/bin/env bash
# `npm test`, the inner loop: set-up, type-check (the API and the console), lint, format check (Prettier), then the
# unit, workflows and e2e jest projects in one run. The heavy project and the browser tests are `npm run test:heavy`
# (scripts/test-heavy.sh; .ci/run runs both). Extra arguments go to jest (e.g. --runTestsByPath test/unit/x.test.ts).
# Ends with a summary ("tests: N passed, N failed") and its time; whatever the run started and left alive (a timed-out
# test's stack, a Ctrl-C) is stopped on the way out.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/leftovers.sh
source scripts/lib/test-summary.sh
export PARKFLOW_TEST_RUN="${PARKFLOW_TEST_RUN:-npm-test-$$-$(date +%s)}"
trap 'stop_leftovers "PARKFLOW_TEST_RUN=$PARKFLOW_TEST_RUN" $$ | sed "s/^/[test] stopped a leftover: /" >&2' EXIT
started=$SECONDS
bash scripts/ensure-setup.sh --cluster || exit 1
echo "[test] type-check" >&2 && npx tsc -p tsconfig.json --noEmit && npx tsc -p console/tsconfig.json --noEmit || exit 1
echo "[test] lint" >&2 && npx eslint . || exit 1
echo "[test] format" >&2 && npx prettier --check --log-level warn "**/*.{ts,tsx,mts,js,mjs,cjs,json,yml,yaml}" || exit 1
mkdir -p test-results
projects=(--selectProjects unit workflows e2e)
[[ " $* " == *" --selectProjects "* ]] && projects=()
npx jest --ci --maxWorkers=2 --json --outputFile=test-results/jest.json "${projects[@]}" "$@"
status=$?
test_summary npm-test test-results/jest.json || status=1
echo "[test] npm test took $((SECONDS - started)) s" >&2
exit $status
