import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { connectTemporalClient, type TemporalClientAccess } from '../../config/temporal-access';
import { WorkerHeartbeatsRepository } from '../../persistence/repositories/worker-heartbeats.repository';
import { repositoryProvider } from '../common/repository-provider';
import { AppConfig } from '../config/app-config';
import { CaseWorkflowsService } from './case-workflows.service';
import { TEMPORAL_ACCESS, TEMPORAL_CLIENT } from './temporal-client.token';
import { WorkerPresence } from './worker-presence';

/**
 * Owns the Temporal client. Its TLS files and first service token are read while the module graph is built (a wrong
 * one stops the API at start); the connection itself is lazy, opened by the first call and closed on shutdown, with
 * the token's renewal.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_ACCESS,
      inject: [AppConfig],
      useFactory: (config: AppConfig): Promise<TemporalClientAccess> => {
        const logger = new Logger('TemporalAccess');
        return connectTemporalClient(config, {
          lazy: true,
          warn: (message, fields) => logger.warn({ message, ...fields }),
        });
      },
    },
    {
      provide: TEMPORAL_CLIENT,
      inject: [TEMPORAL_ACCESS],
      useFactory: (access: TemporalClientAccess) => access.client,
    },
    repositoryProvider(WorkerHeartbeatsRepository),
    WorkerPresence,
    CaseWorkflowsService,
  ],
  exports: [TEMPORAL_ACCESS, TEMPORAL_CLIENT, WorkerPresence, CaseWorkflowsService],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_ACCESS) private readonly access: TemporalClientAccess) {}

  async onApplicationShutdown(): Promise<void> {
    await this.access.close();
  }
}
