import type { Payment } from '../../workflows/definitions/case';
import type { PaymentInstruction } from '../../workflows/definitions/records';
import type { Database } from './database';

/**
 * The payments ledger (`payments`), one row per (case, paymentId): written when a payment is instructed, before
 * the treasury is called, so that a payment is never handed over twice.
 */
export class PaymentsRepository {
  constructor(private readonly db: Database) {}

  /** Records the instruction as `instructed`; one already recorded (same case and paymentId) is left as it is. */
  async recordInstructed(instruction: PaymentInstruction): Promise<void> {
    await this.db.query(
      `INSERT INTO payments (case_id, payment_id, kind, amount, district, status, instructed_at)
       VALUES ($1, $2, $3, $4, $5, 'instructed', $6) ON CONFLICT (case_id, payment_id) DO NOTHING`,
      [
        instruction.caseId,
        instruction.paymentId,
        instruction.kind,
        instruction.amount,
        instruction.district,
        instruction.instructedAt,
      ],
    );
  }

  /** The treasury's reference of a recorded payment; null while it has not been handed to the treasury. */
  async treasuryReferenceOf(caseId: string, paymentId: string): Promise<string | null> {
    const [row]: Array<{ treasury_reference: string | null }> = await this.db.query(
      'SELECT treasury_reference FROM payments WHERE case_id = $1 AND payment_id = $2',
      [caseId, paymentId],
    );
    return row.treasury_reference;
  }

  /** Records the treasury's reference of the payment, unless one is recorded already (the first one stays). */
  async recordHandedToTreasury(caseId: string, paymentId: string, treasuryReference: string): Promise<void> {
    await this.db.query(
      `UPDATE payments SET treasury_reference = $3, handed_to_treasury_at = now()
       WHERE case_id = $1 AND payment_id = $2 AND treasury_reference IS NULL`,
      [caseId, paymentId, treasuryReference],
    );
  }

  /** Records the payment paid as finance confirmed it; a payment recorded paid already keeps its first record. */
  async recordPaid(caseId: string, payment: Pick<Payment, 'paymentId' | 'paidAt' | 'bankReference'>): Promise<void> {
    await this.db.query(
      `UPDATE payments SET status = 'paid', paid_at = $3, bank_reference = $4
       WHERE case_id = $1 AND payment_id = $2 AND status <> 'paid'`,
      [caseId, payment.paymentId, payment.paidAt, payment.bankReference],
    );
  }
}
