/**
 * Property-based tests over random lives of a park case, in the pure model of the workflow loop
 * (test/support/life/model.ts): after every officer action, refusal, timed event and continue-as-new, the case
 * must keep the policy's invariants (policy.md, checked by test/support/life/invariants.ts). Each property runs
 * over the same random lives; a failure is shrunk and printed as the life's script.
 *
 * Seeds: each run draws a new seed (it is in the title of the describe block, and a failing property prints
 * `replay with FC_SEED=… FC_PATH=…`); a fixed seed runs the same lives again, e.g. as CI's second, reproducible run:
 *   FC_SEED=20260101 npx jest --selectProjects heavy --runTestsByPath test/unit/random-lives.property.test.ts
 * Replay a failure: FC_SEED=<seed> FC_PATH=<path> (the shrunk life alone); FC_NUM_RUNS=<n> changes the number of
 * lives (2000 by default). FC_RERUN_LIVES=1: every property runs the lives itself instead of reading the first
 * property's results — the mutation run (test/stryker.jest.config.js) needs it, since it runs only the tests that
 * executed a mutant's code.
 */
import fc from 'fast-check';
import { life } from '../support/life/arbitraries';
import { LifeChecker, type Invariant, type Violation } from '../support/life/invariants';
import { runLife } from '../support/life/model';
import type { LifeSpec } from '../support/life/steps';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 2000);
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647);
const PATH = process.env.FC_PATH;
const RERUN_LIVES = process.env.FC_RERUN_LIVES === '1';

interface LifeResult {
  script: string[];
  violations: Violation[];
}

/** Each life runs once per file run (unless FC_RERUN_LIVES); every property reads its violations. */
const results = new Map<string, LifeResult>();
function check(spec: LifeSpec): LifeResult {
  const key = JSON.stringify(spec);
  let result = RERUN_LIVES ? undefined : results.get(key);
  if (!result) {
    const checker = new LifeChecker();
    const model = runLife(spec, [checker.onEvent]);
    result = { script: model.log, violations: checker.violations };
    if (!RERUN_LIVES) results.set(key, result);
  }
  return result;
}

/** The script of a life with its violations of `invariant` marked where they happened. */
function report(result: LifeResult, invariant: Invariant): string {
  const marks = new Map<number, string[]>();
  for (const v of result.violations.filter((x) => x.invariant === invariant))
    marks.set(v.line, [...(marks.get(v.line) ?? []), v.message]);
  return result.script.flatMap((line, i) => [line, ...(marks.get(i + 1) ?? []).map((m) => `      ✗ ${m}`)]).join('\n');
}

const lives = life();

function holds(invariant: Invariant): void {
  fc.assert(
    fc.property(lives, (spec) => {
      const result = check(spec);
      const broken = result.violations.filter((v) => v.invariant === invariant);
      if (broken.length > 0)
        throw new Error(
          `${broken.length} violation(s) of ${invariant}: ${broken[0].message}\n\nthe ` +
            `life (✗ marks each violation):\n${report(result, invariant)}`,
        );
    }),
    {
      numRuns: NUM_RUNS,
      seed: SEED,
      ...(PATH ? { path: PATH } : {}),
      reporter: (details) => {
        if (!details.failed) return;
        const error = details.errorInstance as Error | undefined;
        throw new Error(
          `property '${invariant}' failed after ${details.numRuns} lives ` +
            `(shrunk ${details.numShrinks}×); replay with ` +
            `FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath}\n` +
            `${error?.message ?? String(details.errorInstance)}\n\nshrunk ` +
            `life spec: ${JSON.stringify(details.counterexample?.[0])}`,
        );
      },
    },
  );
}

/** The first property runs the lives (≈ 15–20 s on one core); the others read the cached results. */
const TIMEOUT = 120_000;

describe(`random lives of a park case (pure model, ${NUM_RUNS} lives per property, FC_SEED=${SEED})`, () => {
  it(
    `R-PAY-1 / §5.2: no payment is instructed twice, tranches are ⌊S/2⌋ and S − ⌊S/2⌋, ` +
      `and the sum never exceeds subsidy + one grant, over ${NUM_RUNS} random lives`,
    () => holds('payments'),
    TIMEOUT,
  );
  it(
    'R-RPT-5 / §5.2: tranche 2 is instructed only from 1 January after ' +
      "the first reporting year, and only once that year's report is in",
    () => holds('tranche2'),
    TIMEOUT,
  );
  it(
    'R-PAY-1 / R-REF-1: a refund demand never exceeds the subsidy tranches paid plus in flight ' +
      '(grant excluded); a case closes exactly when no money is in flight and the demand is done',
    () => holds('refund'),
    TIMEOUT,
  );
  it(
    'R-CAL-1 / R-CAL-2 / R-CAL-3: every deadline ends at 16:00:00.000Z of its dueDate, falls exactly where its rule ' +
      'puts it (+30 / +14 / +60 days, 31 March, 3 years with 29 Feb → 28 Feb), moved off rest days, never on one',
    () => holds('deadlines'),
    TIMEOUT,
  );
  it(
    'R-CAL-3: every reminder and repeated notice goes out at 09:00 Chongqing on a working day',
    () => holds('noticeTimes'),
    TIMEOUT,
  );
  it(
    'R-DOC-1: papers are only ever added, and an application is accepted only with the letter, the feasibility ' +
      'report and the roster on the case, an XLSX roster listing exactly the filed agencies',
    () => holds('papers'),
    TIMEOUT,
  );
  it(
    'R-EVL-2: the next evaluation falls 3 years after the latest renewal (or designation), never later',
    () => holds('evaluation'),
    TIMEOUT,
  );
  it(
    '§6 / api-contract: every refusal is InvalidStage naming the stage or InvalidInput ' +
      'naming a rule, leaves the case unchanged, and nothing else is ever thrown',
    () => holds('refusals'),
    TIMEOUT,
  );
  it(
    'continue-as-new: the case state survives a JSON round trip unchanged after every change',
    () => holds('json'),
    TIMEOUT,
  );
  it(
    'R-RPT-6: overdue report notices go out at most once per calendar week per case, at 09:00 of its first working ' +
      'day or the first after a deadline, to the district and the municipal bureau, listing every unreported year',
    () => holds('overdue'),
    TIMEOUT,
  );
  it(
    '§5 lifecycle: stages move only along allowed transitions, ' +
      'and final stages (lapsed, rejected, closed) never change',
    () => holds('stages'),
    TIMEOUT,
  );
});
