import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { connectTemporalClient, type TemporalClientAccess } from '../../config/temporal-access';
import { WorkerHeartbeatsRepository } from '../../persistence/repositories/worker-heartbeats.repository';
import { repositoryProvider } from '../common/repository-provider';
import { AppConfig } from '../config/app-config';
import { TEMPORAL_ACCESS, TEMPORAL_CLIENT } from './temporal-client.token';
import { TemporalGateway } from './temporal-gateway';
import { WorkerPresence } from './worker-presence';

/**
 * Owns the Temporal client, which only {@link TemporalGateway} uses (the module exports the gateway, not the client).
 * Its TLS files and first service token are read while the module graph is built (a wrong one stops the API at
 * start); the connection itself is lazy, opened by the first call and closed on shutdown, with the token's renewal.
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
    TemporalGateway,
    WorkerPresence,
  ],
  exports: [TEMPORAL_ACCESS, TemporalGateway, WorkerPresence],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_ACCESS) private readonly access: TemporalClientAccess) {}

  async onApplicationShutdown(): Promise<void> {
    await this.access.close();
  }
}
