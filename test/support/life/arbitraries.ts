/**
 * fast-check arbitraries for random lives of a park case ({@link LifeSpec}): every officer action with valid and
 * invalid inputs, by an actor of the right role, interleaved with clock advances from minutes to ~400 days and
 * advances that land on and around the policy's edges (Chongqing new year, 29 February, 30 June / 1 July,
 * 31 March, the case's own deadlines ± 1 ms).
 */
import { DOCUMENT_PURPOSES } from '../../../workflows/definitions/documents';
import fc from 'fast-check';
import { EXPERT_POOL, type ActionSpec, type AdvanceSpec, type LifeSpec, type RelativeAmount, type Step } from './steps';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Offsets around an edge: the day before, a minute, a second and a millisecond either side, and the edge itself. */
export const EDGE_OFFSETS = [-DAY, -MINUTE, -1000, -1, 0, 0, 1, 1000, MINUTE];

const text = (valid: string) => fc.constantFrom(valid, valid, valid, '', '   ');

const submission: fc.Arbitrary<ActionSpec> = fc.record({
  a: fc.constant('submitApplication' as const),
  agencies: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 15, max: 20 }) },
    { weight: 1, arbitrary: fc.integer({ min: 10, max: 14 }) },
  ),
  duplicateAgency: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  measures: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  letter: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  floorAreaSqm: fc.oneof(
    fc.integer({ min: 8000, max: 20000 }),
    fc.constantFrom(7999, 8000),
    fc.integer({ min: 3000, max: 7999 }),
  ),
  missingFunctions: fc.oneof(
    { weight: 4, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) },
  ),
  wrongDistrict: fc.oneof({ weight: 15, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

const acceptance: fc.Arbitrary<ActionSpec> = fc.record(
  {
    a: fc.constant('acceptance' as const),
    accepted: fc.boolean(),
    reason: text('材料不全'),
    waiverReason: text('主城核心区，面积从宽'),
  },
  { requiredKeys: ['a', 'accepted'] },
);

const panel: fc.Arbitrary<ActionSpec> = fc.record({
  a: fc.constant('formPanel' as const),
  // 2–8 experts, sometimes with duplicates (the policy's panel has 3–7 distinct ones).
  expertIds: fc.oneof(
    fc.uniqueArray(fc.constantFrom(...EXPERT_POOL), { minLength: 2, maxLength: 8 }),
    fc.array(fc.constantFrom(...EXPERT_POOL.slice(0, 5)), { minLength: 2, maxLength: 8 }),
  ),
});

const score = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 101, 150, 50.5) },
);
const review: fc.Arbitrary<ActionSpec> = fc.record({
  a: fc.constant('submitReview' as const),
  expert: fc.oneof(
    { weight: 3, arbitrary: fc.record({ panelIndex: fc.nat(7) }) },
    { weight: 1, arbitrary: fc.record({ id: fc.constantFrom(...EXPERT_POOL, 'expert-outsider') }) },
  ),
  necessity: score,
  feasibility: score,
  recommend: fc.boolean(),
});

const designation: fc.Arbitrary<ActionSpec> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        a: fc.constant('designation' as const),
        decision: fc.constant('designate' as const),
        subsidyAmount: fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min: 1_000_000, max: 3_000_000 }) },
          { weight: 2, arbitrary: fc.constantFrom(1_000_000, 1_000_001, 1_234_567, 2_999_999, 3_000_000) },
          { weight: 2, arbitrary: fc.constantFrom(999_999, 3_000_001, 0, -1_000_000, 1_500_000.5, 5_000_000) },
        ),
        reason: text('专家组推荐'),
      },
      { requiredKeys: ['a', 'decision', 'reason'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      a: fc.constant('designation' as const),
      decision: fc.constant('reject' as const),
      reason: text('必要性不足'),
    }),
  },
);

const confirmPayment: fc.Arbitrary<ActionSpec> = fc.record({
  a: fc.constant('confirmPayment' as const),
  payment: fc.oneof(
    { weight: 5, arbitrary: fc.record({ index: fc.nat(3) }) },
    { weight: 1, arbitrary: fc.record({ id: fc.constantFrom('unknown-payment', 'case-0001:subsidy_tranche_3') }) },
  ),
  bankReference: fc.constantFrom('BANK-1', 'BANK-2', 'BANK-3', ''),
});

