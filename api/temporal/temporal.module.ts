import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '../config/app-config';
import { CaseWorkflowsService } from './case-workflows.service';
import { TEMPORAL_CLIENT } from './temporal-client.token';

/**
 * Owns the Temporal client. The connection is lazy (no I/O while the module graph is built); it is opened
 * by the first call and closed on shutdown.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new Client({
          connection: Connection.lazy({ address: config.TEMPORAL_ADDRESS }),
          namespace: config.TEMPORAL_NAMESPACE,
        }),
    },
    CaseWorkflowsService,
  ],
  exports: [TEMPORAL_CLIENT, CaseWorkflowsService],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
