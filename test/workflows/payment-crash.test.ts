import { RecordingTreasuryGateway, type TreasuryGateway } from '../../activities/treasury/treasury-gateway';
import type { PaymentInstruction } from '../../workflows/definitions/records';
import { CaseDriver } from '../../tooling/stacks/case-driver';
import { startWorkflowHarness, type WorkflowHarness } from '../../tooling/stacks/workflow-harness';

/**
 * A treasury the worker "dies" against: the first hand-over of each payment reaches the treasury, then the
 * activity attempt is lost before it can record that (as when the worker process is killed at that point).
 */
class CrashAfterHandOver implements TreasuryGateway {
  readonly calls: string[] = [];
  private readonly crashed = new Set<string>();
  recording?: RecordingTreasuryGateway;

  async instruct(instruction: PaymentInstruction): Promise<string> {
    this.calls.push(instruction.paymentId);
    const reference = await this.recording!.instruct(instruction);
    if (!this.crashed.has(instruction.paymentId)) {
      this.crashed.add(instruction.paymentId);
      throw new Error('worker died after handing the payment to the treasury');
    }
    return reference;
  }
}

const treasury = new CrashAfterHandOver();
let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness({ treasury });
  treasury.recording = new RecordingTreasuryGateway(h.dataSource);
});
afterAll(async () => {
  await h?.teardown();
});

describe('no payment is ever instructed twice (§5.2)', () => {
  it(
    'a worker lost in the middle of a payment: the ' + 'retried instruction reaches the treasury as one payment',
    async () => {
      const driver = await CaseDriver.designated(h, 2_000_000);
      const [tranche1] = (await driver.snapshot()).payments;
      await driver.recorded(); // the instruction is handed over after the answer, and retried
      // the lost attempt and its retry
      expect(treasury.calls.filter((id) => id === tranche1.paymentId)).toHaveLength(2);
      expect(
        await h.dataSource.query('SELECT count(*)::int AS n FROM treasury_instructions WHERE case_id = $1', [
          driver.caseId,
        ]),
      ).toEqual([{ n: 1 }]);
      const [ledger] = await h.dataSource.query('SELECT status, treasury_reference FROM payments WHERE case_id = $1', [
        driver.caseId,
      ]);
      expect(ledger).toEqual({ status: 'instructed', treasury_reference: `LOCAL-${tranche1.paymentId}` });
      await driver.confirmPayment(tranche1.paymentId);
      expect((await driver.snapshot()).payments[0].status).toBe('paid');
    },
  );
});
