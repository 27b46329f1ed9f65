import { ApiProperty } from '@nestjs/swagger';

/** One entry of the audit trail (api-contract "Bodies and shapes": `{ at, actor, action, details }`). */
export class HistoryEntry {
  @ApiProperty({ format: 'date-time' })
  at!: string;
  @ApiProperty({ example: { id: 'municipal-officer', role: 'municipal' } })
  actor!: { id: string; role: string };
  @ApiProperty({ example: 'designated' })
  action!: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;
}

/** `GET /v1/cases/{caseId}/history`: the case's audit trail, oldest first. */
export class HistoryPage {
  @ApiProperty({ type: [HistoryEntry] })
  items!: HistoryEntry[];
}
