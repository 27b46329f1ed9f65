import { ApiProperty } from '@nestjs/swagger';
import { ACTION_ACCEPTED } from '../../workflows/definitions/messages';

/** The 202 body of an action accepted but still completing (OpenAPI schema of `ActionPending`). */
export class ActionPendingView {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;
  @ApiProperty({
    description: 'the Temporal update id: GET /v1/cases/{caseId}/actions/{updateId} gives the outcome',
    example: '5c3f1e0a-7d2b-4c9e-8a61-0f4b2d9e7c13',
  })
  updateId!: string;
  @ApiProperty({ enum: [ACTION_ACCEPTED] })
  status!: typeof ACTION_ACCEPTED;
  @ApiProperty({
    example:
      'the action was sent but no worker answered within 10000 ms: its outcome is not known yet (it ' +
      'may still be applied or refused); GET /v1/cases/<caseId>/actions/<updateId> gives its outcome',
  })
  message!: string;
}
