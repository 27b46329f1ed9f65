import type { DataSource } from 'typeorm';
import type { PaymentInstruction } from '../workflows/definitions/records';
import type { TreasuryGateway } from './treasury/treasury-gateway';

export interface PaymentDeps {
  dataSource: DataSource;
  treasury: TreasuryGateway;
}

/** Payment activities (§5.2): no payment is ever instructed twice. */
export function createPaymentActivities({ dataSource, treasury }: PaymentDeps) {
  return {
    /**
     * Instructs one disbursement, idempotent by (case, paymentId): the ledger row is written first, the
     * treasury is called only while the row has no treasury reference, and the gateway itself dedupes by
     * the same key — so a worker dying between handing over and recording it cannot pay twice.
     */
    async instructPayment(instruction: PaymentInstruction): Promise<{ treasuryReference: string }> {
      const key = [instruction.caseId, instruction.paymentId];
      await dataSource.query(
        `INSERT INTO payments (case_id, payment_id, kind, amount, district, status, instructed_at)
         VALUES ($1, $2, $3, $4, $5, 'instructed', $6) ON CONFLICT (case_id, payment_id) DO NOTHING`,
        [...key, instruction.kind, instruction.amount, instruction.district, instruction.instructedAt],
      );
      const [row] = await dataSource.query('SELECT treasury_reference FROM payments WHERE case_id = $1 AND payment_id = $2', key);
      if (row.treasury_reference) return { treasuryReference: row.treasury_reference };
      const treasuryReference = await treasury.instruct(instruction);
      await dataSource.query(
        `UPDATE payments SET treasury_reference = $3, handed_to_treasury_at = now()
         WHERE case_id = $1 AND payment_id = $2 AND treasury_reference IS NULL`,
        [...key, treasuryReference],
      );
      return { treasuryReference };
    },
  };
}
