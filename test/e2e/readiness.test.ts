import { createParkflowWorker } from '../../worker/create-worker';
import { eventually } from '../support/eventually';
import { startStack, type Stack } from '../support/stack-harness';

/** Ready = usable: /health/ready answers 200 only once a worker polls the task queue, so an action would be served. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withWorker: false });
});
afterAll(async () => {
  await stack?.teardown();
});

describe('GET /health/ready reports the worker as its own check', () => {
  it('is 503 naming the worker (and only the worker) while none polls, and 200 once one does', async () => {
    const notReady = await stack.call('GET', '/health/ready', { headers: { 'Accept-Language': 'en' } });
    expect(notReady.status).toBe(503);
    expect(notReady.body).toEqual({
      error: 'not_ready',
      message: 'not ready: worker down',
      details: [
        { field: 'worker', message: "no parkflow worker has polled task queue 'parkflow-e2e' in the last 70 s" },
      ],
    });

    const worker = await createParkflowWorker({
      connection: stack.env.nativeConnection,
      namespace: 'default',
      taskQueue: 'parkflow-e2e',
      dataSource: stack.dataSource,
    });
    const running = worker.run();
    try {
      await eventually(
        async () => (await stack.call('GET', '/health/ready')).status === 200,
        '/health/ready to answer 200 once the worker polls',
      );
      const ready = await stack.call('GET', '/health/ready');
      expect(ready.body).toEqual({
        status: 'ok',
        checks: {
          postgres: { status: 'up' },
          temporal: { status: 'up' },
          worker: { status: 'up' },
          // issue 13: how late the schedule's events were recorded lately — a warning, never unready
          schedule: expect.objectContaining({ status: expect.stringMatching(/^(up|lagging)$/), windowSeconds: 300 }),
        },
      });
    } finally {
      worker.shutdown();
      await running;
    }
  });
});
