import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/definitions/case';
import { OFFICER_ACTIONS } from '../../workflows/definitions/officer-actions';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { ActionPending } from '../action-outcomes/action-pending';
import { ActionPendingInterceptor } from '../action-outcomes/action-pending.interceptor';
import { ActionPendingView } from '../action-outcomes/action-pending.view';
import { Idempotency, type IdempotencyClaim } from '../idempotency/idempotency-claim';
import { ApplicationDto } from './application.dto';
import { SubmissionOutcomeView } from './submission-outcome.view';
import { ApplicationsService, type SubmissionAnswer } from './applications.service';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('v1/applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  /** §5.1: a district files an application; R-APP-1..3, 6..8 decide `submitted` or `returned`; R-APP-4/5 only flag. */
  @Post()
  @HttpCode(201)
  @Roles(...OFFICER_ACTIONS.submitApplication.roles)
  @ApiOperation({ summary: 'File an application for a park in the caller’s district (§5.1, R-APP-1..8)' })
  @ApiCreatedResponse({
    type: SubmissionOutcomeView,
    description: 'submitted, or returned with every deficiency (rule id + message); R-APP-4/5 shortfalls as flags',
  })
  @ApiAcceptedResponse({
    type: ActionPendingView,
    description:
      'the filing was sent but no worker answered within UPDATE_WAIT_MS: the case (its caseId named) may still ' +
      'be created; GET /v1/cases/{caseId}/actions/{updateId} gives the outcome, and a retry with the same ' +
      'Idempotency-Key answers for the same case',
  })
  @UseInterceptors(ActionPendingInterceptor)
  file(
    @CurrentActor() actor: Actor,
    @Body() body: ApplicationDto,
    @Idempotency() idempotency: IdempotencyClaim | undefined,
  ): Promise<SubmissionAnswer | ActionPending> {
    return this.applications.file(actor, body, idempotency);
  }
}
