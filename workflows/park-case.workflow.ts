import {
  condition,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  allHandlersFinished,
  ApplicationFailure,
} from '@temporalio/workflow';
import type { createCaseRecordActivities } from '../activities/case-records.activities';
import type { CaseSnapshot, ParkCaseInput } from './definitions/case';
import { CaseFailureType, invalidStage } from './definitions/failures';
import { caseSnapshotQuery, submitApplicationUpdate } from './definitions/messages';
import { CASE_STAGE_KEY } from './definitions/search-attributes';
import { ACTION_STAGES, isActionAllowed } from './case-stages';
import { checkEligibility } from './eligibility';
import { addPolicyDays, policyDateAt, policyDaysToMs } from './policy-time';
import { describeCase } from './case-details';

const { syncCaseReadModel } = proxyActivities<ReturnType<typeof createCaseRecordActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One park case (`park-case-<caseId>`): owns the case's stage from the first filing on (§5).
 * The first filing arrives as the `submitApplication` update (Update-with-Start); R-APP-1..7 decide
 * between `submitted` and `returned`; a returned case waits the resubmission window and lapses if
 * no corrected application comes. Every change is mirrored to the PostgreSQL read model and to the
 * `CaseStage` search attribute.
 */
export async function parkCaseWorkflow(input: ParkCaseInput): Promise<CaseSnapshot> {
  const openedMs = Date.now();
  const policyNow = (): string => policyDateAt(openedMs, Date.now(), input.policyTimeScale).toISOString();
  const state: CaseSnapshot = {
    caseId: input.caseId,
    district: input.district,
    parkName: input.parkName,
    stage: 'draft',
    deficiencies: [],
    deadlines: [],
    application: null,
    submissionCount: 0,
    version: 0,
    openedAt: policyNow(),
    updatedAt: policyNow(),
  };

  /** Mirrors the state everywhere it is read: search attributes, UI details, the read model. */
  async function publish(): Promise<void> {
    state.version += 1;
    state.updatedAt = policyNow();
    if (state.stage !== 'draft') upsertSearchAttributes([{ key: CASE_STAGE_KEY, value: state.stage }]);
    setCurrentDetails(describeCase(state));
    await syncCaseReadModel({ ...state });
  }

  setHandler(caseSnapshotQuery, () => state);

  setHandler(
    submitApplicationUpdate,
    async ({ application }) => {
      // State changes before the first await, so a concurrent second filing fails the validator.
      const deficiencies = checkEligibility(application, input.policy);
      state.application = application;
      state.submissionCount += 1;
      state.deficiencies = deficiencies;
      state.stage = deficiencies.length > 0 ? 'returned' : 'submitted';
      state.deadlines =
        state.stage === 'returned'
          ? [{ kind: 'resubmission', dueAt: addPolicyDays(policyNow(), input.policy.resubmissionWindowDays) }]
          : [];
      await publish();
      return { caseId: state.caseId, stage: state.stage, deficiencies };
    },
    {
      validator: ({ application }) => {
        if (!isActionAllowed('submitApplication', state.stage)) {
          throw invalidStage('submitApplication', state.stage, ACTION_STAGES.submitApplication);
        }
        if (application.district !== input.district) {
          throw ApplicationFailure.create({
            type: CaseFailureType.INVALID_INPUT,
            message: `district: the application names district ${application.district}, but case ${input.caseId} belongs to ${input.district}`,
            nonRetryable: true,
          });
        }
      },
    },
  );

  await condition(() => state.stage !== 'draft');

  // §5.1 default: a returned application may be corrected within the resubmission window, else it lapses.
  while (state.stage === 'returned') {
    const filingsSoFar = state.submissionCount;
    const resubmitted = await condition(
      () => state.submissionCount > filingsSoFar,
      policyDaysToMs(input.policy.resubmissionWindowDays, input.policyTimeScale),
      { summary: `resubmission window (${input.policy.resubmissionWindowDays} policy days, §5.1)` },
    );
    if (!resubmitted) {
      state.stage = 'lapsed';
      state.deadlines = [];
      await publish();
    }
    await condition(allHandlersFinished);
  }

  // A submitted case now awaits the municipal bureau's acceptance (§5.1), which the lifecycle adds next.
  await condition(() => state.stage !== 'submitted');
  await condition(allHandlersFinished);
  return state;
}
