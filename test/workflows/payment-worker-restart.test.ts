import { Context } from '@temporalio/activity';
import { RecordingTreasuryGateway, type TreasuryGateway } from '../../activities/treasury/treasury-gateway';
import { createParkflowWorker } from '../../worker/create-worker';
import type { PaymentInstruction } from '../../workflows/definitions/records';
import { CaseDriver, PANEL } from '../../tooling/stacks/case-driver';
import { eventually } from '../../tooling/eventually';
import { startWorkflowHarness, type WorkflowHarness } from '../../tooling/stacks/workflow-harness';

/** The first hand-over reaches the treasury, then hangs until its worker is shut down under it. */
class HangAfterFirstHandOver implements TreasuryGateway {
  calls = 0;
  constructor(private readonly recording: RecordingTreasuryGateway) {}

  async instruct(instruction: PaymentInstruction): Promise<string> {
    this.calls += 1;
    const reference = await this.recording.instruct(instruction);
    if (this.calls === 1) await Context.current().cancelled; // rejects when the worker shuts down
    return reference;
  }
}

/** Far past any machine's pace, well inside jest's 10 minutes: only a hang fails here. */
const HAND_OVER_BOUND_MS = 300_000;

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness({ taskQueuePrefix: 'restart' });
});
afterAll(async () => {
  await h?.teardown();
});

it('§5.2 a worker restarted in the middle of a payment instructs it once', async () => {
  await h.stopSharedWorker(); // its sticky cache would hold on to the case; these workers keep none
  const recording = new RecordingTreasuryGateway(h.dataSource);
  const gateway = new HangAfterFirstHandOver(recording);
  const common = {
    connection: h.env.nativeConnection,
    namespace: h.env.namespace ?? 'default',
    taskQueue: h.taskQueue,
    dataSource: h.dataSource,
  };
  const noCache = { maxCachedWorkflows: 0, shutdownGraceTime: '100ms' } as const;
  const first = await createParkflowWorker({ ...common, treasury: gateway, overrides: noCache });
  const firstRun = first.run();
  let designated: ReturnType<CaseDriver['designate']>;
  let driver: CaseDriver;
  try {
    driver = await CaseDriver.file(h);
    await driver.accept();
    await driver.formPanel(PANEL);
    for (const id of PANEL) await driver.review(id);
    designated = driver.designate(2_000_000);
    // Bounded only against a hang: a busy machine may take long to hand the payment over.
    await eventually(() => gateway.calls === 1, 'the first hand-over', HAND_OVER_BOUND_MS);
  } finally {
    first.shutdown(); // the worker goes away between handing the payment over and recording that it did
    await firstRun;
  }

  const second = await createParkflowWorker({ ...common, treasury: gateway, overrides: noCache });
  // The designation was answered before the hand-over (issue 23 item 7); the new worker retries the instruction.
  await second.runUntil(driver.recorded());
  expect((await designated).stage).toBe('designated');
  expect(gateway.calls).toBe(2); // the retry on the new worker handed it over again…
  const instructions = await h.dataSource.query('SELECT kind, amount FROM treasury_instructions WHERE case_id = $1', [
    driver.caseId,
  ]);
  expect(instructions).toEqual([{ kind: 'subsidy_tranche_1', amount: '1000000' }]); // …and the treasury has it once
});
