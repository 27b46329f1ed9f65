import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/definitions/case';
import { OFFICER_ACTIONS } from '../../workflows/definitions/officer-actions';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiActionErrors } from '../common/openapi';
import { ApplicationDto } from './application.dto';
import { SubmissionOutcomeView } from './submission-outcome.view';
import type { ActionPending } from '../action-outcomes/action-pending';
import { ActionPendingInterceptor } from '../action-outcomes/action-pending.interceptor';
import { Idempotency, type IdempotencyClaim } from '../idempotency/idempotency-claim';
import { ApplicationsService, type SubmissionAnswer } from './applications.service';

@ApiTags('applications')
@ApiBearerAuth()
@UseInterceptors(ActionPendingInterceptor)
@Controller('v1/cases')
export class ResubmissionController {
  constructor(private readonly applications: ApplicationsService) {}

  /** §5.1: the corrected application while the case is `returned`; R-APP-1..8 run again. */
  @Post(':caseId/resubmission')
  @HttpCode(200)
  @Roles(...OFFICER_ACTIONS.submitApplication.roles)
  @ApiOperation({ summary: 'Resubmit a corrected application while the case is returned (§5.1, R-APP-1..8)' })
  @ApiOkResponse({
    type: SubmissionOutcomeView,
    description: 'R-APP-1..8 run again: submitted, or returned with deficiencies; R-APP-4/5 shortfalls as flags',
  })
  @ApiActionErrors()
  resubmit(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ApplicationDto,
    @Idempotency() idempotency: IdempotencyClaim | undefined,
  ): Promise<SubmissionAnswer | ActionPending> {
    return this.applications.resubmit(actor, caseId, body, idempotency);
  }
}
