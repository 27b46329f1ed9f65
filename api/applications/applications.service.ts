import { HttpStatus, Injectable } from '@nestjs/common';
import type { ParkApplication } from '../../workflows/definitions/application';
import type { Actor, ParkCaseInput, SubmissionOutcome } from '../../workflows/definitions/case';
import { submitApplicationUpdate } from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { ApiError } from '../common/api-error';
import { text } from '../i18n/localized-text';
import { deficiencyView, type DeficiencyView } from '../cases/stored-texts';
import { AppConfig } from '../config/app-config';
import { CaseActionsService } from '../actions/case-actions.service';
import { CasesService } from '../cases/cases.service';
import { ActionPending } from '../action-outcomes/action-pending';
import { caseIdFor, updateIdFor, type IdempotencyClaim } from '../idempotency/idempotency-claim';
import { TemporalGateway } from '../temporal/temporal-gateway';
import { WorkerPresence } from '../temporal/worker-presence';
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
        supportMeasures: dto.documents.supportMeasures ?? null, // R-APP-8
      },
    }),
  ) as ParkApplication;
}

/** A district officer files for their own district only (api-contract "Identity"). */
function assertOwnDistrict(actor: Actor, dto: ApplicationDto): void {
  if (actor.district === dto.district) return;
  const own = String(actor.district);
  throw new ApiError(
    HttpStatus.FORBIDDEN,
    'forbidden',
    text('errors.ownDistrictFiling', { own, other: dto.district }),
    [{ field: 'district', message: text('errors.mustBeOwnDistrict', { district: own }) }],
  );
}

/** The answer to a filing: its deficiencies and flags in the reader's language (api-contract "Language"). */
export type SubmissionAnswer = Omit<SubmissionOutcome, 'deficiencies' | 'flags'> & {
  deficiencies: DeficiencyView[];
  flags: DeficiencyView[];
};

const answerOf = (outcome: SubmissionOutcome): SubmissionAnswer => ({
  ...outcome,
  deficiencies: outcome.deficiencies.map(deficiencyView),
  flags: outcome.flags.map(deficiencyView),
});

/** Files applications (§5.1): a new case per application; corrected ones go to the existing case. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly temporal: TemporalGateway,
    private readonly workers: WorkerPresence,
    private readonly cases: CasesService,
    private readonly actions: CaseActionsService,
    private readonly config: AppConfig,
  ) {}

  /**
   * A new case with its filing: 201 with the outcome, or 202 ({@link ActionPending}, naming the caseId) when it
   * was sent but no worker answered in time; 503 and no case when no worker serves. With an `Idempotency-Key` the
   * caseId derives from caller and key, so a retry answers for the same case — never a second one.
   */
  async file(
    actor: Actor,
    dto: ApplicationDto,
    idempotency: IdempotencyClaim | undefined,
  ): Promise<SubmissionAnswer | ActionPending> {
    assertOwnDistrict(actor, dto);
    await this.workers.check();
    const input: ParkCaseInput = {
      caseId: caseIdFor(idempotency),
      district: dto.district,
      parkName: dto.parkName,
      policy: DEFAULT_POLICY,
      policyTimeScale: this.config.POLICY_TIME_SCALE,
      // Only when set: production cases carry no flag, as before (their histories and inputs unchanged).
      ...(this.config.POLICY_CLOCK_ADJUSTABLE ? { policyClockAdjustable: true } : {}),
    };
    const outcome = await this.temporal.file(
      input,
      submitApplicationUpdate,
      { application: toParkApplication(dto), actor },
      {
        updateId: updateIdFor(idempotency),
        reattach: idempotency !== undefined,
        summary: `${dto.parkName} (${dto.district})`,
        details: `HR-service industrial park case ${input.caseId}, filed by ${actor.id} for district ${dto.district}`,
      },
    );
    return this.answered(input.caseId, outcome);
  }

  /**
   * A corrected application while the case is `returned`: sent as the case's action (the workflow's validator
   * refuses other stages, 409; a lapsed case is 409 naming its stage, never 5xx — policy.md).
   */
  async resubmit(
    actor: Actor,
    caseId: string,
    dto: ApplicationDto,
    idempotency: IdempotencyClaim | undefined,
  ): Promise<SubmissionAnswer | ActionPending> {
    const known = await this.cases.visibleSnapshot(actor, caseId); // 404 unless the caller may see the case
    assertOwnDistrict(actor, dto);
    const application = toParkApplication(dto);
    const outcome = await this.actions.send(known, submitApplicationUpdate, { application, actor }, idempotency);
    return this.answered(caseId, outcome);
  }

  /**
   * The answer to a filing: 202 as it is; else the outcome, once the case it left is in the read model, so that the
   * caller's next read (the case, its list) sees it — the workflow records it too, right after.
   */
  private async answered(
    caseId: string,
    outcome: SubmissionOutcome | ActionPending,
  ): Promise<SubmissionAnswer | ActionPending> {
    if (outcome instanceof ActionPending) return outcome;
    await this.actions.recordLive(caseId);
    return answerOf(outcome);
  }
}
