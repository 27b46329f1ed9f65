import type { CaseSnapshot } from '../../workflows/definitions/case';
import * as m from '../../workflows/definitions/messages';
import { requiredPapers } from '../../tooling/fixtures/papers';
import { finance, municipal } from '../support/life/pure-case';
import {
  act,
  designatedAt,
  revokedIn2027,
  MAY_10,
  FEB_10,
  MAR_1,
  evaluation,
  refusalDetails,
} from '../support/life/evaluated-case';

// R-REF-1 and R-PAY-1's write-off on the pure lifecycle: each refusal, each field of the outcome pinned exactly.

describe('R-REF-1 the refund is paid back', () => {
  const refund = (amount: number, extra: object = {}) => ({
    actor: finance,
    amount,
    paidAt: '2027-03-01T10:00:00+08:00',
    bankReference: 'CQ-R-1',
    ...extra,
  });

  it('R-REF-1 no refund is open on a revoked case without a demand', () => {
    const state = designatedAt(MAY_10);
    act(state, m.evaluationUpdate, evaluation('revoke', { grounds: ['adverse_effect'] }), FEB_10);
    expect(refusalDetails(state, m.refundPaymentUpdate, refund(1), MAR_1)).toMatchObject({
      details: [{ field: 'amount', rule: 'R-REF-1', code: 'rules.refusals.noOpenRefundDemand' }],
    });
  });

  it.each([[0], [-5], [1.5], [1_000_001]])(
    'R-REF-1 a payment of %p CNY is refused: 1 to 1,000,000 outstanding',
    (n) => {
      expect(refusalDetails(revokedIn2027(), m.refundPaymentUpdate, refund(n), MAR_1)).toMatchObject({
        details: [{ field: 'amount', rule: 'R-REF-1', params: { outstanding: 1_000_000 } }],
      });
    },
  );

  it.each([
    ['bankReference', { bankReference: ' ' }, 'bankReferenceRequired'],
    ['bankReference', { bankReference: undefined }, 'bankReferenceRequired'],
    ['paidAt', { paidAt: '三月一日' }, 'notAnIsoDate'],
    ['documentIds', { documentIds: ['doc-x'] }, 'documentNotOnCase'],
  ])('R-REF-1 %s wrong (%p) is refused', (field, extra, code) => {
    const details = refusalDetails(revokedIn2027(), m.refundPaymentUpdate, refund(10, extra), MAR_1).details;
    const rule = field === 'documentIds' ? 'R-DOC-1' : 'R-REF-1';
    expect(details).toMatchObject([{ field, rule, code: `rules.refusals.${code}` }]);
  });

  it('R-REF-1 a part first, then the rest: the demand is settled and the case closes (R-PAY-1)', () => {
    const state = revokedIn2027();
    const slip = { ...requiredPapers(10)[0], purpose: 'refund_receipt' };
    act(state, m.attachDocumentUpdate, { actor: finance, document: slip }, MAR_1);
    const part = act(state, m.refundPaymentUpdate, refund(400_000, { documentIds: [slip.documentId] }), MAR_1);
    expect(part.action).toBe('refund_received');
    expect(part.details).toEqual({ amount: 400_000, paidAmount: 400_000, status: 'open' });
    expect(state.stage).toBe('revoked');
    expect(refusalDetails(state, m.refundPaymentUpdate, refund(600_001), MAR_1)).toMatchObject({
      details: [{ params: { outstanding: 600_000 } }],
    });
    const rest = act(state, m.refundPaymentUpdate, refund(600_000), '2027-03-02T02:00:00.000Z');
    expect(rest.details).toEqual({
      amount: 600_000,
      paidAmount: 1_000_000,
      status: 'settled',
      reportsNeverFiled: [2026],
    });
    expect(state.refundDemand?.payments).toEqual([
      { amount: 400_000, paidAt: '2027-03-01T10:00:00+08:00', bankReference: 'CQ-R-1', documentIds: [slip.documentId] },
      { amount: 600_000, paidAt: '2027-03-01T10:00:00+08:00', bankReference: 'CQ-R-1' },
    ]);
    expect(state).toMatchObject({ stage: 'closed', updatedAt: '2027-03-02T02:00:00.000Z' });
    expect(refusalDetails(state, m.refundPaymentUpdate, refund(1), MAR_1).type).toBe('InvalidStage');
  });
});

describe('R-PAY-1 the unpaid rest is written off', () => {
  const writeOff = (reason?: string) => ({ actor: municipal, reason });
  const escalated = (): CaseSnapshot => {
    const state = revokedIn2027();
    state.refundDemand!.status = 'escalated';
    return state;
  };

  it('R-PAY-1 with no demand there is nothing to write off', () => {
    const state = designatedAt(MAY_10);
    act(state, m.evaluationUpdate, evaluation('revoke', { grounds: ['adverse_effect'] }), FEB_10);
    expect(refusalDetails(state, m.refundWriteOffUpdate, writeOff('x'), MAR_1)).toMatchObject({
      details: [{ field: 'reason', rule: 'R-PAY-1', code: 'rules.refusals.noRefundDemandToWriteOff' }],
    });
  });

  it('R-PAY-1 an open demand names the day it escalates after', () => {
    expect(refusalDetails(revokedIn2027(), m.refundWriteOffUpdate, writeOff('x'), MAR_1)).toMatchObject({
      details: [{ params: { dueAt: '2027-04-11T16:00:00.000Z' } }],
    });
  });

  it.each([[undefined], ['  ']])('R-PAY-1 a write-off without a reason (%p) is refused', (reason) => {
    expect(refusalDetails(escalated(), m.refundWriteOffUpdate, writeOff(reason), MAR_1)).toMatchObject({
      details: [{ field: 'reason', rule: 'R-PAY-1', code: 'rules.refusals.writeOffReasonRequired' }],
    });
  });

  it('R-PAY-1 the write-off is of what is still unpaid, its reason trimmed; the case closes', () => {
    const state = escalated();
    act(state, m.refundPaymentUpdate, { actor: finance, amount: 250_000, paidAt: MAR_1, bankReference: 'R' }, MAR_1);
    const result = act(state, m.refundWriteOffUpdate, writeOff(' 企业已注销 '), '2027-06-01T02:00:00.000Z');
    expect(result).toMatchObject({ action: 'refund_written_off', instruct: [], notices: [] });
    expect(result.details).toEqual({
      amount: 750_000,
      reason: '企业已注销',
      stage: 'closed',
      reportsNeverFiled: [2026],
    });
    expect(state.refundDemand).toMatchObject({
      status: 'written_off',
      paidAmount: 250_000,
      writeOff: { amount: 750_000, reason: '企业已注销', at: '2027-06-01T02:00:00.000Z', by: municipal.id },
    });
    expect(state.updatedAt).toBe('2027-06-01T02:00:00.000Z');
  });
});
