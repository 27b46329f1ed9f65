import { HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { OfficerRole } from '../../workflows/definitions/case';
import { ApiError } from '../common/api-error';
import { ALLOWED_ROLES, IS_PUBLIC, type AuthenticatedRequest } from './auth.decorators';
import { actorFromClaims } from './claims';

/** Bearer JWT (HS256) on every route but the public ones; then the route's role list (401 / 403). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<AuthenticatedRequest & { headers: Record<string, string | undefined> }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthorized('a bearer token is required (Authorization: Bearer <JWT>)');

    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch (error) {
      throw unauthorized(`the bearer token is not valid: ${(error as Error).message}`);
    }
    const actor = actorFromClaims(claims);
    if (typeof actor === 'string') throw unauthorized(actor);
    request.actor = actor;

    const roles = this.reflector.getAllAndOverride<OfficerRole[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'forbidden',
        `role '${actor.role}' may not do this; allowed: ${roles.join(', ')}`,
      );
    }
    return true;
  }
}

const unauthorized = (message: string): ApiError => new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', message);
