import type { ParkKindCode } from '../../workflows/definitions/application';
import { PUBLISHED_STAGES, type PublishedStage } from '../../workflows/definitions/case';
import type { DistrictReference } from '../reference/chongqing-districts';
import type { Database } from './database';

/** One park on the published list, with only what may be published (no case id, money or officers). */
export interface PublishedParkRecord {
  parkName: string;
  district: DistrictReference;
  /** R-APP-9: `parkKind.kind` of the application the case holds; null when it states none. */
  kind: ParkKindCode | null;
  certificateNo: string;
  designatedAt: Date;
  stage: PublishedStage;
}

/** The published list of designated parks, read from the case read model (`park_cases` with their `districts`). */
export class PublishedParksRepository {
  constructor(private readonly db: Database) {}

  /**
   * The parks on the list now: cases in a published stage (a revoked park has left it), by district, then
   * designation instant, then name.
   */
  async onTheList(): Promise<PublishedParkRecord[]> {
    const rows: Array<{
      park_name: string;
      district: string;
      name: string;
      name_en: string;
      kind: ParkKindCode | null;
      certificate_no: string;
      designated_at: Date;
      stage: PublishedStage;
    }> = await this.db.query(
      `SELECT c.park_name, c.district, d.name, d.name_en, c.stage, c.designated_at,
              c.snapshot->'application'->'parkKind'->>'kind' AS kind,
              c.snapshot->'designation'->>'certificateNo' AS certificate_no
       FROM park_cases c JOIN districts d ON d.code = c.district
       WHERE c.stage = ANY($1) AND c.designated_at IS NOT NULL
       ORDER BY c.district, c.designated_at, c.park_name, c.case_id`,
      [PUBLISHED_STAGES],
    );
    return rows.map((row) => ({
      parkName: row.park_name,
      district: { code: row.district, name: row.name, nameEn: row.name_en },
      kind: row.kind,
      certificateNo: row.certificate_no,
      designatedAt: row.designated_at,
      stage: row.stage,
    }));
  }
}
