import type { CaseSnapshot } from '../../workflows/definitions/case';
import * as m from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import type { Context } from '../../workflows/lifecycle/outcome';
import { closeIfSettled, inFlight, refundCeiling } from '../../workflows/lifecycle/payments';
import { installedCalendar } from '../support/workflows/holiday-calendar';
import { finance, municipal, pureCase } from '../support/life/pure-case';

// §5.2 finance's confirmation and R-PAY-1's ceiling and closing on the pure lifecycle: each value and refusal pinned.
const calendar = installedCalendar();
const ctx = (now: string): Context => ({ now, policy: DEFAULT_POLICY, calendar });
const { act, refusal, designatedAt } = pureCase(ctx);
const MAY_10 = '2026-05-10T02:00:00.000Z';

describe('§5.2 finance confirms a payment', () => {
  const confirm = (state: CaseSnapshot, extra: object = {}) => ({
    actor: finance,
    paymentId: state.payments[0]?.paymentId,
    paidAt: '2026-05-20T10:00:00+08:00',
    bankReference: 'CQ-T-1',
    ...extra,
  });

  it('§5.2 an unknown payment is refused naming the case and the payment', () => {
    const state = designatedAt(MAY_10);
    expect(refusal(state, m.confirmPaymentUpdate, confirm(state, { paymentId: 'c1:nope' }), MAY_10)).toMatchObject({
      details: [
        {
          field: 'paymentId',
          rule: '§5.2',
          code: 'rules.refusals.unknownPayment',
          params: { caseId: 'c1', paymentId: 'c1:nope' },
        },
      ],
    });
  });

  it.each([
    ['bankReference', { bankReference: '  ' }, 'bankReferenceRequired'],
    ['bankReference', { bankReference: undefined }, 'bankReferenceRequired'],
    ['paidAt', { paidAt: 'yesterday' }, 'notAnIsoDate'],
  ])('§5.2 %s missing or wrong (%p) is refused', (field, extra, code) => {
    const state = designatedAt(MAY_10);
    expect(refusal(state, m.confirmPaymentUpdate, confirm(state, extra), MAY_10)).toMatchObject({
      details: [{ field, rule: '§5.2', code: `rules.refusals.${code}` }],
    });
    expect(inFlight(state)).toHaveLength(1);
  });

  it('§5.2 a confirmed payment is paid with its day and reference, and is not confirmed twice', () => {
    const state = designatedAt(MAY_10);
    const result = act(state, m.confirmPaymentUpdate, confirm(state), '2026-05-20T02:00:00.000Z');
    expect(result.action).toBe('payment_confirmed');
    expect(result.details).toEqual({
      paymentId: 'c1:subsidy_tranche_1',
      kind: 'subsidy_tranche_1',
      amount: 1_000_000,
      bankReference: 'CQ-T-1',
      stage: 'designated',
    });
    expect(state.payments[0]).toMatchObject({
      status: 'paid',
      paidAt: '2026-05-20T10:00:00+08:00',
      bankReference: 'CQ-T-1',
    });
    expect(state.updatedAt).toBe('2026-05-20T02:00:00.000Z');
    expect(inFlight(state)).toEqual([]);
    expect(refusal(state, m.confirmPaymentUpdate, confirm(state), MAY_10)).toMatchObject({
      details: [
        {
          field: 'paymentId',
          rule: '§5.2',
          code: 'rules.refusals.paymentAlreadyConfirmed',
          params: { paymentId: 'c1:subsidy_tranche_1' },
        },
      ],
    });
  });
});

describe('R-PAY-1 what may be demanded back, and when a revoked case closes', () => {
  it('R-PAY-1 the ceiling counts subsidy tranches paid or in flight, never the incubation grant', () => {
    const state = designatedAt(MAY_10);
    act(state, m.incubationBaseUpdate, { actor: municipal }, MAY_10);
    expect(refundCeiling(state)).toBe(1_000_000);
    state.payments.push({
      ...state.payments[0],
      paymentId: 'c1:subsidy_tranche_2',
      kind: 'subsidy_tranche_2',
      amount: 1_000_001,
    });
    expect(refundCeiling(state)).toBe(2_000_001);
  });

  it('R-PAY-1 a case that is not revoked never closes here', () => {
    const state = designatedAt(MAY_10);
    state.payments[0].status = 'paid';
    expect(closeIfSettled(state, MAY_10)).toEqual({});
    expect(state.stage).toBe('designated');
  });

  it.each([
    ['open', 'paid', false],
    ['escalated', 'paid', false],
    ['settled', 'instructed', false],
    ['settled', 'paid', true],
    ['written_off', 'paid', true],
  ] as const)('R-PAY-1 revoked, demand %s, tranche %s: closes = %p', (status, payment, closes) => {
    const state = designatedAt(MAY_10);
    state.stage = 'revoked';
    state.payments[0].status = payment;
    state.refundDemand = { amount: 1, paidAmount: 0, dueAt: MAY_10, status, payments: [] };
    closeIfSettled(state, MAY_10);
    expect(state.stage).toBe(closes ? 'closed' : 'revoked');
  });

  it('R-PAY-1 / R-RPT-5 revoked, no demand: closes once nothing is in flight, naming the reports never filed', () => {
    const state = designatedAt(MAY_10);
    state.stage = 'revoked';
    expect(closeIfSettled(state, '2027-03-01T02:00:00.000Z')).toEqual({});
    expect(state.stage).toBe('revoked');
    state.payments[0].status = 'paid';
    state.evaluations.push({
      outcome: 'revoke',
      findings: 'x',
      decidedAt: '2027-03-01T02:00:00.000Z',
      reportFindings: [],
    });
    expect(closeIfSettled(state, '2027-03-01T02:00:00.000Z')).toEqual({ reportsNeverFiled: [2026] });
    expect(state.stage).toBe('closed');
  });

  it('R-PAY-1 revoked in its designation year with nothing in flight: closes with no report owed', () => {
    const state = designatedAt(MAY_10);
    state.stage = 'revoked';
    state.payments[0].status = 'paid';
    state.evaluations.push({
      outcome: 'revoke',
      findings: 'x',
      decidedAt: '2026-08-01T02:00:00.000Z',
      reportFindings: [],
    });
    expect(closeIfSettled(state, '2026-08-01T02:00:00.000Z')).toEqual({});
    expect(state.stage).toBe('closed');
  });
});
