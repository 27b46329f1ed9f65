#!/usr/bin/env bash
# `npm test`: set-up, type-check, lint, format check (Prettier), then the three jest suites (unit, workflows,
# e2e) in one run.
# Ends with one plain summary line ("tests: N passed, N failed") for CI. Extra arguments go to jest.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh || exit 1
echo "[test] type-check" >&2 && npx tsc -p tsconfig.json --noEmit || exit 1
echo "[test] lint" >&2 && npx eslint . || exit 1
echo "[test] format" >&2 && npx prettier --check --log-level warn "**/*.{ts,js,mjs,cjs,json,yml,yaml}" || exit 1
mkdir -p test-results
npx jest --ci --maxWorkers=2 --json --outputFile=test-results/jest.json "$@"
status=$?
node -e '
  const r = require("./test-results/jest.json");
  const suites = {};
  for (const file of r.testResults) {
    const name = (file.name.match(/\/test\/(\w+)\//) || [])[1] || "other";
    const s = (suites[name] ??= { passed: 0, failed: 0 });
    for (const t of file.assertionResults) t.status === "passed" ? s.passed++ : t.status === "failed" && s.failed++;
  }
  for (const [name, s] of Object.entries(suites)) console.log(`suite ${name}: ${s.passed} passed, ${s.failed} failed`);
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' || status=1
exit $status
