import { RecordingTreasuryGateway, type TreasuryGateway } from '../../activities/treasury/treasury-gateway';
import type { PaymentInstruction } from '../../workflows/definitions/records';
import { eventually } from '../support/eventually';
import { HttpDriver } from '../support/http-driver';
import { startStack, type Stack } from '../support/stack-harness';

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

describe('an action whose effects outlast the wait (§5.2 treasury hand-over)', () => {
  it(
    'is answered 202 with the update id; the case shows it at ' +
      'once, and the hand-over completes once the treasury answers',
    async () => {
      const driver = new HttpDriver(stack);
      const caseId = await driver.reviewed();
      const response = await stack.call('POST', `/v1/cases/${caseId}/designation`, {
        token: driver.municipal(),
        body: { decision: 'designate', reason: '评审通过', subsidyAmount: 2_000_000 },
        headers: { 'Idempotency-Key': 'designate-slow-treasury' },
      });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({
        caseId,
        updateId: expect.any(String),
        status: 'accepted',
        message: expect.stringContaining(`GET /v1/cases/${caseId}`),
      });

      // The designation is durable and visible although the treasury has not answered yet.
      const meanwhile = await driver.ok('GET', `/v1/cases/${caseId}`, { token: driver.municipal() });
      expect(meanwhile).toMatchObject({
        stage: 'designated',
        payments: [{ kind: 'subsidy_tranche_1', status: 'instructed' }],
      });
      expect(await stack.dataSource.query('SELECT 1 FROM treasury_instructions WHERE case_id = $1', [caseId])).toEqual(
        [],
      );

      // A retry with the same key replays the 202 rather than designating again.
      const retry = await stack.call('POST', `/v1/cases/${caseId}/designation`, {
        token: driver.municipal(),
        body: { decision: 'designate', reason: '评审通过', subsidyAmount: 2_000_000 },
        headers: { 'Idempotency-Key': 'designate-slow-treasury' },
      });
      expect({ status: retry.status, body: retry.body }).toEqual({ status: 202, body: response.body });

      treasury.release();
      const history = await driver.until(`/v1/cases/${caseId}/history`, driver.municipal(), (h) =>
        h.items.some((e: { action: string }) => e.action === 'designated'),
      );
      expect(history.items.filter((e: { action: string }) => e.action === 'designated')).toHaveLength(1);
      const handedOver = async () =>
        stack.dataSource.query('SELECT kind, amount FROM treasury_instructions WHERE case_id = $1', [caseId]);
      await eventually(async () => (await handedOver()).length > 0, 'the treasury hand-over', 5_000);
      expect(await handedOver()).toEqual([{ kind: 'subsidy_tranche_1', amount: '1000000' }]);
    },
  );
});
