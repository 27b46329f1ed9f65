import { setHandler } from '@temporalio/workflow';
import type { Actor, CaseSnapshot, ParkCaseInput } from './definitions/case';
import {
  caseSnapshotQuery,
  policyClockAdvancedSignal,
  policyClockQuery,
  workCalendarChangedSignal,
} from './definitions/messages';
import { OFFICER_UPDATES } from './lifecycle/actions';
import { ParkCase } from './park-case/park-case';

/**
 * One park case (`park-case-<caseId>`) for its whole life (§5): intake and correction, acceptance, expert review,
 * designation, payments, yearly reports, evaluation, revocation and refund. This function only wires Temporal's
 * handlers to the {@link ParkCase} entity, which owns the state, the commit, the schedule and the run's end.
 */
export async function parkCaseWorkflow(input: ParkCaseInput): Promise<CaseSnapshot> {
  const parkCase = new ParkCase(input);
  setHandler(caseSnapshotQuery, () => parkCase.state);
  setHandler(policyClockQuery, () => parkCase.clockView());
  setHandler(workCalendarChangedSignal, () => parkCase.markCalendarStale());
  setHandler(policyClockAdvancedSignal, (request) => parkCase.advanceClock(request));
  for (const action of OFFICER_UPDATES) {
    setHandler(action.update, (request: { actor: Actor }) => parkCase.act(action, request), {
      validator: (request: unknown) => parkCase.validate(action, request),
    });
  }
  return parkCase.run();
}