const annualReport: fc.Arbitrary<ActionSpec> = fc.record({
  a: fc.constant('annualReport' as const),
  // Years around the first reporting year (past, current, future, duplicates) or around the current year.
  year: fc.oneof(
    { weight: 3, arbitrary: fc.record({ fromFirst: fc.integer({ min: -2, max: 10 }) }) },
    { weight: 2, arbitrary: fc.record({ fromNow: fc.integer({ min: -2, max: 1 }) }) },
  ),
  revenue: fc.oneof(
    fc.integer({ min: 0, max: 2_000 }).map((m) => m * 1_000_000),
    fc.constantFrom(299_999_999, 300_000_000, 999_999_999, 1_000_000_000),
  ),
  agencies: fc.integer({ min: 10, max: 30 }),
  floorAreaSqm: fc.integer({ min: 5000, max: 20000 }),
});

const relative = (shareMax: number): fc.Arbitrary<RelativeAmount> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ share: fc.integer({ min: 1, max: shareMax }).map((n) => n / 100) }) },
    { weight: 2, arbitrary: fc.record({ plus: fc.constantFrom(-1, 0, 0, 1) }) },
    { weight: 1, arbitrary: fc.record({ fixed: fc.constantFrom(0, -5, 1.5, 1) }) },
  );

const GROUNDS = ['poorly_run', 'nominal_only', 'adverse_effect'];
const evaluation: fc.Arbitrary<ActionSpec> = fc
  .record(
    {
      outcome: fc.constantFrom('renew' as const, 'rectify' as const, 'revoke' as const),
      findings: text('评估意见'),
      rectifyBy: fc.oneof(
        { weight: 5, arbitrary: fc.record({ days: fc.integer({ min: -3, max: 800 }) }) },
        {
          weight: 1,
          arbitrary: fc.record({
            text: fc.constantFrom(
              '2027-02-30',
              '2028-02-29',
              'tomorrow',
              '2027-13-01',
              '',
              '2030-1-5',
              '2031-06-30T12:00:00Z',
            ),
          }),
        },
      ),
      grounds: fc.oneof(
        { weight: 4, arbitrary: fc.uniqueArray(fc.constantFrom(...GROUNDS), { minLength: 1, maxLength: 3 }) },
        { weight: 1, arbitrary: fc.array(fc.constantFrom(...GROUNDS, 'bogus', ''), { maxLength: 4 }) },
      ),
      refundAmount: relative(120),
    },
    { requiredKeys: ['outcome', 'findings'] },
  )
  .map(({ outcome, ...rest }): ActionSpec => ({ a: 'evaluation', outcome, ...rest }));
/** Evaluations that carry only the fields of their outcome (the mixed ones above are mostly refused). */
const wellFormedEvaluation: fc.Arbitrary<ActionSpec> = fc.oneof(
  fc.constant<ActionSpec>({ a: 'evaluation', outcome: 'renew', findings: '运行良好' }),
  fc
    .record({ days: fc.integer({ min: -3, max: 800 }) })
    .map((rectifyBy): ActionSpec => ({ a: 'evaluation', outcome: 'rectify', findings: '限期整改', rectifyBy })),
  fc
    .record({
      grounds: fc.uniqueArray(fc.constantFrom(...GROUNDS), { minLength: 1, maxLength: 3 }),
      refundAmount: fc.option(relative(120), { nil: undefined }),
    })
    .map(({ grounds, refundAmount }): ActionSpec => ({
      a: 'evaluation',
      outcome: 'revoke',
      findings: '经营不善',
      grounds,
      ...(refundAmount ? { refundAmount } : {}),
    })),
);

const refundPayment: fc.Arbitrary<ActionSpec> = fc.record({
  a: fc.constant('refundPayment' as const),
  amount: relative(120),
  bankReference: fc.constantFrom('REFUND-1', 'REFUND-2', ''),
});
const writeOff: fc.Arbitrary<ActionSpec> = fc.record({
  a: fc.constant('refundWriteOff' as const),
  reason: text('核销'),
});

const attachDocument: fc.Arbitrary<ActionSpec> = fc.record(
  {
    a: fc.constant('attachDocument' as const),
    purpose: fc.constantFrom(...DOCUMENT_PURPOSES),
    roster: fc.constantFrom('matching' as const, 'lacking' as const),
  },
  { requiredKeys: ['a', 'purpose'] },
);

/** Any officer action, valid or not, with an actor of the right role. */
export const randomAction: fc.Arbitrary<ActionSpec> = fc.oneof(
  submission,
  acceptance,
  panel,
  review,
  designation,
  fc.constant<ActionSpec>({ a: 'incubationBase' }),
  confirmPayment,
  annualReport,
  evaluation,
  wellFormedEvaluation,
  refundPayment,
  writeOff,
  attachDocument,
);

