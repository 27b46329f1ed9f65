import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTION_OUTCOME_STATUSES, type ActionOutcomeStatus } from '../../workflows/definitions/messages';
import { CaseView } from '../cases/case-view';
import type { ErrorBody } from '../common/api-error';
import { ErrorBodySchema } from '../common/openapi';

/**
 * The outcome of an action answered 202 (`GET /v1/cases/{caseId}/actions/{updateId}`): still `running`
 * (no outcome within a short wait), `applied` (with the case after it), or `refused` (the error the action
 * would have been answered with at once: 409 `invalid_stage`, 422 `validation_failed`).
 */
export class ActionOutcomeView {
  @ApiProperty({ format: 'uuid', example: '0b9c6a52-3c1e-4b55-9f53-2b1d7f1b6c7e' })
  caseId!: string;
  @ApiProperty({
    example: 'idempotency-3f2a9c0d1e8b7a6f5e4d3c2b1a098765',
    description: 'the `updateId` of the 202 answer',
  })
  updateId!: string;
  @ApiProperty({ enum: ACTION_OUTCOME_STATUSES, example: 'applied' })
  status!: ActionOutcomeStatus;
  @ApiPropertyOptional({ type: () => CaseView, description: 'when applied: the case as it stands now' })
  case?: CaseView;
  @ApiPropertyOptional({
    type: () => ErrorBodySchema,
    description: 'when refused: the error body the action was refused with',
    example: {
      error: 'invalid_stage',
      message: '当前阶段：submitted（已申报），不能办理“认定决定”；可办理的阶段：under_review',
      details: [],
    },
  })
  error?: ErrorBody;
}
