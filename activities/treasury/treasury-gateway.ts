import type { DataSource } from 'typeorm';
import type { PaymentInstruction } from '../../workflows/definitions/records';

/**
 * The one way a payment reaches the treasury. Implementations must be idempotent by (caseId, paymentId):
 * the same instruction handed over twice (a retry after a crash) is one payment.
 */
export interface TreasuryGateway {
  /** Hands the instruction over and returns the treasury's reference for it. */
  instruct(instruction: PaymentInstruction): Promise<string>;
}

/** The local stack's treasury: it only records each instruction once, in `treasury_instructions`. */
export class RecordingTreasuryGateway implements TreasuryGateway {
  constructor(private readonly dataSource: DataSource) {}

  async instruct(instruction: PaymentInstruction): Promise<string> {
    await this.dataSource.query(
      `INSERT INTO treasury_instructions (case_id, payment_id, kind, amount, district) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (case_id, payment_id) DO NOTHING`,
      [instruction.caseId, instruction.paymentId, instruction.kind, instruction.amount, instruction.district],
    );
    return `LOCAL-${instruction.paymentId}`;
  }
}
