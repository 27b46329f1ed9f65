import type { CaseSnapshot } from '../../workflows/definitions/case';
import * as m from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { allowedActions } from '../../workflows/definitions/allowed-actions';
import { newCase } from '../../workflows/lifecycle/intake';
import type { Context } from '../../workflows/lifecycle/outcome';
import { goodReport } from '../../tooling/stacks/case-driver';
import { installedCalendar } from '../support/workflows/holiday-calendar';
import { district, expert, finance, municipal, pureCase } from '../support/life/pure-case';

/**
 * api-contract `allowedActions`: what each role is offered as a case goes through §5.1–5.2. The random-lives property
 * (test/support/life/invariants.ts) adds the general law: every action the workflow applies was offered to its actor.
 */
const NOW = '2026-03-02T02:00:00.000Z';
const ctx = (now: string): Context => ({ now, policy: DEFAULT_POLICY, calendar: installedCalendar() });
const { act, fileComplete, designatedAt, revokedIn2027 } = pureCase(ctx);

function filed(): CaseSnapshot {
  const state = newCase(
    { caseId: 'c1', district: '500112', parkName: '渝北园', policy: DEFAULT_POLICY, policyTimeScale: 1 },
    0,
    NOW,
  );
  fileComplete(state, NOW);
  return state;
}

describe('allowedActions (api-contract, the one table of officer actions)', () => {
  it('§5.1: a filed application offers acceptance to the municipal bureau and nothing to the others', () => {
    const state = filed();
    expect(allowedActions(state, municipal)).toEqual(['acceptance', 'attachDocument']);
    expect(allowedActions(state, district)).toEqual(['attachDocument']);
    expect(allowedActions(state, finance)).toEqual([]);
    expect(allowedActions(state, expert('a'))).toEqual([]);
  });

  it('§5.1: a returned application offers the district its resubmission', () => {
    const state = filed();
    act(state, m.acceptanceUpdate, { actor: municipal, accepted: false, reason: '材料不全' }, NOW);
    expect(allowedActions(state, district)).toEqual(['submitApplication', 'attachDocument']);
  });

  it('§5.1: a review is offered to each panel member once and to nobody else; designation once it closed', () => {
    const state = filed();
    act(state, m.acceptanceUpdate, { actor: municipal, accepted: true }, NOW);
    // R-REV-3: the departments' opinions are recorded from acceptance until the decision.
    expect(allowedActions(state, municipal)).toEqual(['formPanel', 'departmentOpinion', 'attachDocument']);
    act(state, m.formPanelUpdate, { actor: municipal, expertIds: ['a', 'b', 'c'] }, NOW);
    expect(allowedActions(state, expert('a'))).toEqual(['submitReview']);
    expect(allowedActions(state, expert('z'))).toEqual([]);
    expect(allowedActions(state, municipal)).toEqual(['formPanel', 'departmentOpinion', 'attachDocument']);
    act(state, m.submitReviewUpdate, { actor: expert('a'), necessity: 80, feasibility: 70, recommend: true }, NOW);
    expect(allowedActions(state, expert('a'))).toEqual([]);
    for (const id of ['b', 'c'])
      act(state, m.submitReviewUpdate, { actor: expert(id), necessity: 80, feasibility: 70, recommend: true }, NOW);
    expect(allowedActions(state, municipal)).toEqual(['departmentOpinion', 'designation', 'attachDocument']);
  });

  it('§5.2, R-SUB-3: a designated park offers finance its confirmation while a payment is instructed', () => {
    const state = designatedAt(NOW);
    expect(allowedActions(state, finance)).toEqual(['confirmPayment']);
    expect(allowedActions(state, municipal)).toEqual(['incubationBase', 'evaluation', 'attachDocument']);
    expect(allowedActions(state, district)).toEqual(['annualReport', 'attachDocument']);
    const [tranche] = state.payments;
    const confirmation = { actor: finance, paymentId: tranche.paymentId, paidAt: NOW, bankReference: 'B-1' };
    act(state, m.confirmPaymentUpdate, confirmation, NOW);
    expect(allowedActions(state, finance)).toEqual([]);
    act(state, m.incubationBaseUpdate, { actor: municipal }, NOW);
    expect(allowedActions(state, municipal)).toEqual(['evaluation', 'attachDocument']);
  });

  it('R-RPT-5: a revoked park offers its district the yearly report only while a year before revocation is due', () => {
    const state = revokedIn2027();
    expect(allowedActions(state, district)).toEqual(['annualReport', 'attachDocument']);
    act(state, m.annualReportUpdate, { actor: district, report: goodReport(2026) }, '2027-04-10T02:00:00.000Z');
    expect(allowedActions(state, district)).toEqual(['attachDocument']);
  });
});
