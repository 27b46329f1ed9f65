import type { Client } from '@temporalio/client';
import { ApiError } from '../../api/common/api-error';
import { loadAppConfig } from '../../api/config/app-config';
import { CaseWorkflowsService } from '../../api/temporal/case-workflows.service';
import { WorkerPresence } from '../../api/temporal/worker-presence';
import type { WorkerHeartbeatsRepository } from '../../persistence/repositories/worker-heartbeats.repository';
import { acceptanceUpdate } from '../../workflows/definitions/messages';

/** A client whose task queue shows the pollers `pollsAt` (ms) and that counts the calls; it sends no update. */
function fakeClient(pollsAt: number[]) {
  const calls = { describe: 0, getHandle: 0 };
  const client = {
    withDeadline: (_deadline: number, fn: () => Promise<unknown>) => fn(),
    workflowService: {
      describeTaskQueue: async () => {
        calls.describe += 1;
        return {
          pollers: pollsAt.map((ms, i) => ({
            identity: `worker-${i}`,
            lastAccessTime: { seconds: Math.floor(ms / 1000) },
          })),
        };
      },
    },
    workflow: {
      getHandle: () => {
        calls.getHandle += 1;
        throw new Error('an update was about to be sent');
      },
    },
  } as unknown as Client;
  return { client, calls };
}

const config = loadAppConfig({
  NODE_ENV: 'test',
  DATABASE_URL: 'postgres://parkflow@127.0.0.1:5432/parkflow',
  TEMPORAL_TASK_QUEUE: 'parkflow',
  UPDATE_WAIT_MS: '1000',
});
const actor = { id: 'municipal-officer', role: 'municipal' as const };
/** The service over `client`, every worker Temporal saw polling with a fresh heartbeat. */
const service = (client: Client): CaseWorkflowsService => {
  const alive = async (identities: string[]): Promise<string[]> => identities;
  const heartbeats = { aliveAmong: alive } as unknown as WorkerHeartbeatsRepository;
  return new CaseWorkflowsService(client, config, new WorkerPresence(client, heartbeats, config));
};

/**
 * Issue 13 item 3: an action's worker-presence check starts beside its scope read (api/actions/case-actions.service.ts)
 * and is awaited before anything is sent — the same fresh check, so a 503 still means nothing was sent.
 */
describe('the worker check started ahead of an action', () => {
  it('no worker polls: the action is refused 503 worker_unavailable and nothing is sent, with one check', async () => {
    const { client, calls } = fakeClient([]);
    const workflows = service(client);
    const check = workflows.startWorkerCheck();
    const sent = workflows.update('case-1', acceptanceUpdate, { actor, accepted: true }, check);
    await expect(sent).rejects.toBeInstanceOf(ApiError);
    await expect(sent).rejects.toMatchObject({ response: { error: 'worker_unavailable' } });
    expect(calls).toEqual({ describe: 1, getHandle: 0 });
  });

  it('a check whose action is refused before sending (404, 409) is never an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const { client } = fakeClient([]);
      void service(client).startWorkerCheck(); // the scope read failed: never awaited
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('a worker polls: the action goes on to be sent, without asking again', async () => {
    const { client, calls } = fakeClient([Date.now()]);
    const workflows = service(client);
    const check = workflows.startWorkerCheck();
    await expect(workflows.update('case-1', acceptanceUpdate, { actor, accepted: true }, check)).rejects.toThrow(
      'an update was about to be sent',
    );
    expect(calls).toEqual({ describe: 1, getHandle: 1 });
  });
});
