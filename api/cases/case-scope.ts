import { HttpStatus } from '@nestjs/common';
import type { Actor, CaseSnapshot } from '../../workflows/definitions/case';
import { ApiError } from '../common/api-error';
import type { SqlParams } from '../common/sql-params';

/** api-contract "Identity": district officers see their district's cases, experts their panels' cases. */
export function maySee(actor: Actor, snapshot: Pick<CaseSnapshot, 'district' | 'panel'>): boolean {
  if (actor.role === 'district') return actor.district === snapshot.district;
  if (actor.role === 'expert') return !!snapshot.panel?.expertIds.includes(actor.id);
  return true;
}

/**
 * The SQL condition on `park_cases` alias `c` that limits a list to what `actor` may see. A district officer
 * filtering on another district is told so (403) rather than shown an empty list that looks like "none".
 */
export function scopeCondition(actor: Actor, params: SqlParams, requestedDistrict?: string): string {
  if (actor.role === 'district') {
    if (requestedDistrict && requestedDistrict !== actor.district) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', `a district officer sees the cases of district ${actor.district} only`, [
        { field: 'district', message: `must be ${actor.district} or absent` },
      ]);
    }
    return `c.district = ${params.add(actor.district)}`;
  }
  if (actor.role === 'expert') return `(c.snapshot->'panel'->'expertIds') ? ${params.add(actor.id)}`;
  return 'TRUE';
}
