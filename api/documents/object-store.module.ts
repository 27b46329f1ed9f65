import { Global, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DocumentObjects } from '../../persistence/object-store/document-objects';
import { AppConfig } from '../config/app-config';

/**
 * Owns the object store's client (issue 25), injectable as {@link DocumentObjects} by the documents' routes and the
 * readiness check. At start it makes sure the bucket exists — in the background: a store that is down then does not
 * stop the API (readiness says so, uploads answer 503), and the first upload asks again.
 */
@Global()
@Module({
  providers: [
    { provide: DocumentObjects, inject: [AppConfig], useFactory: (config: AppConfig) => new DocumentObjects(config) },
  ],
  exports: [DocumentObjects],
})
export class ObjectStoreModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ObjectStore');

  constructor(private readonly objects: DocumentObjects) {}

  onApplicationBootstrap(): void {
    this.objects
      .ensureBucket()
      .catch((error: unknown) =>
        this.logger.warn(`the documents' bucket could not be checked at start: ${(error as Error)?.message ?? error}`),
      );
  }

  onApplicationShutdown(): void {
    this.objects.close();
  }
}
