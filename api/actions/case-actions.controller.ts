import { Body, Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
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
import { CurrentActor } from '../auth/auth.decorators';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CaseView } from '../cases/case-view';
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
import { ActionPendingInterceptor } from '../common/action-pending.interceptor';
import { ActionPending } from '../temporal/action-pending';
import { CaseActionsService } from './case-actions.service';
import { OfficerActionRoute } from './officer-action-route';

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
  actionOutcome(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('updateId') updateId: string,
  ): Promise<ActionOutcomeView> {
    return this.actions.outcome(actor, caseId, updateId);
  }

  @OfficerActionRoute('acceptance')
  accept(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: AcceptanceDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, acceptanceUpdate, body);
  }

  @OfficerActionRoute('formPanel')
  formPanel(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: PanelDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, formPanelUpdate, body);
  }

  @OfficerActionRoute('submitReview')
  review(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ReviewDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, submitReviewUpdate, body);
  }

  @OfficerActionRoute('designation')
  designate(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: DesignationDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, designationUpdate, body);
  }

  @OfficerActionRoute('incubationBase')
  incubationBase(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: IncubationBaseDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, incubationBaseUpdate, body);
  }

  @OfficerActionRoute('confirmPayment')
  @ApiParam({ name: 'paymentId', example: '<caseId>:subsidy_tranche_1' })
  confirmPayment(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('paymentId') paymentId: string,
    @Body() body: PaymentConfirmationDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, confirmPaymentUpdate, { ...body, paymentId });
  }

  @OfficerActionRoute('annualReport')
  report(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: AnnualReportDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, annualReportUpdate, {
      report: { ...body, subsidyUse: { ...body.subsidyUse } },
    });
  }

  @OfficerActionRoute('evaluation')
  evaluate(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: EvaluationDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, evaluationUpdate, body);
  }

  @OfficerActionRoute('refundPayment')
  refundPayment(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RefundPaymentDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, refundPaymentUpdate, body);
  }

  @OfficerActionRoute('refundWriteOff')
  writeOffRefund(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RefundWriteOffDto,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, refundWriteOffUpdate, body);
  }
}
