/**
 * Mutation testing of the pure policy code (`npm run mutation`; `-- --incremental` reuses the last run's results):
 * StrykerJS changes one operator, condition or constant at a time in the files below and runs the policy's unit
 * tests (test/stryker.jest.config.js) against each change; a change no test notices is a rule the suite does not
 * check. test/MUTATION.md has the scores, the time a run takes and the surviving mutants judged equivalent.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  mutate: [
    'workflows/lifecycle/**/*.ts',
    'workflows/eligibility.ts',
    'workflows/definitions/civil-date.ts',
    'workflows/definitions/policy.ts',
  ],
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'test/stryker.jest.config.js', enableFindRelatedTests: false },
  // Each mutant runs only the tests that executed its code in the initial run.
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'test/stryker.tsconfig.json',
  // One test runner: the machine's two cores are shared (STRYKER_CONCURRENCY or `-- --concurrency 2` to change it).
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
  // Generous: a busy machine must not turn a slow test into a "timeout" verdict that counts as killed.
  timeoutMS: 60_000,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Prints the score per file and every surviving mutant (not the tests of each: too long to read).
  clearTextReporter: { reportScoreTable: true, reportMutants: true, reportTests: false, logTests: false },
  thresholds: { high: 90, low: 80, break: null },
  // Not copied into the sandbox: data, builds, the console's own project and documents — none is read by a test here.
  ignorePatterns: ['/.data', '/.tools', '/dist', '/console', '/docs', '/docker', '/test-results', '/coverage'],
};
