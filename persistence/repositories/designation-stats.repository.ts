import type { ParkKindCode } from '../../workflows/definitions/application';
import type { DistrictReference } from '../reference/chongqing-districts';
import type { Database } from './database';

/** The instant parks are counted at: designated up to it (at it too when `inclusive`) and not revoked by then. */
export interface CountedAt {
  instant: string;
  inclusive: boolean;
}

/** One designated park, with its district. */
export interface DesignatedPark {
  caseId: string;
  parkName: string;
  district: DistrictReference;
  /** R-APP-9: `parkKind.kind` of the application the case holds; null when it states none. */
  kind: ParkKindCode | null;
  designatedAt: Date;
}

/**
 * Which parks are designated (`park_cases` with their `districts`): a park counts from designation until revocation.
 */
export class DesignationStatsRepository {
  constructor(private readonly db: Database) {}

  /**
   * The parks designated at `countedAt`, or, without it, designated now as the read model stands; by district,
   * then designation instant.
   */
  async designatedParks(countedAt?: CountedAt): Promise<DesignatedPark[]> {
    const [where, params] = designatedAt(countedAt);
    const rows: Array<{
      case_id: string;
      park_name: string;
      district: string;
      name: string;
      name_en: string;
      kind: ParkKindCode | null;
      designated_at: Date;
    }> = await this.db.query(
      `SELECT c.case_id, c.park_name, c.district, d.name, d.name_en, c.designated_at,
              c.snapshot->'application'->'parkKind'->>'kind' AS kind
       FROM park_cases c JOIN districts d ON d.code = c.district
       WHERE ${where}
       ORDER BY c.district, c.designated_at, c.case_id`,
      params,
    );
    return rows.map((row) => ({
      caseId: row.case_id,
      parkName: row.park_name,
      district: { code: row.district, name: row.name, nameEn: row.name_en },
      kind: row.kind,
      designatedAt: row.designated_at,
    }));
  }
}

/** The condition on `park_cases c` (and its parameters) that keeps the parks designated at `countedAt`. */
function designatedAt(countedAt: CountedAt | undefined): [string, string[]] {
  if (countedAt === undefined) return ['c.designated_at IS NOT NULL AND c.revoked_at IS NULL', []];
  const where = countedAt.inclusive
    ? 'c.designated_at <= $1 AND (c.revoked_at IS NULL OR c.revoked_at > $1)'
    : 'c.designated_at < $1 AND (c.revoked_at IS NULL OR c.revoked_at >= $1)';
  return [where, [countedAt.instant]];
}
