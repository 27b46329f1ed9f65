import { OFFICER_ROLES, type Actor, type OfficerRole } from '../../workflows/definitions/case';
import { DISTRICT_CODES } from '../../persistence/reference/chongqing-districts';

/**
 * Turns verified JWT claims into an {@link Actor}, or says what is wrong with them: `sub` non-empty, `role`
 * one of the four, and for `district` a known district code (api-contract "Identity").
 */
export function actorFromClaims(claims: Record<string, unknown>): Actor | string {
  const { sub, role, district } = claims;
  if (typeof sub !== 'string' || sub.trim() === '') return 'the token has no subject (sub)';
  if (typeof role !== 'string' || !(OFFICER_ROLES as readonly string[]).includes(role)) {
    return `the token's role must be one of ${OFFICER_ROLES.join(', ')}`;
  }
  if (role !== 'district') return { id: sub, role: role as OfficerRole };
  if (typeof district !== 'string' || !DISTRICT_CODES.has(district)) {
    return 'a district token must name a known district code (GET /v1/districts)';
  }
  return { id: sub, role: 'district', district };
}
