import { ApiProperty } from '@nestjs/swagger';
import { ACTION_ACCEPTED } from '../../workflows/definitions/messages';
import type { LocalizedText } from '../i18n/localized-text';

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
    type: String,
    description: "in the reader's language (Accept-Language)",
    example:
      '操作已发送，但 10000 毫秒内没有工作进程应答：结果尚不可知（仍可能被办理或被拒绝）；' +
      'GET /v1/cases/<caseId>/actions/<updateId> 可查询结果',
  })
  message!: LocalizedText;
}
