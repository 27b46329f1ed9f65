import { readFileSync } from 'node:fs';

/**
 * The run's shards (test/mutation/shards.json; scripts/mutation.sh runs them one by one): each a Stryker run of its
 * files with its own incremental file and reports, so a run cut short keeps the shards it finished. A shard's
 * incremental file (test/mutation/results/<shard>.json, a mutation-testing report) is committed: the next run, on
 * any clone, retests only the mutants whose code or tests changed, and the summary reads the scores from it.
 */
const MUTATION_SHARDS = JSON.parse(readFileSync(new URL('./test/mutation/shards.json', import.meta.url), 'utf8'));
/** The shard of this run (STRYKER_SHARD): only its files, into its own reports. Unset: every shard's files at once. */
const shard = process.env.STRYKER_SHARD;
if (shard && !MUTATION_SHARDS[shard])
  throw new Error(`STRYKER_SHARD: no shard '${shard}' in test/mutation/shards.json`);
const reports = shard
  ? {
      incremental: `test/mutation/results/${shard}.json`,
      json: `reports/mutation/shards/${shard}.json`,
      html: `reports/mutation/shards/${shard}.html`,
    }
  : {
      incremental: 'reports/mutation/stryker-incremental.json',
      json: 'reports/mutation/mutation.json',
      html: 'reports/mutation/mutation.html',
    };

/**
 * Mutation testing of the pure policy code (`npm run mutation`, in shards; `npx stryker run` for the whole at once):
 * StrykerJS changes one operator, condition or constant at a time in the files below and runs the policy's unit
 * tests (test/stryker.jest.config.js) against each change; a change no test notices is a rule the suite does not
 * check. test/MUTATION.md has the scores, the time a run takes and the surviving mutants judged equivalent.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  mutate: shard ? MUTATION_SHARDS[shard] : Object.values(MUTATION_SHARDS).flat(),
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
  incrementalFile: reports.incremental,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: reports.html },
  jsonReporter: { fileName: reports.json },
  // Prints the score per file and every surviving mutant (not the tests of each: too long to read).
  clearTextReporter: { reportScoreTable: true, reportMutants: true, reportTests: false, logTests: false },
  thresholds: { high: 90, low: 80, break: null },
  // Not copied into the sandbox: data, builds, the console's own project and documents — none is read by a test here.
  ignorePatterns: ['/.data', '/.tools', '/dist', '/console', '/docs', '/docker', '/test-results', '/coverage'],
};