export const guidedAction: fc.Arbitrary<ActionSpec> = fc
  .nat(1_000_000)
  .map((pick): ActionSpec => ({ a: 'guided', pick }));

export interface AdvanceOptions {
  /** The longest plain advance, in days (default 400). */
  maxDays?: number;
  /** Offsets from an edge to land on (default {@link EDGE_OFFSETS}). */
  edgeOffsets?: number[];
  /** Chongqing hours to land at on the last day of February (default 0, 9 and 23). */
  februaryHours?: number[];
}

/** Clock advances: minutes, days, up to ~400 days, and onto the edges. */
export function advance(options: AdvanceOptions = {}): fc.Arbitrary<AdvanceSpec> {
  const edgeOffset = fc.constantFrom(...(options.edgeOffsets ?? EDGE_OFFSETS));
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.integer({ min: MINUTE, max: 12 * 60 * MINUTE }).map((ms): AdvanceSpec => ({ to: 'by', ms })),
    },
    { weight: 4, arbitrary: fc.integer({ min: DAY, max: 60 * DAY }).map((ms): AdvanceSpec => ({ to: 'by', ms })) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 60 * DAY, max: (options.maxDays ?? 400) * DAY })
        .map((ms): AdvanceSpec => ({ to: 'by', ms })),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        to: fc.constant('newYear' as const),
        skip: fc.constantFrom(0, 0, 0, 1),
        offsetMs: edgeOffset,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ to: fc.constant('midYear' as const), skip: fc.constant(0), offsetMs: edgeOffset }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ to: fc.constant('reportDue' as const), skip: fc.constant(0), offsetMs: edgeOffset }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        to: fc.constant('lastOfFebruary' as const),
        hour: fc.constantFrom(...(options.februaryHours ?? [0, 9, 23])),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ to: fc.constant('deadline' as const), index: fc.nat(5), offsetMs: edgeOffset }),
    },
    { weight: 1, arbitrary: fc.record({ to: fc.constant('nextEvent' as const), offsetMs: edgeOffset }) },
  );
}

const START_MIN = Date.UTC(2025, 0, 1);
const START_MAX = Date.UTC(2032, 11, 31, 23, 59, 59, 999);

/**
 * A random life: opened between 2025 and 2032, first a filing (mostly), then guided and random actions and advances.
 */
export interface LifeOptions extends AdvanceOptions {
  minSteps?: number;
  maxSteps?: number;
  guidedWeight?: number;
  randomWeight?: number;
  advanceWeight?: number;
  /** The first step files an application for this case (as the API starts a case: Update-with-Start). */
  fileFirst?: boolean;
}

export function life(options: LifeOptions = {}): fc.Arbitrary<LifeSpec> {
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: options.guidedWeight ?? 5, arbitrary: guidedAction.map((act): Step => ({ act })) },
    { weight: options.randomWeight ?? 3, arbitrary: randomAction.map((act): Step => ({ act })) },
    { weight: options.advanceWeight ?? 4, arbitrary: advance(options).map((to): Step => ({ advance: to })) },
  );
  const filing = submission.filter((spec) => spec.a === 'submitApplication' && !spec.wrongDistrict);
  const first: fc.Arbitrary<Step> = fc.oneof(
    { weight: 8, arbitrary: guidedAction.map((act): Step => ({ act })) },
    { weight: 2, arbitrary: (options.fileFirst ? filing : submission).map((act): Step => ({ act })) },
    ...(options.fileFirst ? [] : [{ weight: 1, arbitrary: step }]),
  );
  return fc.record({
    start: fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: START_MIN, max: START_MAX }) },
      {
        weight: 1,
        arbitrary: fc
          .integer({ min: 2025, max: 2032 })
          .chain((y) =>
            fc.constantFrom(
              Date.UTC(y, 11, 31, 15, 59, 59, 999),
              Date.UTC(y, 11, 31, 16),
              Date.UTC(y, 5, 30, 15, 59),
              Date.UTC(y, 5, 30, 16),
              Date.UTC(y, 1, 28, 16),
              Date.UTC(y, 2, 31, 16),
            ),
          ),
      },
    ),
    steps: fc
      .tuple(
        first,
        fc.array(step, { minLength: options.minSteps ?? 10, maxLength: options.maxSteps ?? 40, size: 'max' }),
      )
      .map(([head, rest]) => [head, ...rest]),
  });
}
