import type { EntityManager } from 'typeorm';

/**
 * What a repository runs its statements on: the `DataSource` (each statement on a pooled connection of its own)
 * or the `EntityManager` of a transaction, so that one use case can write through several repositories atomically.
 */
export type Database = Pick<EntityManager, 'query' | 'transaction' | 'getRepository'>;
