import type { ApplicationFailure } from '@temporalio/workflow';
import type { Actor, CaseSnapshot } from '../../../workflows/definitions/case';
import * as m from '../../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../../workflows/definitions/policy';
import { OFFICER_UPDATES } from '../../../workflows/lifecycle/actions';
import { deadlinesOf } from '../../../workflows/lifecycle/deadlines';
import { newCase } from '../../../workflows/lifecycle/intake';
import type { Context } from '../../../workflows/lifecycle/outcome';
import { validApplication } from '../../../tooling/fixtures/applications';
import { requiredPapers } from '../../../tooling/fixtures/papers';

export const district: Actor = { id: 'district-officer', role: 'district', district: '500112' };
export const municipal: Actor = { id: 'municipal-officer', role: 'municipal' };
export const finance: Actor = { id: 'finance-officer', role: 'finance' };
export const expert = (id: string): Actor => ({ id, role: 'expert' });

/** A case on the pure lifecycle (no Temporal), its actions validated and applied as the Update handlers do. */
export function pureCase(ctx: (now: string) => Context) {
  /** Validates and applies one officer action as the workflow's Update handler would. */
  function act(state: CaseSnapshot, update: { name: string }, request: object, now: string) {
    const action = OFFICER_UPDATES.find((a) => a.update.name === update.name)!;
    action.validate(state, request, ctx(now));
    const outcome = action.apply(state, request, ctx(now));
    state.deadlines = deadlinesOf(state, ctx(now));
    return outcome;
  }

  /** Files a valid application with the papers R-DOC-1 wants on the case before acceptance. */
  function fileComplete(state: CaseSnapshot, now: string, application = validApplication()): void {
    act(state, m.submitApplicationUpdate, { actor: district, application }, now);
    for (const document of requiredPapers()) act(state, m.attachDocumentUpdate, { actor: district, document }, now);
  }

  /** The failure an action is refused with (it must be refused). */
  function refusal(state: CaseSnapshot, update: { name: string }, request: object, now: string): ApplicationFailure {
    try {
      act(state, update, request, now);
    } catch (error) {
      return error as ApplicationFailure;
    }
    throw new Error(`${update.name} was accepted`);
  }

  /** A case filed, accepted and reviewed by its three experts at `now`, ready for the decision (§5.1). */
  function reviewedAt(now: string, caseId = 'c1'): CaseSnapshot {
    const state = newCase(
      { caseId, district: '500112', parkName: '渝北园', policy: DEFAULT_POLICY, policyTimeScale: 1 },
      0,
      now,
    );
    fileComplete(state, now);
    act(state, m.acceptanceUpdate, { actor: municipal, accepted: true }, now);
    act(state, m.formPanelUpdate, { actor: municipal, expertIds: ['a', 'b', 'c'] }, now);
    for (const id of ['a', 'b', 'c']) {
      const review = { actor: expert(id), necessity: 80, feasibility: 80, recommend: true };
      act(state, m.submitReviewUpdate, review, now);
    }
    return state;
  }

  /** A case designated at `designatedAt` with a 2,000,001 CNY subsidy (tranche 1 instructed). */
  function designatedAt(designatedAt: string): CaseSnapshot {
    const state = reviewedAt(designatedAt);
    const designation = { actor: municipal, decision: 'designate', reason: '专家评审通过', subsidyAmount: 2_000_001 };
    act(state, m.designationUpdate, designation, designatedAt);
    return state;
  }

  /** Designated 10 May 2026 (first reporting year 2026), tranche 1 (1,000,000 CNY) confirmed on 20 May as CQ-T-1. */
  function paidIn2026(): CaseSnapshot {
    const state = designatedAt('2026-05-10T02:00:00.000Z');
    const paid = { actor: finance, paymentId: state.payments[0].paymentId, paidAt: '2026-05-20T10:00:00+08:00' };
    act(state, m.confirmPaymentUpdate, { ...paid, bankReference: 'CQ-T-1' }, '2026-05-20T02:00:00.000Z');
    return state;
  }

  /**
   * Designated 10 May 2026 (first reporting year 2026), tranche 1 confirmed on 20 May, revoked 10 February 2027 with a
   * refund of tranche 1 demanded: the 2026 report outstanding, tranche 2 never released.
   */
  function revokedIn2027(): CaseSnapshot {
    const state = paidIn2026();
    const revoke = { actor: municipal, outcome: 'revoke', findings: '有名无实', grounds: ['nominal_only'] };
    act(state, m.evaluationUpdate, { ...revoke, refundAmount: state.payments[0].amount }, '2027-02-10T02:00:00.000Z');
    return state;
  }

  return { act, fileComplete, refusal, reviewedAt, designatedAt, paidIn2026, revokedIn2027 };
}
