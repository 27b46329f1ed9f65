import { Body, Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/definitions/case';
import {
  acceptanceUpdate,
  annualReportUpdate,
  confirmPaymentUpdate,
  departmentOpinionUpdate,
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
import { ActionOutcomeView } from '../action-outcomes/action-outcome.view';
import { ActionPending } from '../action-outcomes/action-pending';
import { ActionPendingInterceptor } from '../action-outcomes/action-pending.interceptor';
import { Idempotency, type IdempotencyClaim } from '../idempotency/idempotency-claim';
import { AcceptanceDto, DepartmentOpinionDto, PanelDto, ReviewDto } from './assessment.dto';
import { DesignationDto, IncubationBaseDto } from './decision.dto';
import { PaymentConfirmationDto, RefundPaymentDto, RefundWriteOffDto } from './money.dto';
import { AnnualReportDto, EvaluationDto } from './yearly-cycle.dto';
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
    @Idempotency() idempotency: IdempotencyClaim | undefined,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, acceptanceUpdate, body, idempotency);
  }

  @OfficerActionRoute('formPanel')
  formPanel(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: PanelDto,
    @Idempotency() idempotency: IdempotencyClaim | undefined,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, formPanelUpdate, body, idempotency);
  }

  @OfficerActionRoute('submitReview')
  review(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ReviewDto,
    @Idempotency() idempotency: IdempotencyClaim | undefined,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, submitReviewUpdate, body, idempotency);
  }

  @OfficerActionRoute('departmentOpinion')
  recordDepartmentOpinion(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: DepartmentOpinionDto,
    @Idempotency() idempotency: IdempotencyClaim | undefined,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, departmentOpinionUpdate, body, idempotency);
  }

  @OfficerActionRoute('designation')
  designate(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: DesignationDto,
    @Idempotency() idempotency: IdempotencyClaim | undefined,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, designationUpdate, body, idempotency);
  }

  @OfficerActionRoute('incubationBase')
  incubationBase(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: IncubationBaseDto,
    @Idempotency() idempotency: IdempotencyClaim | undefined,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, incubationBaseUpdate, body, idempotency);
  }

  @OfficerActionRoute('confirmPayment')
  @ApiParam({ name: 'paymentId', example: '<caseId>:subsidy_tranche_1' })
  confirmPayment(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('paymentId') paymentId: string,
    @Body() body: PaymentConfirmationDto,
    @Idempotency() idempotency: IdempotencyClaim | undefined,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, confirmPaymentUpdate, { ...body, paymentId }, idempotency);
  }

  @OfficerActionRoute('annualReport')
  report(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: AnnualReportDto,
    @Idempotency() idempotency: IdempotencyClaim | undefined,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(
      actor,
      caseId,
      annualReportUpdate,
      {
        report: { ...body, subsidyUse: { ...body.subsidyUse } },
      },
      idempotency,
    );
  }

  @OfficerActionRoute('evaluation')
  evaluate(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: EvaluationDto,
    @Idempotency() idempotency: IdempotencyClaim | undefined,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, evaluationUpdate, body, idempotency);
  }

  @OfficerActionRoute('refundPayment')
  refundPayment(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RefundPaymentDto,
    @Idempotency() idempotency: IdempotencyClaim | undefined,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, refundPaymentUpdate, body, idempotency);
  }

  @OfficerActionRoute('refundWriteOff')
  writeOffRefund(
    @CurrentActor() actor: Actor,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RefundWriteOffDto,
    @Idempotency() idempotency: IdempotencyClaim | undefined,
  ): Promise<CaseView | ActionPending> {
    return this.actions.act(actor, caseId, refundWriteOffUpdate, body, idempotency);
  }
}
