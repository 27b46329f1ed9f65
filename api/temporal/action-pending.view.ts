import { ApiProperty } from '@nestjs/swagger';

/** The 202 body of an action accepted but still completing (OpenAPI schema of `ActionPending`). */
export class ActionPendingView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: 'the Temporal update id; ops find it in the case’s history' }) updateId!: string;
  @ApiProperty({ enum: ['accepted'] }) status!: 'accepted';
  @ApiProperty() message!: string;
}
