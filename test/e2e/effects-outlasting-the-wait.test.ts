import { RecordingTreasuryGateway, type TreasuryGateway } from '../../activities/treasury/treasury-gateway';
import type { PaymentInstruction } from '../../workflows/definitions/records';
import { eventually } from '../../tooling/eventually';
import { HttpDriver } from '../../tooling/http/http-driver';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/** A treasury that holds every hand-over until the test opens it. */
class GatedTreasury implements TreasuryGateway {
  private open!: () => void;
  private readonly opened = new Promise<void>((resolve) => (this.open = resolve));
  constructor(private readonly recording: RecordingTreasuryGateway) {}

  async instruct(instruction: PaymentInstruction): Promise<string> {
    await this.opened;
    return this.recording.instruct(instruction);
  }

  release(): void {
    this.open();
  }
}

const UPDATE_WAIT_MS = 1500;
let stack: Stack;
let treasury: GatedTreasury;
beforeAll(async () => {
  let gateway: GatedTreasury | undefined;
  stack = await startStack({
    updateWaitMs: UPDATE_WAIT_MS,
    treasury: { instruct: (instruction) => gateway!.instruct(instruction) },
  });
  treasury = gateway = new GatedTreasury(new RecordingTreasuryGateway(stack.dataSource));
});
afterAll(async () => {
  treasury?.release();
  await stack?.teardown();
});

describe('a slow treasury never holds the officer (§5.2 treasury hand-over, issue 23 item 7)', () => {
  it(
    'the designation is answered 200 at once with the case, payment instructed; ' +
      'the hand-over completes once the treasury answers',
    async () => {
      const driver = new HttpDriver(stack);
      const caseId = await driver.reviewed();
      const designate = () =>
        stack.call('POST', `/v1/cases/${caseId}/designation`, {
          token: driver.municipal(),
          body: { decision: 'designate', reason: '评审通过', subsidyAmount: 2_000_000 },
          headers: { 'Idempotency-Key': 'designate-slow-treasury' },
        });
      const response = await designate();
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        stage: 'designated',
        payments: [{ kind: 'subsidy_tranche_1', status: 'instructed' }],
      });

      // The designation is durable and visible although the treasury has not answered yet.
      const meanwhile = await driver.ok('GET', `/v1/cases/${caseId}`, { token: driver.municipal() });
      expect(meanwhile).toMatchObject({ stage: 'designated' });
      expect(await stack.dataSource.query('SELECT 1 FROM treasury_instructions WHERE case_id = $1', [caseId])).toEqual(
        [],
      );

      // A retry with the same key replays the answer rather than designating again.
      const retry = await designate();
      expect({ status: retry.status, body: retry.body }).toEqual({ status: 200, body: response.body });

      treasury.release();
      const history = await driver.ok('GET', `/v1/cases/${caseId}/history`, { token: driver.municipal() });
      expect(history.items.filter((e: { action: string }) => e.action === 'designated')).toHaveLength(1);
      const handedOver = async () =>
        stack.dataSource.query('SELECT kind, amount FROM treasury_instructions WHERE case_id = $1', [caseId]);
      // Bounded against a hang, not a pace: a busy machine may take long to hand the payment over.
      await eventually(async () => (await handedOver()).length > 0, 'the treasury hand-over', 120_000);
      expect(await handedOver()).toEqual([{ kind: 'subsidy_tranche_1', amount: '1000000' }]);
    },
  );
});
