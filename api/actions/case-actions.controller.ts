import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/definitions/case';
import {
  acceptanceUpdate,
  annualReportUpdate,
  confirmPaymentUpdate,
  designationUpdate,
  evaluationUpdate,
  formPanelUpdate,
  incubationBaseUpdate,
  refundPaymentUpdate,
  refundWriteOffUpdate,
  submitReviewUpdate,
} from '../../workflows/definitions/messages';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CaseView } from '../cases/case-view';
import { ApiActionErrors, ApiErrors } from '../common/openapi';
import { ActionOutcomeView } from './action-outcome.view';
import {
  AcceptanceDto,
  AnnualReportDto,
  DesignationDto,
  EvaluationDto,
  IncubationBaseDto,
  PanelDto,
  PaymentConfirmationDto,
  RefundPaymentDto,
  RefundWriteOffDto,
  ReviewDto,
} from './action.dto';
import { ActionPendingInterceptor } from '../temporal/action-pending.interceptor';
import { ActionPendingView } from '../temporal/action-pending.view';
import { ActionPending } from '../temporal/case-workflows.service';
import { CaseActionsService } from './case-actions.service';

/** Every officer action answers 200 with the case as it stands after the action (202 while its effects complete). */
const Action = (summary: string): MethodDecorator =>
  applyDecorators(
    HttpCode(200),
    ApiOperation({ summary }),
    ApiOkResponse({ type: CaseView, description: 'the case after the action' }),
    ApiAcceptedResponse({
      type: ActionPendingView,
      description:
        'no outcome within UPDATE_WAIT_MS: the action was sent (its outcome not known yet — it may still be ' +
        'applied or refused) or accepted with effects still completing (a treasury hand-over); ' +
        'GET /v1/cases/{caseId}/actions/{updateId} gives the outcome',
    }),
    ApiActionErrors(),
  );

@ApiTags('case actions')
@ApiBearerAuth()
@ApiParam({ name: 'caseId', format: 'uuid' })
@UseInterceptors(ActionPendingInterceptor)
@Controller('v1/cases/:caseId')
export class CaseActionsController {
  constructor(private readonly actions: CaseActionsService) {}

  @Get('actions/:updateId')
  @ApiParam({ name: 'updateId', description: 'the `updateId` of a 202 answer (or derived from the Idempotency-Key)' })
  @ApiOperation({
    summary:
      'The outcome of an action answered 202: running, applied (with the case after it) or refused (with its error)',
  })
  @ApiOkResponse({ type: ActionOutcomeView })
  @ApiErrors(401, 404, 429, 503)
  actionOutcome(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('updateId') updateId: string,
  ): Promise<ActionOutcomeView> {
    return this.actions.outcome(actor, caseId, updateId);
  }

  @Post('acceptance')
  @Roles('municipal')
  @Action('Completeness check; not accepted → returned (§5.1); accepting R-APP-4/5 flags needs a waiverReason')
  accept(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: AcceptanceDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, acceptanceUpdate, body);
  }

  @Post('panel')
  @Roles('municipal')
  @Action('Form or re-form the expert panel (3–7 distinct experts) → under_review (§5.1)')
  formPanel(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: PanelDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, formPanelUpdate, body);
  }

  @Post('reviews')
  @Roles('expert')
  @Action('One review opinion by an expert on the panel, once per expert (§5.1)')
  review(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ReviewDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, submitReviewUpdate, body);
  }

  @Post('designation')
  @Roles('municipal')
  @Action('Designate with a subsidy of 1,000,000–3,000,000 CNY (R-SUB-1), or reject; tranche 1 is instructed (§5.2)')
  designate(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: DesignationDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, designationUpdate, body);
  }

  @Post('incubation-base')
  @Roles('municipal')
  @Action('Recognise the park as an incubation base: one-time 600,000 CNY grant, at most once (R-SUB-3)')
  incubationBase(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: IncubationBaseDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, incubationBaseUpdate, body);
  }

  @Post('payments/:paymentId/confirmation')
  @Roles('finance')
  @ApiParam({ name: 'paymentId', example: '<caseId>:subsidy_tranche_1' })
  @Action('The treasury paid this disbursement; each payment is confirmed once (§5.2)')
  confirmPayment(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('paymentId') paymentId: string,
    @Body() body: PaymentConfirmationDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, confirmPaymentUpdate, { ...body, paymentId });
  }

  @Post('annual-reports')
  @Roles('district')
  @Action('The yearly report of an ended reporting year (§5.3, R-RPT-1..5, R-SUB-2); the first one releases tranche 2')
  report(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: AnnualReportDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, annualReportUpdate, {
      report: { ...body, subsidyUse: { ...body.subsidyUse } },
    });
  }

  @Post('evaluations')
  @Roles('municipal')
  @Action('Renew, rectify by a Chongqing day (R-CAL-1) or revoke on grounds, maybe with a refund (§5.3, R-EVL-1/2)')
  evaluate(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: EvaluationDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, evaluationUpdate, body);
  }

  @Post('refund-payments')
  @Roles('finance')
  @Action('A refund received against the open refund demand (R-REF-1); settled in full → closed')
  refundPayment(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RefundPaymentDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, refundPaymentUpdate, body);
  }

  @Post('refund-write-off')
  @Roles('municipal')
  @Action('Write off the unpaid rest of an escalated refund demand, with its reason; may close the case (R-PAY-1)')
  writeOffRefund(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RefundWriteOffDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, refundWriteOffUpdate, body);
  }
}
