import type { DataSource } from 'typeorm';
import { PaymentsRepository } from '../persistence/repositories/payments.repository';
import type { PaymentInstruction } from '../workflows/definitions/records';
import type { TreasuryGateway } from './treasury/treasury-gateway';

export interface PaymentDeps {
  dataSource: DataSource;
  treasury: TreasuryGateway;
}

/** Payment activities (§5.2): no payment is ever instructed twice. */
export function createPaymentActivities({ dataSource, treasury }: PaymentDeps) {
  const payments = new PaymentsRepository(dataSource);
  return {
    /**
     * Instructs one disbursement, idempotent by (case, paymentId): the ledger row is written first, the
     * treasury is called only while the row has no treasury reference, and the gateway itself dedupes by
     * the same key — so a worker dying between handing over and recording it cannot pay twice.
     */
    async instructPayment(instruction: PaymentInstruction): Promise<{ treasuryReference: string }> {
      const { caseId, paymentId } = instruction;
      await payments.recordInstructed(instruction);
      const recorded = await payments.treasuryReferenceOf(caseId, paymentId);
      if (recorded) return { treasuryReference: recorded };
      const treasuryReference = await treasury.instruct(instruction);
      await payments.recordHandedToTreasury(caseId, paymentId, treasuryReference);
      return { treasuryReference };
    },
  };
}
