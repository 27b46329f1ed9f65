import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { ParkApplication } from '../../workflows/definitions/application';
import type { Actor, ParkCaseInput, SubmissionOutcome } from '../../workflows/definitions/case';
import { PARK_CASE_WORKFLOW_TYPE, parkCaseWorkflowId, submitApplicationUpdate } from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { DISTRICT_KEY } from '../../workflows/definitions/search-attributes';
import { ApiError } from '../common/api-error';
import { AppConfig } from '../config/app-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { isWorkerWaitTimeout, noWorkerError, toApiError } from '../temporal/temporal-errors';
import type { ApplicationDto } from './application.dto';

/** A validated body as the workflow contract's JSON-safe {@link ParkApplication} (absent documents → null). */
export function toParkApplication(dto: ApplicationDto): ParkApplication {
  return JSON.parse(
    JSON.stringify({
      ...dto,
      operatingOffice: dto.operatingOffice ?? null,
      documents: {
        districtGovernmentLetter: dto.documents.districtGovernmentLetter ?? null,
        feasibilityReport: dto.documents.feasibilityReport ?? null,
      },
    }),
  ) as ParkApplication;
}

/** Files applications: one new case workflow per application, started together with its first filing. */
@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly config: AppConfig,
  ) {}

  async file(actor: Actor, dto: ApplicationDto): Promise<SubmissionOutcome> {
    if (actor.district !== dto.district) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', `a district officer files for their own district (${actor.district}) only, not ${dto.district}`, [
        { field: 'district', message: `must be ${actor.district}, the district of the caller` },
      ]);
    }
    const caseId = randomUUID();
    const input: ParkCaseInput = {
      caseId,
      district: dto.district,
      parkName: dto.parkName,
      policy: DEFAULT_POLICY,
      policyTimeScale: this.config.POLICY_TIME_SCALE,
    };
    const workflowId = parkCaseWorkflowId(caseId);
    const startWorkflowOperation = new WithStartWorkflowOperation(PARK_CASE_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      typedSearchAttributes: [{ key: DISTRICT_KEY, value: dto.district }],
      staticSummary: `${dto.parkName} (${dto.district})`,
      staticDetails: `HR-service industrial park case ${caseId}, filed by ${actor.id} for district ${dto.district}`,
    });
    const waitMs = this.config.UPDATE_WAIT_MS;
    try {
      return await this.client.withDeadline(Date.now() + waitMs, () =>
        this.client.workflow.executeUpdateWithStart(submitApplicationUpdate, {
          args: [{ application: toParkApplication(dto), actor }],
          startWorkflowOperation,
        }),
      );
    } catch (error) {
      if (!isWorkerWaitTimeout(error)) throw toApiError(error);
      // Nothing half-done: a case whose filing no worker processed is ended, not left dangling.
      await this.client.workflow
        .getHandle(workflowId)
        .terminate('no worker processed the filing in time; the API answered 503')
        .catch(() => undefined);
      throw noWorkerError(this.config.TEMPORAL_TASK_QUEUE, waitMs);
    }
  }
}
