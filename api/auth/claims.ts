import { OFFICER_ROLES, type Actor, type OfficerRole } from '../../workflows/definitions/case';
import { DISTRICT_CODES } from '../../persistence/reference/chongqing-districts';
import { MAX_SUBJECT_LENGTH, refused } from './token-rules';

/** Where the claims keep the officer's role and district, and the provider's role names (api-contract "Identity"). */
export interface ClaimMapping {
  subjectClaim: string;
  roleClaim: string;
  districtClaim: string;
  roleMap: Record<string, OfficerRole>;
}

/** The contract's own claim names: `role` and `district`, as HS256 development tokens carry them. */
export const CONTRACT_CLAIMS: ClaimMapping = {
  subjectClaim: 'sub',
  roleClaim: 'role',
  districtClaim: 'district',
  roleMap: {},
};

/** The value at a dot path (`realm_access.roles`); a claim whose name itself has dots is found first. */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** The one contract role among the token's roles (a provider grants others too, e.g. Keycloak's `offline_access`). */
function roleOf(claims: Record<string, unknown>, mapping: ClaimMapping): OfficerRole {
  const granted = asList(claimAt(claims, mapping.roleClaim)).filter((role): role is string => typeof role === 'string');
  const roles = [...new Set(granted.map((role) => mapping.roleMap[role] ?? role))].filter((role): role is OfficerRole =>
    (OFFICER_ROLES as readonly string[]).includes(role),
  );
  if (roles.length === 1) return roles[0];
  const claim = mapping.roleClaim;
  if (roles.length === 0) throw refused('token.role', 'roleMissing', { claim, roles: [...OFFICER_ROLES] });
  throw refused('token.role', 'severalRoles', { claim, roles });
}

/**
 * Turns verified claims into the {@link Actor} who acts, or refuses them: `sub` non-empty and at most
 * {@link MAX_SUBJECT_LENGTH} characters, exactly one contract role, and for `district` a known district code.
 * `issuer` is who vouched for the subject; the audit trail records both.
 */
export function actorFromClaims(claims: Record<string, unknown>, mapping: ClaimMapping, issuer: string): Actor {
  const sub = claimAt(claims, mapping.subjectClaim);
  if (typeof sub !== 'string' || sub.trim() === '')
    throw refused('token.subject', 'subjectClaim', { claim: mapping.subjectClaim });
  if (sub.length > MAX_SUBJECT_LENGTH) throw refused('token.subject', 'subjectTooLong', { max: MAX_SUBJECT_LENGTH });
  const role = roleOf(claims, mapping);
  if (role !== 'district') return { id: sub, role, issuer };
  const [district, ...more] = asList(claimAt(claims, mapping.districtClaim));
  if (typeof district !== 'string' || more.length > 0 || !DISTRICT_CODES.has(district)) {
    throw refused('token.district', 'district', { claim: mapping.districtClaim });
  }
  return { id: sub, role: 'district', district, issuer };
}
