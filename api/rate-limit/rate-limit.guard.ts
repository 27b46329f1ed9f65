import { HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { text } from '../i18n/localized-text';
import { AppConfig } from '../config/app-config';
import { TokenBuckets } from './token-buckets';

/**
 * Rate limiting per caller (JWT role and subject), after authentication so a forged token cannot drain
 * someone else's budget: over `RATE_LIMIT_BURST` at once or `RATE_LIMIT_PER_MINUTE` sustained → 429 with
 * `Retry-After`. Public routes (health, docs) are not limited. Limits hold per API instance.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly buckets: TokenBuckets;

  constructor(config: AppConfig) {
    this.buckets = new TokenBuckets(config.RATE_LIMIT_PER_MINUTE, config.RATE_LIMIT_BURST);
  }

  canActivate(context: ExecutionContext): boolean {
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor) return true;
    const waitMs = this.buckets.take(`${actor.role}:${actor.id}`, Date.now());
    if (waitMs === 0) return true;
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfterSeconds));
    throw new ApiError(
      HttpStatus.TOO_MANY_REQUESTS,
      'rate_limited',
      text('errors.rateLimited', { officer: actor.id, role: actor.role, seconds: retryAfterSeconds }),
    );
  }
}
