import type { CaseSnapshot } from '../../workflows/definitions/case';
import * as m from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import {
  applyDesignation,
  firstReportingYearOf,
  firstTranche,
  newPayment,
  validateDesignation,
} from '../../workflows/lifecycle/designation';
import type { Context } from '../../workflows/lifecycle/outcome';
import { installedCalendar } from '../support/workflows/holiday-calendar';
import { municipal, pureCase } from '../support/life/pure-case';

// §5.1–§5.2, R-SUB-1/3 and R-RPT-5's cut-off on the pure lifecycle: each value and refusal pinned exactly.
const calendar = installedCalendar();
const ctx = (now: string): Context => ({ now, policy: DEFAULT_POLICY, calendar });
const { act, refusal, reviewedAt, designatedAt } = pureCase(ctx);
const MAY_10 = '2026-05-10T02:00:00.000Z';

/** Reviewed and ready for the decision (§5.1), under a case id longer than the certificate's eight characters. */
const reviewed = (caseId = 'a1b2c3d4-e5f6-4789-9abc-def012345678'): CaseSnapshot => reviewedAt(MAY_10, caseId);

const designate = (subsidyAmount?: number, extra: object = {}) => ({
  actor: municipal,
  decision: 'designate' as const,
  reason: '专家评审通过',
  subsidyAmount,
  ...extra,
});

describe('§5.2 a disbursement and its tranches', () => {
  it('§5.2 a new payment is instructed now, keyed by case and kind, to be confirmed within 14 days', () => {
    const state = reviewed('c-42');
    expect(newPayment(state, 'incubation_grant', 600_000, ctx(MAY_10))).toEqual({
      paymentId: 'c-42:incubation_grant',
      kind: 'incubation_grant',
      amount: 600_000,
      status: 'instructed',
      instructedAt: MAY_10,
      confirmBy: '2026-05-24T16:00:00.000Z',
    });
  });

  it('§5.2 tranche 1 is the floor of half the subsidy, so tranche 2 gets the odd yuan', () => {
    expect(firstTranche(2_000_001, DEFAULT_POLICY)).toBe(1_000_000);
    expect(firstTranche(3_000_000, DEFAULT_POLICY)).toBe(1_500_000);
    expect(firstTranche(1_000_000, { ...DEFAULT_POLICY, subsidyTrancheShares: [0.3, 0.7] })).toBe(300_000);
  });
});

describe('R-RPT-5 the first reporting year turns on 30 June, Chongqing date', () => {
  it.each([
    ['2026-01-01T00:00:00.000Z', 2026],
    ['2026-05-31T02:00:00.000Z', 2026],
    ['2026-06-29T02:00:00.000Z', 2026],
    ['2026-06-30T15:59:59.000Z', 2026], // 23:59:59 on 30 June in Chongqing
    ['2026-06-30T16:00:00.000Z', 2027], // 00:00 on 1 July in Chongqing
    ['2026-07-01T02:00:00.000Z', 2027],
    ['2026-06-01T02:00:00.000Z', 2026],
    ['2026-12-31T02:00:00.000Z', 2027],
    ['2026-12-31T16:30:00.000Z', 2027], // already 1 January 2027 in Chongqing: before that year's cut-off
  ])('R-RPT-5 designated at %s: the first reporting year is %i', (at, year) => {
    expect(firstReportingYearOf(at, DEFAULT_POLICY)).toBe(year);
  });

  it('R-RPT-5 the cut-off is the policy’s own day (31 March here)', () => {
    const policy = { ...DEFAULT_POLICY, firstReportingYearCutoffMonth: 3, firstReportingYearCutoffDay: 31 };
    expect(firstReportingYearOf('2026-03-31T02:00:00.000Z', policy)).toBe(2026);
    expect(firstReportingYearOf('2026-04-01T02:00:00.000Z', policy)).toBe(2027);
    expect(firstReportingYearOf('2026-02-28T02:00:00.000Z', policy)).toBe(2026);
    const midMonth = { ...DEFAULT_POLICY, firstReportingYearCutoffMonth: 3, firstReportingYearCutoffDay: 15 };
    expect(firstReportingYearOf('2026-03-15T02:00:00.000Z', midMonth)).toBe(2026);
    expect(firstReportingYearOf('2026-03-20T02:00:00.000Z', midMonth)).toBe(2027);
  });
});

