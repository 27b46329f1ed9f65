import { Controller, Get, HttpStatus, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import { DatabaseHealthRepository } from '../../persistence/repositories/database-health.repository';
import { Public } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { AppConfig } from '../config/app-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.token';
import { LIVE_POLLER_MS, workerIsPolling } from '../temporal/worker-presence';

type Check = { status: 'up' } | { status: 'down'; error: string };

async function check(probe: () => Promise<unknown>): Promise<Check> {
  try {
    await probe();
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  }
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseHealthRepository,
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
      'workflow task queue in the last 70 s (the test the API makes before sending an action).',
  })
  @ApiResponse({ status: 200, description: 'every check is up' })
  @ApiResponse({
    status: 503,
    description:
      "not ready: `details` names each check that is down (field: 'postgres' | 'temporal' | 'worker') and why",
  })
  async ready(): Promise<{ status: 'ok'; checks: Record<string, Check> }> {
    const deadline = Date.now() + 3000;
    const [postgres, temporal, worker] = await Promise.all([
      check(() => this.database.ping()),
      check(() => this.client.withDeadline(deadline, () => this.client.workflowService.getSystemInfo({}))),
      check(async () => {
        const { TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE } = this.config;
        if (!(await workerIsPolling(this.client, TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE, deadline))) {
          throw new Error(
            `no parkflow worker has polled task queue '${TEMPORAL_TASK_QUEUE}' in the last ${LIVE_POLLER_MS / 1000} s`,
          );
        }
      }),
    ]);
    const checks = { postgres, temporal, worker };
    const down = Object.entries(checks).filter(([, c]) => c.status === 'down');
    if (down.length > 0) {
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'not_ready',
        `not ready: ${down.map(([name]) => name).join(', ')} down`,
        down.map(([field, c]) => ({ field, message: 'error' in c ? c.error : 'down' })),
      );
    }
    return { status: 'ok', checks };
  }
}
