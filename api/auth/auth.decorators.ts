import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiErrors } from '../common/openapi';
import type { Actor, OfficerRole } from '../../workflows/definitions/case';

export const IS_PUBLIC = 'parkflow:public';
export const ALLOWED_ROLES = 'parkflow:roles';

/** The route needs no bearer token (health, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; others get 403 (documented with the route). */
export const Roles = (...roles: OfficerRole[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ALLOWED_ROLES, roles), ApiErrors(403));

export interface AuthenticatedRequest {
  actor?: Actor;
  /** The verified token's claims, beside the actor (the officer directory reads email and name there). */
  claims?: Readonly<Record<string, unknown>>;
}

/** The authenticated caller, set by the auth guard. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
