import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ParkApplication } from './application';
import type { Actor, CaseSnapshot, SubmissionOutcome } from './case';

/** Workflow type name and id scheme shared by the API, the worker and ops (`park-case-<caseId>`). */
export const PARK_CASE_WORKFLOW_TYPE = 'parkCaseWorkflow';
export const parkCaseWorkflowId = (caseId: string): string => `park-case-${caseId}`;

export interface SubmitApplicationRequest {
  application: ParkApplication;
  actor: Actor;
}

/**
 * Officer action (district): file the application, or a corrected one while `returned` (§5.1).
 * The validator refuses it in any other stage; the handler runs R-APP-1..7 and returns the outcome.
 */
export const submitApplicationUpdate = defineUpdate<SubmissionOutcome, [SubmitApplicationRequest]>(
  'submitApplication',
);

/** The live state of the case, for reads the read model may not have caught up with. */
export const caseSnapshotQuery = defineQuery<CaseSnapshot>('caseSnapshot');
