import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CaseHistoryRepository, type RecentScheduleLag } from '../../persistence/repositories/case-history.repository';
import { DatabaseHealthRepository } from '../../persistence/repositories/database-health.repository';
import { DocumentObjects } from '../../persistence/object-store/document-objects';
import { OBJECT_STORE } from '../../persistence/object-store/object-store-errors';
import { Public } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { text, type LocalizedText } from '../i18n/localized-text';
import { AppConfig } from '../config/app-config';
import { TemporalGateway } from '../temporal/temporal-gateway';
import {
  LIVE_HEARTBEAT_MS,
  LIVE_POLLER_MS,
  WorkerPresence,
  type WorkerPresenceState,
} from '../temporal/worker-presence';

/** A check that is down says why, as the 503's detail text. */
type Check = { status: 'up' } | { status: 'down'; error: LocalizedText };
/** How late the schedule's events were recorded lately: `lagging` warns, it does not make the API unready. */
type ScheduleCheck = { status: 'up' | 'lagging' | 'unknown'; windowSeconds: number } & Partial<RecentScheduleLag>;

/** The schedule's recent past that readiness looks at. */
const SCHEDULE_WINDOW_SECONDS = 300;

/**
 * How long each readiness check may take before it counts as down. The checks run side by side, so `/health/ready`
 * answers within about this long even while a dependency hangs (Temporal unreachable: a connection that never
 * completes) — probes of load balancers and orchestrators give up after a few seconds, and must hear 503, not nothing.
 */
export const CHECK_TIMEOUT_MS = 1_500;

/** `work`'s outcome, or `late()` once `ms` have passed without one. */
async function within<T>(ms: number, work: Promise<T>, late: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(late()), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Up when `probe` resolves to nothing; down with the reason it resolves to, with its error when it fails, or with
 * "no answer" after {@link CHECK_TIMEOUT_MS}.
 */
function check(probe: () => Promise<LocalizedText | void>): Promise<Check> {
  const outcome = probe().then(
    (reason): Check => (reason ? { status: 'down', error: reason } : { status: 'up' }),
    (error: unknown): Check => ({
      status: 'down',
      error: text('errors.checkFailed', { reason: String((error as Error)?.message ?? error) }),
    }),
  );
  return within(CHECK_TIMEOUT_MS, outcome, () => ({
    status: 'down',
    error: text('errors.checkTimedOut', { seconds: CHECK_TIMEOUT_MS / 1000 }),
  }));
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseHealthRepository,
    private readonly history: CaseHistoryRepository,
    private readonly temporal: TemporalGateway,
    private readonly workers: WorkerPresence,
    private readonly objects: DocumentObjects,
    private readonly config: AppConfig,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Ready = an action would be served (503 otherwise, naming the checks that failed)',
    description:
      'postgres: PostgreSQL answers; temporal: the Temporal frontend answers; worker: a parkflow worker polls the ' +
      `workflow task queue — Temporal saw it poll in the last ${LIVE_POLLER_MS / 1000} s and its heartbeat is under ` +
      `${LIVE_HEARTBEAT_MS / 1000} s old (the test the API makes before sending an action). A check that has not ` +
      `answered within ${CHECK_TIMEOUT_MS / 1000} s is down, so the answer comes within about that long. ` +
      'object_store (reported, never a reason to be unready): the documents’ bucket answers — when it does not, ' +
      'uploads and downloads answer 503 naming it (R-DOC-1) while every other action is served. ' +
      'schedule (a warning, never a reason to be unready): `lagging` when the p99 of how late the cases’ reminders ' +
      'and notices of the last 5 minutes were recorded exceeds SCHEDULE_LAG_WARN_POLICY_DAYS policy days — the ' +
      'worker cannot keep up with POLICY_TIME_SCALE for the cases it holds (issue 13).',
  })
  @ApiResponse({ status: 200, description: 'every check is up' })
  @ApiResponse({
    status: 503,
    description:
      "not ready: `details` names each check that is down (field: 'postgres' | 'temporal' | 'worker') and why",
  })
  async ready(): Promise<{ status: 'ok'; checks: Record<string, Check | ScheduleCheck> }> {
    const deadline = Date.now() + CHECK_TIMEOUT_MS; // the calls to Temporal end with their checks
    const schedule = this.schedule(); // beside the checks, so that it adds no time to the answer
    // Beside them too. Only the documents need the store: its outage must not take the whole API out of rotation.
    const objectStore = check(() => this.objects.ping());
    const [postgres, temporal, worker] = await Promise.all([
      check(() => this.database.ping()),
      check(() => this.temporal.ping(deadline)),
      check(async () => this.workerDown(await this.workers.state(deadline))),
    ]);
    const checks = { postgres, temporal, worker };
    const down = Object.entries(checks).filter(([, c]) => c.status === 'down');
    if (down.length > 0) {
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'not_ready',
        text('errors.notReady', { checks: down.map(([name]) => name) }),
        down.flatMap(([field, c]) => ('error' in c ? [{ field, message: c.error }] : [])),
      );
    }
    return { status: 'ok', checks: { ...checks, [OBJECT_STORE]: await objectStore, schedule: await schedule } };
  }

  /** Why the worker check is down, for a state that is not `live`. */
  private workerDown(state: WorkerPresenceState): LocalizedText | undefined {
    const taskQueue = this.config.TEMPORAL_TASK_QUEUE;
    if (state === 'none_polling') return text('errors.noWorkerPolled', { taskQueue, seconds: LIVE_POLLER_MS / 1000 });
    if (state === 'silent') return text('errors.workerSilent', { taskQueue, seconds: LIVE_HEARTBEAT_MS / 1000 });
    return undefined;
  }

  private async schedule(): Promise<ScheduleCheck> {
    const windowSeconds = SCHEDULE_WINDOW_SECONDS;
    const unknown = (): ScheduleCheck => ({ status: 'unknown', windowSeconds });
    // Asked only for a ready answer, whose PostgreSQL check passed: a failed or slow look is not an outage.
    const lag = await within(
      CHECK_TIMEOUT_MS,
      this.history.recentScheduleLag(windowSeconds).catch(() => undefined),
      () => undefined,
    );
    if (!lag) return unknown();
    const lagging = (lag.p99PolicyDays ?? 0) > this.config.SCHEDULE_LAG_WARN_POLICY_DAYS;
    return { status: lagging ? 'lagging' : 'up', windowSeconds, ...lag };
  }
}
