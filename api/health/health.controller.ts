import { Controller, Get, HttpStatus, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import { CaseHistoryRepository, type RecentScheduleLag } from '../../persistence/repositories/case-history.repository';
import { DatabaseHealthRepository } from '../../persistence/repositories/database-health.repository';
import { Public } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { text, type LocalizedText } from '../i18n/localized-text';
import { AppConfig } from '../config/app-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.token';
import { LIVE_POLLER_MS, workerIsPolling } from '../temporal/worker-presence';

/** A check that is down says why, as the 503's detail text. */
type Check = { status: 'up' } | { status: 'down'; error: LocalizedText };
/** How late the schedule's events were recorded lately: `lagging` warns, it does not make the API unready. */
type ScheduleCheck = { status: 'up' | 'lagging' | 'unknown'; windowSeconds: number } & Partial<RecentScheduleLag>;

/** The schedule's recent past that readiness looks at. */
const SCHEDULE_WINDOW_SECONDS = 300;

/** Up when `probe` resolves to anything but `false` (then down for `whenFalse`); down with its error when it fails. */
async function check(probe: () => Promise<unknown>, whenFalse?: LocalizedText): Promise<Check> {
  try {
    if ((await probe()) === false && whenFalse) return { status: 'down', error: whenFalse };
    return { status: 'up' };
  } catch (error) {
    return {
      status: 'down',
      error: text('errors.checkFailed', { reason: String((error as Error)?.message ?? error) }),
    };
  }
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseHealthRepository,
    private readonly history: CaseHistoryRepository,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
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
      'postgres: PostgreSQL answers; temporal: the Temporal ' +
      'frontend answers; worker: a parkflow worker has polled the ' +
      'workflow task queue in the last 70 s (the test the API makes before sending an action). ' +
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
    const deadline = Date.now() + 3000;
    const [postgres, temporal, worker] = await Promise.all([
      check(() => this.database.ping()),
      check(() => this.client.withDeadline(deadline, () => this.client.workflowService.getSystemInfo({}))),
      check(
        () => workerIsPolling(this.client, this.config.TEMPORAL_NAMESPACE, this.config.TEMPORAL_TASK_QUEUE, deadline),
        text('errors.noWorkerPolled', { taskQueue: this.config.TEMPORAL_TASK_QUEUE, seconds: LIVE_POLLER_MS / 1000 }),
      ),
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
    return { status: 'ok', checks: { ...checks, schedule: await this.schedule() } };
  }

  private async schedule(): Promise<ScheduleCheck> {
    const windowSeconds = SCHEDULE_WINDOW_SECONDS;
    try {
      const lag = await this.history.recentScheduleLag(windowSeconds);
      const lagging = (lag.p99PolicyDays ?? 0) > this.config.SCHEDULE_LAG_WARN_POLICY_DAYS;
      return { status: lagging ? 'lagging' : 'up', windowSeconds, ...lag };
    } catch {
      return { status: 'unknown', windowSeconds }; // PostgreSQL was just seen up; a failed look is not an outage
    }
  }
}
