import { Controller, Get, HttpStatus, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.token';

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
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'PostgreSQL and Temporal answer (503 otherwise)' })
  async ready(): Promise<{ status: 'ok'; checks: Record<string, Check> }> {
    const deadline = Date.now() + 3000;
    const [postgres, temporal] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.client.withDeadline(deadline, () => this.client.workflowService.getSystemInfo({}))),
    ]);
    const checks = { postgres, temporal };
    if (postgres.status === 'down' || temporal.status === 'down') {
      const down = Object.entries(checks).filter(([, c]) => c.status === 'down');
      throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'not_ready', 'a dependency is down', down.map(([field, c]) => ({ field, message: 'error' in c ? c.error : 'down' })));
    }
    return { status: 'ok', checks };
  }
}
