import { HttpStatus } from '@nestjs/common';
import type { CaseScope } from '../../persistence/repositories/case-scope';
import type { Actor, CaseSnapshot } from '../../workflows/definitions/case';
import { ApiError } from '../common/api-error';
import { text } from '../i18n/localized-text';

/** api-contract "Identity": district officers see their district's cases, experts their panels' cases. */
export function maySee(actor: Actor, snapshot: Pick<CaseSnapshot, 'district' | 'panel'>): boolean {
  if (actor.role === 'district') return actor.district === snapshot.district;
  if (actor.role === 'expert') return !!snapshot.panel?.expertIds.includes(actor.id);
  return true;
}

/**
 * The cases a list may show `actor`. A district officer filtering on another district is told so (403) rather
 * than shown an empty list that looks like "none".
 */
export function caseScopeOf(actor: Actor, requestedDistrict?: string): CaseScope {
  if (actor.role === 'district') {
    const district = districtOf(actor);
    if (requestedDistrict && requestedDistrict !== district) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', text('errors.ownDistrictCases', { district }), [
        { field: 'district', message: text('errors.mustBeOwnDistrictOrAbsent', { district }) },
      ]);
    }
    return { kind: 'district', district };
  }
  if (actor.role === 'expert') return { kind: 'panel', expertId: actor.id };
  return { kind: 'all' };
}

/** A district officer's district: `claims.ts` admits no district token without one. */
export function districtOf(actor: Actor): string {
  if (actor.district === undefined) throw new Error(`district officer ${actor.id} has no district`);
  return actor.district;
}
