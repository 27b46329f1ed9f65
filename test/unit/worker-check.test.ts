import type { Client } from '@temporalio/client';
import { CaseActionsService } from '../../api/actions/case-actions.service';
import type { CasesService } from '../../api/cases/cases.service';
import { ApiError, nested, notFound } from '../../api/common/api-error';
import { loadAppConfig } from '../../api/config/app-config';
import { TemporalGateway } from '../../api/temporal/temporal-gateway';
import { WorkerPresence } from '../../api/temporal/worker-presence';
import type { ParkCasesRepository } from '../../persistence/repositories/park-cases.repository';
import type { WorkerHeartbeatsRepository } from '../../persistence/repositories/worker-heartbeats.repository';
import type { CaseSnapshot } from '../../workflows/definitions/case';
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

/**
 * The actions over `client` (every worker Temporal saw polling with a fresh heartbeat), reading the case `case-1` as
 * submitted — or refusing that read when `scopeRead` says so.
 */
function actionsOver(client: Client, scopeRead?: () => Promise<never>): CaseActionsService {
  const alive = async (identities: string[]): Promise<string[]> => identities;
  const heartbeats = { aliveAmong: alive } as unknown as WorkerHeartbeatsRepository;
  const temporal = new TemporalGateway(client, config);
  const known = { caseId: 'case-1', stage: 'submitted' } as CaseSnapshot;
  const cases = { visibleSnapshot: scopeRead ?? (async () => known) } as unknown as CasesService;
  const readModel = {} as ParkCasesRepository;
  return new CaseActionsService(cases, temporal, new WorkerPresence(temporal, heartbeats, config), readModel);
}

/**
 * Issue 13 item 3: an action's worker-presence check starts beside its scope read (api/actions/case-actions.service.ts)
 * and is awaited before anything is sent — the same fresh check, so a 503 still means nothing was sent.
 */
describe('the worker check started ahead of an action', () => {
  it('no worker polls: the action is refused 503 worker_unavailable and nothing is sent, with one check', async () => {
    const { client, calls } = fakeClient([]);
    const sent = actionsOver(client).act(actor, 'case-1', acceptanceUpdate, { accepted: true }, undefined);
    await expect(sent).rejects.toBeInstanceOf(ApiError);
    await expect(sent).rejects.toMatchObject({ response: { error: 'worker_unavailable' } });
    expect(calls).toEqual({ describe: 1, getHandle: 0 });
  });

  it('a check whose action is refused before sending (404, 409) is never an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const { client, calls } = fakeClient([]);
      const notVisible = async (): Promise<never> => {
        throw notFound(nested('errors.things.case', { caseId: 'case-1' }));
      };
      const sent = actionsOver(client, notVisible).act(
        actor,
        'case-1',
        acceptanceUpdate,
        { accepted: true },
        undefined,
      );
      await expect(sent).rejects.toMatchObject({ response: { error: 'not_found' } });
      await new Promise((resolve) => setTimeout(resolve, 20)); // the check settles meanwhile, unobserved by the action
      expect(unhandled).toEqual([]);
      expect(calls.describe).toBe(1);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('a worker polls: the action goes on to be sent, without asking again', async () => {
    const { client, calls } = fakeClient([Date.now()]);
    await expect(
      actionsOver(client).act(actor, 'case-1', acceptanceUpdate, { accepted: true }, undefined),
    ).rejects.toThrow('an update was about to be sent');
    expect(calls).toEqual({ describe: 1, getHandle: 1 });
  });
});
