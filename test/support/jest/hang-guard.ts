// A hang guard, not a budget: every project's tests get ten minutes, so that a verdict never depends on how busy the
// machine is (a test 10× slower under load still passes), while a test that truly hangs is still stopped — and the
// processes it started with it (tidy-environment.ts). Budgets of speed belong in bench/, never in a test.
jest.setTimeout(600_000);
