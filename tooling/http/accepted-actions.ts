import { eventually } from '../eventually';
import type { HttpStack, JsonAnswer } from './http-calls';

/** How long an action answered 202 may take to finish: far beyond any worker's pace, even on a loaded machine. */
const OUTCOME_WITHIN_MS = 120_000;

/**
 * A step that must be applied, answered 202: the worker took longer than the API's bounded wait — a right answer on a
 * busy machine, not a failure. Follows `GET …/actions/{updateId}` until the outcome is known; throws unless it is
 * applied. Returns the case as the action left it. Tests of the 202 itself call the API directly and see it.
 */
export async function appliedAfterAccepted(stack: HttpStack, accepted: JsonAnswer, token: string): Promise<any> {
  const { caseId, updateId } = accepted.body as { caseId: string; updateId: string };
  const path = `/v1/cases/${caseId}/actions/${encodeURIComponent(updateId)}`;
  let outcome: any;
  await eventually(
    async () => (outcome = (await stack.call('GET', path, { token })).body).status !== 'running',
    `the outcome of action ${updateId} on case ${caseId}`,
    OUTCOME_WITHIN_MS,
  );
  if (outcome.status !== 'applied') throw new Error(`action ${updateId} → ${JSON.stringify(outcome)}`);
  return outcome.case;
}

/** Whether `answer` is the API's 202 for an action it sent but saw no outcome of within its wait. */
export const isAcceptedAction = (answer: JsonAnswer): boolean =>
  answer.status === 202 && typeof answer.body?.updateId === 'string' && typeof answer.body?.caseId === 'string';
