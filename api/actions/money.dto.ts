import { ApiProperty } from '@nestjs/swagger';
import { DocumentIds } from './document-ids';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsDayOrInstant } from '../common/civil-date.validation';
import { MAX_CNY, REFERENCE, rule, TEXT } from './action-bounds';

/** The bodies of money's movements (§5.2, R-REF-1, R-PAY-1): payments confirmed, refunds received or written off. */

/** `POST /v1/cases/{caseId}/payments/{paymentId}/confirmation` (§5.2). */
export class PaymentConfirmationDto {
  @ApiProperty({ example: '2026-12-01T10:00:00+08:00' })
  @IsDayOrInstant()
  paidAt!: string;
  @ApiProperty(REFERENCE)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  bankReference!: string;
}

/**
 * `POST /v1/cases/{caseId}/refund-payments` (R-REF-1): money received against the open refund demand — a payment's
 * confirmation (when, and the bank's reference) with the amount and the bank slips.
 */
export class RefundPaymentDto extends PaymentConfirmationDto {
  @ApiProperty({ example: 500_000 })
  @IsInt(rule('R-REF-1'))
  @Min(1, rule('R-REF-1'))
  @Max(MAX_CNY, rule('R-REF-1'))
  amount!: number;
  @DocumentIds('the bank slip(s) of this refund')
  documentIds?: string[];
}

/** `POST /v1/cases/{caseId}/refund-write-off` (R-PAY-1): writes off the unpaid rest of an escalated refund demand. */
export class RefundWriteOffDto {
  @ApiProperty({
    description: 'why the unpaid rest is written off; kept in the audit trail (R-PAY-1)',
    example: '园区运营主体已依法注销，经追缴确无可执行财产',
    maxLength: TEXT,
  })
  @IsString(rule('R-PAY-1'))
  @IsNotEmpty(rule('R-PAY-1'))
  @MaxLength(TEXT, rule('R-PAY-1'))
  reason!: string;
}
