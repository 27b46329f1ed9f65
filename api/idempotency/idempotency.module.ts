import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyKeysRepository } from '../../persistence/repositories/idempotency-keys.repository';
import { repositoryProvider } from '../common/repository-provider';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency.store';

/** Replays the first response of a repeated `Idempotency-Key` on every state-changing POST. */
@Module({
  providers: [
    repositoryProvider(IdempotencyKeysRepository),
    IdempotencyStore,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class IdempotencyModule {}
