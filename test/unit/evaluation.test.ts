import * as m from '../../workflows/definitions/messages';
import { findingsForEvaluation } from '../../workflows/lifecycle/evaluation';
import {
  act,
  designatedAt,
  paidIn2026,
  MAY_10,
  FEB_10,
  MAR_1,
  ctx,
  evaluation,
  refusalDetails,
} from '../support/life/evaluated-case';

// §5.3 R-EVL-1/2 (and the refund a revocation orders) on the pure lifecycle: each refusal and outcome field pinned.

describe('§5.3 R-EVL-1/2 the evaluation’s request', () => {
  it.each([
    ['renew', { rectifyBy: '2027-03-01' }, 'rectifyBy', 'rectify', 'R-EVL-1'],
    ['revoke', { rectifyBy: '2027-03-01', grounds: ['poorly_run'] }, 'rectifyBy', 'rectify', 'R-EVL-1'],
    ['rectify', { rectifyBy: '2027-03-01', grounds: ['poorly_run'] }, 'grounds', 'revoke', 'R-EVL-2'],
    ['renew', { refundAmount: 1 }, 'refundAmount', 'revoke', 'R-REF-1'],
  ])('%s with %p: %s belongs to %s only (%s)', (outcome, extra, field, only, rule) => {
    expect(refusalDetails(paidIn2026(), m.evaluationUpdate, evaluation(outcome, extra))).toMatchObject({
      details: [{ field, rule, code: 'rules.refusals.fieldOnlyWithOutcome', params: { field, only, outcome } }],
    });
  });

  it.each([[''], ['  '], [undefined]])('R-EVL-1 findings %p are refused', (findings) => {
    expect(refusalDetails(paidIn2026(), m.evaluationUpdate, evaluation('renew', { findings }))).toMatchObject({
      details: [{ field: 'findings', rule: 'R-EVL-1', code: 'rules.refusals.findingsRequired' }],
    });
  });

  it('R-DOC-1 a paper the case does not hold is refused naming documentIds', () => {
    const request = evaluation('renew', { documentIds: ['doc-missing'] });
    expect(refusalDetails(paidIn2026(), m.evaluationUpdate, request)).toMatchObject({
      details: [{ field: 'documentIds', rule: 'R-DOC-1', params: { documentId: 'doc-missing' } }],
    });
  });

  it.each([
    [undefined, 'R-EVL-1', 'rectifyByRequired', undefined],
    ['2027-02-30', 'R-CAL-1', 'notAChongqingDay', { value: '2027-02-30' }],
    ['2027-02-10', 'R-EVL-1', 'rectifyByNotFuture', { earliest: '2027-02-11' }],
    ['2027-01-31', 'R-EVL-1', 'rectifyByNotFuture', { earliest: '2027-02-11' }],
    ['2027-03-06', 'R-CAL-3', 'rectifyByRestDay', { day: '2027-03-06', reason: '周六', instead: '2027-03-08' }],
    ['2027-03-07', 'R-CAL-3', 'rectifyByRestDay', { day: '2027-03-07', reason: '周日', instead: '2027-03-08' }],
  ])('R-EVL-1 rectify by %p is refused under %s (%s)', (rectifyBy, rule, code, params) => {
    const detail = { field: 'rectifyBy', rule, code: `rules.refusals.${code}`, ...(params ? { params } : {}) };
    expect(refusalDetails(paidIn2026(), m.evaluationUpdate, evaluation('rectify', { rectifyBy }))).toMatchObject({
      details: [detail],
    });
  });

  it('R-EVL-1 rectify by tomorrow, a working day, is accepted: the order runs to that day’s end', () => {
    const state = paidIn2026();
    const result = act(state, m.evaluationUpdate, evaluation('rectify', { rectifyBy: '2027-02-11' }), FEB_10);
    expect(result.action).toBe('evaluated_rectify');
    expect(result.details).toEqual({
      outcome: 'rectify',
      findings: '运营良好',
      findingsBeforeEvaluator: 0,
      rectifyBy: '2027-02-11T16:00:00.000Z',
    });
    expect(state).toMatchObject({ stage: 'rectifying', rectifyBy: '2027-02-11T16:00:00.000Z', updatedAt: FEB_10 });
    expect(state.evaluations).toEqual([
      {
        outcome: 'rectify',
        findings: '运营良好',
        decidedAt: FEB_10,
        reportFindings: [],
        rectifyBy: '2027-02-11T16:00:00.000Z',
      },
    ]);
  });

  it.each([
    [undefined, 'groundsRequired', {}],
    [[], 'groundsRequired', {}],
    [['poorly_run', 'bribery'], 'groundsUnknown', { unknown: ['bribery'] }],
    [['poorly_run', 'poorly_run'], 'groundsRepeated', undefined],
  ])('R-EVL-2 revoke on grounds %p is refused (%s)', (grounds, code, params) => {
    const allowed = ['poorly_run', 'nominal_only', 'adverse_effect'];
    const detail = {
      field: 'grounds',
      rule: 'R-EVL-2',
      code: `rules.refusals.${code}`,
      ...(params ? { params: { ...params, allowed } } : {}),
    };
    expect(refusalDetails(paidIn2026(), m.evaluationUpdate, evaluation('revoke', { grounds }))).toMatchObject({
      details: [detail],
    });
  });

  it.each([[0], [-1], [0.5], [1_000_001]])(
    'R-PAY-1 a refund of %p CNY is refused: at most 1,000,000 paid',
    (amount) => {
      const request = evaluation('revoke', { grounds: ['nominal_only'], refundAmount: amount });
      expect(refusalDetails(paidIn2026(), m.evaluationUpdate, request)).toMatchObject({
        details: [{ field: 'refundAmount', rule: 'R-PAY-1', params: { ceiling: 1_000_000 } }],
      });
    },
  );
});

