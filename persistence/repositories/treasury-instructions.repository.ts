import type { PaymentInstruction } from '../../workflows/definitions/records';
import type { Database } from './database';

/** What the local stack's treasury received (`treasury_instructions`): each instruction once by (case, paymentId). */
export class TreasuryInstructionsRepository {
  constructor(private readonly db: Database) {}

  /** Records the instruction; one already received (same case and paymentId) is left as it is. */
  async record(instruction: PaymentInstruction): Promise<void> {
    await this.db.query(
      `INSERT INTO treasury_instructions (case_id, payment_id, kind, amount, district) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (case_id, payment_id) DO NOTHING`,
      [instruction.caseId, instruction.paymentId, instruction.kind, instruction.amount, instruction.district],
    );
  }
}
