#!/usr/bin/env bash
# `npm test`: set-up, type-check (the API and the console), lint, format check (Prettier), then the three jest suites
# (unit, workflows, e2e) in one run, then the console's browser tests (Playwright driving Debian's chromium against a
# `npm run dev` stack of their own, console/e2e) — skipped when extra arguments select jest tests.
# Ends with one plain summary line ("tests: N passed, N failed") for CI, counting both. Extra arguments go to jest.
set -uo pipefail
cd "$(dirname "$0")/.."
# --cluster: the cluster suite runs npm run cluster's own script with Keycloak (test/cluster/console-on-cluster).
bash scripts/ensure-setup.sh --cluster || exit 1
echo "[test] type-check" >&2 && npx tsc -p tsconfig.json --noEmit && npx tsc -p console/tsconfig.json --noEmit || exit 1
echo "[test] lint" >&2 && npx eslint . || exit 1
echo "[test] format" >&2 && npx prettier --check --log-level warn "**/*.{ts,tsx,mts,js,mjs,cjs,json,yml,yaml}" || exit 1
mkdir -p test-results
rm -f test-results/browser.json
npx jest --ci --maxWorkers=2 --json --outputFile=test-results/jest.json "$@"
status=$?
if [ $# -eq 0 ]; then
  echo "[test] browser (Playwright, /usr/bin/chromium)" >&2
  started=$SECONDS
  npm --prefix console run --silent test:browser || status=1
  echo "[test] browser suite took $((SECONDS - started)) s" >&2
fi
node -e '
  const fs = require("fs");
  const r = require("./test-results/jest.json");
  const suites = {};
  for (const file of r.testResults) {
    const name = (file.name.match(/\/test\/(\w+)\//) || [])[1] || "other";
    const s = (suites[name] ??= { passed: 0, failed: 0 });
    for (const t of file.assertionResults) t.status === "passed" ? s.passed++ : t.status === "failed" && s.failed++;
  }
  let passed = r.numPassedTests, failed = r.numFailedTests;
  if (process.argv[1] === "0") {
    // Playwright'"'"'s JSON report; none at all means the run never got to its tests (a failed start counts as one).
    const file = "test-results/browser.json";
    const report = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined;
    const b = report?.stats;
    const errors = report?.errors?.length ?? 0; // e.g. the stack did not start (global setup)
    suites.browser = b ? { passed: b.expected + b.flaky, failed: b.unexpected + errors } : { passed: 0, failed: 1 };
    passed += suites.browser.passed; failed += suites.browser.failed;
  }
  for (const [name, s] of Object.entries(suites)) console.log(`suite ${name}: ${s.passed} passed, ${s.failed} failed`);
  console.log(`tests: ${passed} passed, ${failed} failed`);
' "$#" || status=1
exit $status