describe('§5.3 R-EVL-1/2 the evaluation’s outcome', () => {
  it('R-EVL-2 renew: designated again, the next period from today, any rectification order lifted', () => {
    const state = paidIn2026();
    act(state, m.evaluationUpdate, evaluation('rectify', { rectifyBy: '2027-02-11' }), FEB_10);
    const result = act(state, m.evaluationUpdate, evaluation('renew'), MAR_1);
    expect(result).toMatchObject({ action: 'evaluated_renew', notices: [], instruct: [] });
    expect(result.details).toMatchObject({
      outcome: 'renew',
      findings: '运营良好',
      nextEvaluationDue: '2030-03-01T16:00:00.000Z',
    });
    expect(state).toMatchObject({
      stage: 'designated',
      rectifyBy: null,
      nextEvaluationDue: '2030-03-01T16:00:00.000Z',
    });
    expect(state.evaluations[1]).toEqual({
      outcome: 'renew',
      findings: '运营良好',
      decidedAt: MAR_1,
      reportFindings: state.evaluations[1].reportFindings,
    });
  });

  it('R-EVL-1 the missed 2026 report is put before the evaluator (R-RPT-1) and counted in the history', () => {
    const state = paidIn2026();
    const findings = findingsForEvaluation(state, ctx('2027-06-01T02:00:00.000Z'));
    expect(findings.filter((f) => f.rule === 'R-RPT-1')).toMatchObject([{ rule: 'R-RPT-1', year: 2026 }]);
    const result = act(state, m.evaluationUpdate, evaluation('renew'), '2027-06-01T02:00:00.000Z');
    expect(result.details.findingsBeforeEvaluator).toBe(findings.length);
    expect(state.evaluations[0].reportFindings).toEqual(findings);
  });

  it('R-EVL-2 / R-REF-1 revoke with a refund: the demand is due in 60 days, nothing else is pending', () => {
    const state = paidIn2026();
    const request = evaluation('revoke', { grounds: ['nominal_only', 'poorly_run'], refundAmount: 1_000_000 });
    const result = act(state, m.evaluationUpdate, request, FEB_10);
    expect(result.action).toBe('evaluated_revoke');
    expect(result.details).toMatchObject({
      outcome: 'revoke',
      grounds: ['nominal_only', 'poorly_run'],
      refundAmount: 1_000_000,
      refundDueAt: '2027-04-11T16:00:00.000Z',
    });
    expect(state).toMatchObject({ stage: 'revoked', nextEvaluationDue: null, rectifyBy: null });
    expect(state.refundDemand).toEqual({
      amount: 1_000_000,
      paidAmount: 0,
      dueAt: '2027-04-11T16:00:00.000Z',
      status: 'open',
      payments: [],
    });
    expect(state.evaluations[0]).toMatchObject({ grounds: ['nominal_only', 'poorly_run'], refundAmount: 1_000_000 });
  });

  it('R-PAY-1 revoke, no refund, nothing in flight: the case closes at once, the unfiled 2026 report named', () => {
    const state = paidIn2026();
    const result = act(state, m.evaluationUpdate, evaluation('revoke', { grounds: ['adverse_effect'] }), FEB_10);
    expect(result.details).toMatchObject({ refundAmount: 0, reportsNeverFiled: [2026] });
    expect(result.details).not.toHaveProperty('refundDueAt', expect.anything());
    expect(state.stage).toBe('closed');
    expect(state.refundDemand ?? null).toBeNull();
  });

  it('R-PAY-1 revoke with a tranche still in flight: revoked, not closed', () => {
    const state = designatedAt(MAY_10);
    act(state, m.evaluationUpdate, evaluation('revoke', { grounds: ['adverse_effect'] }), FEB_10);
    expect(state.stage).toBe('revoked');
  });
});
