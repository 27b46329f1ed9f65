import { HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { OfficerRole } from '../../workflows/definitions/case';
import { ApiError } from '../common/api-error';
import { dependencyUnavailableError } from '../common/dependency-errors';
import { ALLOWED_ROLES, IS_PUBLIC, type AuthenticatedRequest } from './auth.decorators';
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
    if (scheme !== 'Bearer' || !token)
      throw unauthorized('token.format', 'a bearer token is required (Authorization: Bearer <JWT>)');

    try {
      request.actor = await this.tokens.actorOf(token);
    } catch (error) {
      const { name, rule, message } = error as { name?: string; rule?: string; message: string };
      if (name === 'TokenRefused') throw unauthorized(rule as string, message);
      if (name === 'IdentityProviderUnreachable') throw dependencyUnavailableError({ dependency: 'identity', message });
      throw error;
    }

    const roles = this.reflector.getAllAndOverride<OfficerRole[] | undefined>(ALLOWED_ROLES, targets);
    const { role } = request.actor;
    if (roles && !roles.includes(role)) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'forbidden',
        `role '${role}' may not do this; allowed: ${roles.join(', ')}`,
      );
    }
    return true;
  }
}

const unauthorized = (rule: string, message: string): ApiError =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', `the bearer token is refused: ${message} (${rule})`, [
    { field: 'Authorization', rule, message },
  ]);
