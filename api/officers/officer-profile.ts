import { isEmail } from 'class-validator';
import type { OfficerFacts } from '../../persistence/repositories/officers.repository';
import type { Actor } from '../../workflows/definitions/case';
import { claimAt } from '../auth/claims';
import { DEVELOPMENT_TOKEN_ISSUER } from '../auth/development-token';

/** Where a token keeps the officer's email address and display name (dot paths: AUTH_EMAIL_CLAIM, AUTH_NAME_CLAIM). */
export interface ProfileClaims {
  emailClaim: string;
  nameClaim: string;
}

/** The contract's names, as HS256 development tokens carry them (whatever the provider's are configured to be). */
export const CONTRACT_PROFILE_CLAIMS: ProfileClaims = { emailClaim: 'email', nameClaim: 'name' };

/** The longest display name recorded (a provider's name claim is free text). */
const MAX_NAME_LENGTH = 200;

const emailIn = (value: unknown): string | undefined => {
  const email = typeof value === 'string' ? value.trim() : '';
  return email.length <= 254 && isEmail(email) ? email : undefined;
};

const nameIn = (value: unknown): string | undefined => {
  // eslint-disable-next-line no-control-regex -- a name with control characters is not one to show or email
  const name = typeof value === 'string' && !/[\u0000-\u001f\u007f]/.test(value) ? value.trim() : '';
  return name && name.length <= MAX_NAME_LENGTH ? name : undefined;
};

/**
 * The officer a verified token describes, for the officer directory: the actor's subject, role and district, and the
 * token's email address and display name where it carries usable ones (a malformed address is not recorded: it
 * would only bounce). Development tokens name them as the contract does; a provider's tokens as configured.
 */
export function officerOf(
  actor: Actor,
  claims: Readonly<Record<string, unknown>>,
  configured: ProfileClaims,
): OfficerFacts {
  const names = actor.issuer === DEVELOPMENT_TOKEN_ISSUER ? CONTRACT_PROFILE_CLAIMS : configured;
  const email = emailIn(claimAt(claims, names.emailClaim));
  const displayName = nameIn(claimAt(claims, names.nameClaim));
  return {
    subject: actor.id,
    role: actor.role,
    district: actor.district ?? null,
    ...(email ? { email } : {}),
    ...(displayName ? { displayName } : {}),
  };
}
