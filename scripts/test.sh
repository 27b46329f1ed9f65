#!/usr/bin/env bash
# `npm test`, the inner loop: set-up, then the unit, workflows and e2e jest projects in one run, with the static checks
# beside it (type-check of the API and the console, lint, format check). The heavy project and the browser tests are `npm run test:heavy`
# (scripts/test-heavy.sh; .ci/run runs both). Extra arguments go to jest (e.g. --runTestsByPath test/unit/x.test.ts).
# Ends with a summary ("tests: N passed, N failed") and its time; whatever the run started and left alive (a timed-out
# test's stack, a Ctrl-C) is stopped on the way out.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/test-run.sh
started=$SECONDS
begin_test_run test || exit 1
mkdir -p test-results/static
# The static checks run beside jest, each into its own log (printed when it fails): the suites wait on servers much of
# the time, and the checks fill those gaps — at the lowest priority, so that they take only what the suites leave and
# never slow a server's start (the SDK gives a test server 5 s).
declare -A checks=(
  [type-check]="npx tsc -p tsconfig.json --noEmit"
  [type-check-console]="npx tsc -p console/tsconfig.json --noEmit"
  [lint]="npx eslint ."
  [format]="npx prettier --check --log-level warn '**/*.{ts,tsx,mts,js,mjs,cjs,json,yml,yaml}'"
)
declare -A check_pids=()
for name in "${!checks[@]}"; do
  nice -n 19 bash -c "${checks[$name]}" > "test-results/static/$name.log" 2>&1 &
  check_pids[$name]=$!
done
projects=(--selectProjects unit workflows e2e)
[[ " $* " == *" --selectProjects "* ]] && projects=()
npx jest --ci --maxWorkers=2 --json --outputFile=test-results/jest.json "${projects[@]}" "$@"
status=$?
for name in "${!check_pids[@]}"; do
  if wait "${check_pids[$name]}"; then
    echo "[test] $name: passed" >&2
  else
    echo "[test] $name: FAILED" >&2 && cat "test-results/static/$name.log" >&2 && status=1
  fi
done
test_summary npm-test test-results/jest.json || status=1
echo "[test] npm test took $((SECONDS - started)) s" >&2
exit $status
