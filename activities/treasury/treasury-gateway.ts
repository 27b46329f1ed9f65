import type { DataSource } from 'typeorm';
import { TreasuryInstructionsRepository } from '../../persistence/repositories/treasury-instructions.repository';
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
  private readonly received: TreasuryInstructionsRepository;

  constructor(dataSource: DataSource) {
    this.received = new TreasuryInstructionsRepository(dataSource);
  }

  async instruct(instruction: PaymentInstruction): Promise<string> {
    await this.received.record(instruction);
    return `LOCAL-${instruction.paymentId}`;
  }
}

/**
 * The gateways a worker can be configured with (`TREASURY_GATEWAY`), each built from the worker's DataSource.
 * A real treasury's gateway is added here, and the configuration accepts its name.
 */
export const TREASURY_GATEWAYS = {
  recording: (dataSource: DataSource): TreasuryGateway => new RecordingTreasuryGateway(dataSource),
} as const;

/** A name `TREASURY_GATEWAY` accepts. */
export type TreasuryGatewayName = keyof typeof TREASURY_GATEWAYS;
