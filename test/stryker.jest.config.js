/**
 * The jest configuration of the mutation run (`npm run mutation`, stryker.config.mjs): the `unit` project of
 * jest.config.js narrowed to the tests of the pure policy code, without the suite's global set-up (no test here
 * needs PostgreSQL). The random lives run too, but few (10 a property) and from a fixed seed, so that every
 * mutation run kills (or misses) the same mutants — the 2000 lives of `npm run test:heavy` take minutes per mutant.
 */
const { projects } = require('../jest.config');

const {
  displayName: _name,
  testPathIgnorePatterns: _heavy,
  testEnvironment: _tidy,
  ...unit
} = projects.find((p) => p.displayName === 'unit');

/** The unit tests of the policy rules (the code the mutants live in): add a file here when it tests a rule. */
const POLICY_TESTS = [
  'allowed-actions',
  'calendar-days',
  'case-documents',
  'case-view',
  'civil-date',
  'civil-date-bounds',
  'default-reminders',
  'department-opinions',
  'designation',
  'eligibility',
  'eligibility-findings',
  'evaluation',
  'holiday-lifecycle',
  'lifecycle',
  'moved-deadline-day',
  'overdue-notices-calendar-week',
  'payment-confirmation-and-closing',
  'policy-clock',
  'policy-edges',
  'policy-time',
  'provisional-calendar',
  'random-lives.property',
  'recalendared-deadlines',
  'refund-payment-and-write-off',
  'revoked-park-reports',
  'run-step',
  'waived-area-and-write-off',
  'working-day-search',
  'working-days',
];

// Reproducible: the same lives every run (the property test reads these; the shell may override them).
process.env.FC_SEED ??= '20260101';
process.env.FC_NUM_RUNS ??= '10';
process.env.FC_RERUN_LIVES ??= '1';

module.exports = {
  ...unit,
  rootDir: '..',
  // jest's own: Stryker's coverage environment wraps it, and cannot load a TypeScript one (the tidy environment only
  // stops processes a test file started, and these pure tests start none).
  testEnvironment: 'node',
  testMatch: POLICY_TESTS.map((name) => `<rootDir>/test/unit/${name}.test.ts`),
};
