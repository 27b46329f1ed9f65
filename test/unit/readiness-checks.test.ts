import type { Client } from '@temporalio/client';
import { loadAppConfig } from '../../api/config/app-config';
import { CHECK_TIMEOUT_MS, HealthController } from '../../api/health/health.controller';
import { TemporalGateway } from '../../api/temporal/temporal-gateway';
import {
  LIVE_HEARTBEAT_MS,
  LIVE_POLLER_MS,
  WorkerPresence,
  type WorkerPresenceState,
} from '../../api/temporal/worker-presence';
import type { CaseHistoryRepository } from '../../persistence/repositories/case-history.repository';
import type { DatabaseHealthRepository } from '../../persistence/repositories/database-health.repository';
import type { DocumentObjects } from '../../persistence/object-store/document-objects';
import type { WorkerHeartbeatsRepository } from '../../persistence/repositories/worker-heartbeats.repository';

const config = loadAppConfig({
  NODE_ENV: 'test',
  DATABASE_URL: 'postgres://parkflow@127.0.0.1:5432/parkflow',
  TEMPORAL_TASK_QUEUE: 'parkflow',
});

/** A dependency that never answers (a server that accepted the connection and went silent). */
const never = (): Promise<never> => new Promise<never>(() => undefined);

interface Dependencies {
  ping?: () => Promise<unknown>;
  systemInfo?: () => Promise<unknown>;
  workers?: () => Promise<WorkerPresenceState>;
  objectStore?: () => Promise<unknown>;
}

/** The readiness endpoint over fakes: each dependency up unless told otherwise. */
function controller({ ping, systemInfo, workers, objectStore }: Dependencies): HealthController {
  const up = async (): Promise<undefined> => undefined;
  const temporal = { ping: systemInfo ?? up };
  const lag = async () => ({ events: 0, p99PolicyDays: 0 });
  return new HealthController(
    { ping: ping ?? up } as unknown as DatabaseHealthRepository,
    { recentScheduleLag: lag } as unknown as CaseHistoryRepository,
    temporal as unknown as TemporalGateway,
    { state: workers ?? (async () => 'live') } as unknown as WorkerPresence,
    { ping: objectStore ?? up } as unknown as DocumentObjects,
    config,
  );
}

/** The 503's details as `field: message code`, or 'ready'. */
async function verdict(answer: Promise<unknown>): Promise<string[] | 'ready'> {
  try {
    await answer;
    return 'ready';
  } catch (error) {
    const { details } = (
      error as { response: { details: Array<{ field: string; message: { $text: { code: string } } }> } }
    ).response;
    return details.map((detail) => `${detail.field}: ${detail.message.$text.code}`);
  }
}

afterEach(() => {
  jest.useRealTimers();
});

describe('GET /health/ready is bounded by its check timeout and names what is down', () => {
  it(`a dependency that never answers is down after ${CHECK_TIMEOUT_MS} ms, not later and not sooner`, async () => {
    jest.useFakeTimers();
    let settled = false;
    const answer = verdict(controller({ systemInfo: never, workers: never }).ready()).finally(() => (settled = true));
    await jest.advanceTimersByTimeAsync(CHECK_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await answer).toEqual(['temporal: errors.checkTimedOut', 'worker: errors.checkTimedOut']);
  });

  it('every dependency silent: each is named, within the one timeout (the checks run side by side)', async () => {
    jest.useFakeTimers();
    const answer = verdict(controller({ ping: never, systemInfo: never, workers: never }).ready());
    await jest.advanceTimersByTimeAsync(CHECK_TIMEOUT_MS);
    expect(await answer).toEqual([
      'postgres: errors.checkTimedOut',
      'temporal: errors.checkTimedOut',
      'worker: errors.checkTimedOut',
    ]);
  });

  it('a failing dependency is down with its error; the worker states say why no worker serves', async () => {
    const refused = async (): Promise<never> => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    };
    expect(await verdict(controller({ ping: refused }).ready())).toEqual(['postgres: errors.checkFailed']);
    expect(await verdict(controller({ workers: async () => 'none_polling' }).ready())).toEqual([
      'worker: errors.noWorkerPolled',
    ]);
    expect(await verdict(controller({ workers: async () => 'silent' }).ready())).toEqual([
      'worker: errors.workerSilent',
    ]);
    expect(await verdict(controller({}).ready())).toBe('ready');
  });
});

describe('the object store (issue 25) is reported, never a reason to be unready', () => {
  it('down: the API stays ready — only the documents need it — and says the store is down and why', async () => {
    const refused = async (): Promise<never> => {
      throw new Error('the object store did not answer ping: ECONNREFUSED');
    };
    const { checks } = await controller({ objectStore: refused }).ready();
    expect(checks.object_store).toMatchObject({ status: 'down', error: { $text: { code: 'errors.checkFailed' } } });
    expect((await controller({}).ready()).checks.object_store).toEqual({ status: 'up' });
  });
});

describe('a worker is live when Temporal saw it poll and its heartbeat is fresh — the same worker', () => {
  /** The presence over pollers `{ identity: seconds ago }` and the identities whose heartbeat is fresh. */
  function presence(pollers: Record<string, number>, beating: string[]): WorkerPresence {
    const now = Date.now();
    const client = {
      withDeadline: (_: number, fn: () => unknown) => fn(),
      workflowService: {
        describeTaskQueue: async () => ({
          pollers: Object.entries(pollers).map(([identity, ago]) => ({
            identity,
            lastAccessTime: { seconds: Math.floor((now - ago * 1000) / 1000) },
          })),
        }),
      },
    } as unknown as Client;
    const alive = async (identities: string[], withinMs: number): Promise<string[]> => {
      expect(withinMs).toBe(LIVE_HEARTBEAT_MS);
      return identities.filter((identity) => beating.includes(identity));
    };
    const temporal = new TemporalGateway(client, config);
    return new WorkerPresence(temporal, { aliveAmong: alive } as unknown as WorkerHeartbeatsRepository, config);
  }

  it.each([
    ['no poller at all', 'none_polling', {}, []],
    [`a poller last seen over ${LIVE_POLLER_MS / 1000} s ago, beating`, 'none_polling', { a: 75 }, ['a']],
    ['a poller seen lately whose heartbeat stopped (it died)', 'silent', { a: 3 }, []],
    ['a poller seen lately, and another worker beating (of another Temporal)', 'silent', { a: 3 }, ['b']],
    ['an idle poller seen 50 s ago (its long poll runs), beating', 'live', { a: 50 }, ['a']],
    ['a dead poller and a live one', 'live', { a: 3, b: 40 }, ['b']],
  ] as const)('%s: %s', async (_name, state, pollers, beating) => {
    expect(await presence(pollers, [...beating]).state(Date.now() + 1000)).toBe(state);
  });
});
