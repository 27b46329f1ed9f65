import type { Worker } from '@temporalio/worker';
import { LIVE_HEARTBEAT_MS } from '../../api/temporal/worker-presence';
import { createDataSource } from '../../persistence/data-source';
import { createParkflowWorker } from '../../worker/create-worker';
import { eventually } from '../../tooling/eventually';
import { sharedWorkflowBundle } from '../../tooling/run-artifacts/workflow-bundle';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/** Ready = usable: /health/ready answers 200 only once a worker polls the task queue, so an action would be served. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withWorker: false });
});
afterAll(async () => {
  await stack?.teardown();
});

const ready = (): Promise<{ status: number; body: any }> =>
  stack.call('GET', '/health/ready', { headers: { 'Accept-Language': 'en' } });
/** A worker is seen gone within its heartbeat's freshness; the rest is slack for a busy machine, never waited out. */
const GONE_WITHIN_MS = LIVE_HEARTBEAT_MS + 10_000;
const SILENT = "the parkflow workers polling task queue 'parkflow-e2e' have sent no heartbeat in the last 15 s";

/** A parkflow worker on the stack's task queue, running, on `dataSource` (the stack's by default). */
async function runWorker(dataSource = stack.dataSource): Promise<{ worker: Worker; running: Promise<void> }> {
  const worker = await createParkflowWorker({
    connection: stack.env.nativeConnection,
    namespace: 'default',
    taskQueue: 'parkflow-e2e',
    dataSource,
    workflowBundle: await sharedWorkflowBundle(),
  });
  return { worker, running: worker.run() };
}

describe('GET /health/ready reports the worker as its own check', () => {
  it('is 503 naming the worker (and only the worker) while none polls, and 200 once one does', async () => {
    const notReady = await ready();
    expect(notReady.status).toBe(503);
    expect(notReady.body).toEqual({
      error: 'not_ready',
      message: 'not ready: worker down',
      details: [
        { field: 'worker', message: "no parkflow worker has polled task queue 'parkflow-e2e' in the last 70 s" },
      ],
    });

    const { worker, running } = await runWorker();
    try {
      await eventually(async () => (await ready()).status === 200, '/health/ready to answer 200 once the worker polls');
      expect((await ready()).body).toEqual({
        status: 'ok',
        checks: {
          postgres: { status: 'up' },
          temporal: { status: 'up' },
          worker: { status: 'up' },
          // issue 25: the documents' store is reported, never a reason to be unready (only uploads need it)
          object_store: { status: 'up' },
          // issue 13: how late the schedule's events were recorded lately — a warning, never unready
          schedule: expect.objectContaining({ status: expect.stringMatching(/^(up|lagging)$/), windowSeconds: 300 }),
        },
      });
      // Shutting down, it takes no new tasks: it stops counting at once, though Temporal lists it for minutes.
      worker.shutdown();
      await eventually(async () => (await ready()).status === 503, 'the stopping worker not to count', GONE_WITHIN_MS);
      expect((await ready()).body.details).toEqual([{ field: 'worker', message: expect.stringContaining(SILENT) }]);
    } finally {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    }
  });

  it(`a worker that dies (no heartbeat, Temporal lists it) is gone within ${GONE_WITHIN_MS / 1000} s`, async () => {
    const own = await createDataSource(stack.config.DATABASE_URL).initialize();
    const { worker, running } = await runWorker(own);
    try {
      await eventually(async () => (await ready()).status === 200, '/health/ready to answer 200 once the worker polls');
      // Its PostgreSQL is gone: no heartbeat, not even the last one taken back — as when the process is killed.
      await own.destroy();
      await eventually(async () => (await ready()).status === 503, 'the dead worker not to count', GONE_WITHIN_MS);
      expect((await ready()).body.details).toEqual([{ field: 'worker', message: expect.stringContaining(SILENT) }]);
    } finally {
      worker.shutdown();
      await running;
      if (own.isInitialized) await own.destroy();
    }
  });
});