describe('§5.1 / R-SUB-1 the decision', () => {
  const refusedWith = (state: CaseSnapshot, request: object) => refusal(state, m.designationUpdate, request, MAY_10);

  it('§5.1 decided once: a designated case is refused by its stage', () => {
    const state = reviewed();
    state.stage = 'designated';
    expect(refusedWith(state, designate(2_000_000))).toMatchObject({ type: 'InvalidStage' });
  });

  it('§5.1 the review must be closed: no summary of the experts’ reviews is refused naming decision', () => {
    const state = reviewed();
    state.reviewSummary = null;
    expect(refusedWith(state, designate(2_000_000))).toMatchObject({
      type: 'InvalidInput',
      details: [{ field: 'decision', rule: '§5.1', code: 'rules.refusals.reviewNotClosed' }],
    });
  });

  it.each([[''], ['   '], [undefined]])('§5.1 a decision gives its reason: %p is refused', (reason) => {
    expect(refusedWith(reviewed(), designate(2_000_000, { reason }))).toMatchObject({
      details: [{ field: 'reason', rule: '§5.1', code: 'rules.refusals.reasonRequired' }],
    });
  });

  it('§5.1 a rejection needs no subsidy amount', () => {
    const request = { actor: municipal, decision: 'reject', reason: '不符合条件' } as m.DesignationRequest;
    expect(() => validateDesignation(reviewed(), request, DEFAULT_POLICY)).not.toThrow();
  });

  it.each([[undefined], [999_999], [3_000_001], [1_500_000.5], [-2_000_000], [0]])(
    'R-SUB-1 a subsidy of %p CNY is refused naming subsidyAmount and the range',
    (amount) => {
      expect(refusedWith(reviewed(), designate(amount))).toMatchObject({
        details: [
          {
            field: 'subsidyAmount',
            rule: 'R-SUB-1',
            code: 'rules.refusals.subsidyOutOfRange',
            params: { min: 1_000_000, max: 3_000_000 },
          },
        ],
      });
    },
  );

  it.each([[1_000_000], [3_000_000], [2_000_001]])('R-SUB-1 a subsidy of %p CNY is within the range', (amount) => {
    expect(() => validateDesignation(reviewed(), designate(amount), DEFAULT_POLICY)).not.toThrow();
  });

  it('§5.1 a rejection ends the case with its reason', () => {
    const state = reviewed();
    const request = { actor: municipal, decision: 'reject', reason: '不符合条件' } as m.DesignationRequest;
    const result = applyDesignation(state, request, ctx('2026-05-11T02:00:00.000Z'));
    expect(result).toEqual({ action: 'rejected', details: { reason: '不符合条件' }, notices: [], instruct: [] });
    expect(state).toMatchObject({
      stage: 'rejected',
      rejection: { reason: '不符合条件', decidedAt: '2026-05-11T02:00:00.000Z' },
      updatedAt: '2026-05-11T02:00:00.000Z',
      payments: [],
    });
    expect(state.designation).toBeNull();
  });

  it('§5.1–§5.2 a designation: certificate of the Chongqing year, tranche 1 instructed, evaluation in 3 years', () => {
    const state = reviewed();
    const now = '2026-12-31T16:30:00.000Z'; // 1 January 2027 in Chongqing
    const result = applyDesignation(state, designate(2_000_001) as m.DesignationRequest, ctx(now));
    const tranche1 = {
      paymentId: 'a1b2c3d4-e5f6-4789-9abc-def012345678:subsidy_tranche_1',
      kind: 'subsidy_tranche_1',
      amount: 1_000_000,
      status: 'instructed',
      instructedAt: now,
      confirmBy: '2027-01-15T16:00:00.000Z',
    };
    expect(result).toEqual({
      action: 'designated',
      details: {
        certificateNo: 'CQ-HRP-2027-A1B2C3D4',
        subsidyAmount: 2_000_001,
        firstReportingYear: 2027,
        nextEvaluationDue: '2030-01-01T16:00:00.000Z',
      },
      notices: [],
      instruct: [tranche1],
    });
    expect(state).toMatchObject({
      stage: 'designated',
      updatedAt: now,
      nextEvaluationDue: '2030-01-01T16:00:00.000Z',
      payments: [tranche1],
      designation: {
        certificateNo: 'CQ-HRP-2027-A1B2C3D4',
        designatedAt: now,
        subsidyAmount: 2_000_001,
        reason: '专家评审通过',
        firstReportingYear: 2027,
      },
    });
  });

  it('§5.1 a certificate number the bureau gives is kept as given', () => {
    const state = reviewed();
    applyDesignation(state, designate(2_000_000, { certificateNo: '渝人社园〔2026〕7号' }) as never, ctx(MAY_10));
    expect(state.designation?.certificateNo).toBe('渝人社园〔2026〕7号');
  });
});

describe('R-SUB-3 the incubation base’s one-time grant', () => {
  it('R-SUB-3 recognised once: 600,000 CNY instructed, its decision reference kept; a second time refused', () => {
    const state = designatedAt(MAY_10);
    const first = act(
      state,
      m.incubationBaseUpdate,
      { actor: municipal, decisionReference: '渝人社〔2026〕9号' },
      MAY_10,
    );
    expect(first.action).toBe('incubation_base_recognised');
    expect(first.details).toEqual({ amount: 600_000, decisionReference: '渝人社〔2026〕9号' });
    expect(first.instruct).toMatchObject([
      { kind: 'incubation_grant', amount: 600_000, paymentId: 'c1:incubation_grant' },
    ]);
    expect(state.payments.map((p) => p.kind)).toEqual(['subsidy_tranche_1', 'incubation_grant']);
    expect(refusal(state, m.incubationBaseUpdate, { actor: municipal }, MAY_10)).toMatchObject({
      details: [{ field: 'incubationBase', rule: 'R-SUB-3', code: 'rules.refusals.incubationGrantPaidOnce' }],
    });
  });

  it('R-SUB-3 without a decision reference the history carries the amount only', () => {
    const state = designatedAt(MAY_10);
    expect(act(state, m.incubationBaseUpdate, { actor: municipal }, MAY_10).details).toEqual({ amount: 600_000 });
  });

  it('R-SUB-3 not before designation', () => {
    expect(refusal(reviewed(), m.incubationBaseUpdate, { actor: municipal }, MAY_10)).toMatchObject({
      type: 'InvalidStage',
    });
  });
});
