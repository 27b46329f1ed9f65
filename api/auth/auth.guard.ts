import { HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { OfficerRole } from '../../workflows/definitions/case';
import { ApiError } from '../common/api-error';
import { text, type LocalizedText } from '../i18n/localized-text';
import { dependencyUnavailableError } from '../common/dependency-errors';
import { ALLOWED_ROLES, IS_PUBLIC, type AuthenticatedRequest } from './auth.decorators';
import type { IdentityProviderUnreachable, TokenRefused } from './token-rules';
import { TokenVerifier } from './token-verifier';

/**
 * Bearer JWT on every route but the public ones, then the route's role list: 401 naming the broken token rule,
 * 403 for a role that may not act, 503 when the identity provider's keys cannot be fetched.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<AuthenticatedRequest & { headers: Record<string, string | undefined> }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthorized('token.format', text('errors.token.required'));

    try {
      ({ actor: request.actor, claims: request.claims } = await this.tokens.verify(token));
    } catch (error) {
      const { name, rule, reason, detail } = error as Partial<TokenRefused & IdentityProviderUnreachable>;
      if (name === 'TokenRefused') throw unauthorized(rule as string, reason as LocalizedText);
      if (name === 'IdentityProviderUnreachable') {
        const outage = text('errors.outage.identityUnreachable', { detail: String(detail) });
        throw dependencyUnavailableError({ dependency: 'identity', reason: outage });
      }
      throw error;
    }

    const roles = this.reflector.getAllAndOverride<OfficerRole[] | undefined>(ALLOWED_ROLES, targets);
    const { role } = request.actor;
    if (roles && !roles.includes(role)) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', text('errors.roleMayNot', { role, allowed: roles }));
    }
    return true;
  }
}

const unauthorized = (rule: string, reason: LocalizedText): ApiError =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', text('errors.tokenRefused', { reason: reason.$text, rule }), [
    { field: 'Authorization', rule, message: reason },
  ]);
