import { JwtService } from '@nestjs/jwt';
import type { OfficerRole } from '../../workflows/definitions/case';

/** The `iss` of HS256 development tokens; the audit trail shows it as the subject's issuer. */
export const DEVELOPMENT_TOKEN_ISSUER = 'parkflow-development';

/** The claims of a development token, in the contract's names. */
export interface DevelopmentClaims {
  sub: string;
  role: OfficerRole;
  district?: string;
  /** The officer's email address and display name, as a provider's token carries them (the officer directory). */
  email?: string;
  name?: string;
}

/**
 * An HS256 token signed with `secret` for `npm run dev`, `npm run token`, the tests and the drills: it meets the
 * token rules (an `exp`, a lifetime within the bound, the development issuer). Signing is synchronous so a test's
 * officer gets a token without awaiting; the API verifies tokens with `jose`.
 */
export function signDevelopmentToken(claims: DevelopmentClaims, secret: string, lifetimeSeconds = 3_600): string {
  const { sub, role, district, email, name } = claims;
  const payload = {
    sub,
    role,
    ...(district ? { district } : {}),
    ...(email ? { email } : {}),
    ...(name ? { name } : {}),
  };
  return new JwtService({ secret }).sign(payload, {
    algorithm: 'HS256',
    expiresIn: lifetimeSeconds,
    issuer: DEVELOPMENT_TOKEN_ISSUER,
  });
}
