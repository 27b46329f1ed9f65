# test_summary RUN REPORT...: one line per suite ("suite RUN/NAME: N passed, N failed", NAME the test/ folder, or
# "browser" for Playwright's report, browser.json; every other report is jest's --json) and a last "tests: N passed, N
# failed"; exits 1 on any failure. A file that failed outside its tests (it did not compile, its setup threw) counts
# as one failure, and so does a missing report: the run never got to its tests.
test_summary() {
  node -e '
    const fs = require("fs");
    const [run, ...reports] = process.argv.slice(1);
    const browserFile = reports.find((file) => file.endsWith("browser.json"));
    const suites = {};
    let passed = 0, failed = 0;
    for (const jestFile of reports.filter((file) => file !== browserFile)) {
      if (!fs.existsSync(jestFile)) {
        suites[`${run}/${jestFile}`] = { passed: 0, failed: 1 };
        continue;
      }
      const r = JSON.parse(fs.readFileSync(jestFile, "utf8"));
      for (const file of r.testResults) {
        const name = `${run}/${(file.name.match(/\/test\/(\w+)\//) || [])[1] ?? "other"}`;
        const s = (suites[name] ??= { passed: 0, failed: 0 });
        for (const t of file.assertionResults) t.status === "passed" ? s.passed++ : t.status === "failed" && s.failed++;
        if (file.status === "failed" && file.assertionResults.every((t) => t.status !== "failed")) s.failed++;
      }
    }
    if (browserFile) {
      const report = fs.existsSync(browserFile) ? JSON.parse(fs.readFileSync(browserFile, "utf8")) : undefined;
      const b = report?.stats;
      const errors = report?.errors?.length ?? 0; // e.g. the stack did not start (global setup)
      suites[`${run}/browser`] = b ? { passed: b.expected + b.flaky, failed: b.unexpected + errors } : { passed: 0, failed: 1 };
    }
    for (const [name, s] of Object.entries(suites)) {
      passed += s.passed; failed += s.failed;
      console.log(`suite ${name}: ${s.passed} passed, ${s.failed} failed`);
    }
    console.log(`tests: ${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 ? 1 : 0;
  ' "$@"
}
