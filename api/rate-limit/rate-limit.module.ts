import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitGuard } from './rate-limit.guard';

/**
 * Rate limiting per authenticated caller, as a global guard. Imported after `AuthModule` in `AppModule`: global
 * guards run in the order their modules are imported, and the limit counts the caller the auth guard identified.
 */
@Module({ providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }] })
export class RateLimitModule {}
