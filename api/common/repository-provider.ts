import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Database } from '../../persistence/repositories/database';

/**
 * Provides a repository of `persistence/repositories/` (a plain class, free of NestJS) built on the API's
 * DataSource, injectable by its class.
 */
export const repositoryProvider = <R>(repository: new (db: Database) => R): Provider<R> => ({
  provide: repository,
  useFactory: (dataSource: DataSource) => new repository(dataSource),
  inject: [DataSource],
});
