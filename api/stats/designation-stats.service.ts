import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import type { DesignationStats } from './designation-stats.dto';

interface ParkRow {
  case_id: string;
  park_name: string;
  district: string;
  name: string;
  name_en: string;
  designated_at: Date;
}

/** §3 programme target: how many parks are designated, in total and per district, at any date. */
@Injectable()
export class DesignationStatsService {
  constructor(private readonly dataSource: DataSource) {}

  /** A park counts from its designation until its revocation (R-EVL-1: the plaque is withdrawn). */
  async at(atIso: string | undefined): Promise<DesignationStats> {
    const at = new Date(atIso ?? Date.now()).toISOString();
    const rows: ParkRow[] = await this.dataSource.query(
      `SELECT c.case_id, c.park_name, c.district, d.name, d.name_en, c.designated_at
       FROM park_cases c JOIN districts d ON d.code = c.district
       WHERE c.designated_at <= $1 AND (c.revoked_at IS NULL OR c.revoked_at > $1)
       ORDER BY c.district, c.designated_at, c.case_id`,
      [at],
    );
    const byDistrict = new Map<string, DesignationStats['byDistrict'][number]>();
    for (const row of rows) {
      const entry = byDistrict.get(row.district) ?? { district: row.district, name: row.name, nameEn: row.name_en, designated: 0 };
      entry.designated += 1;
      byDistrict.set(row.district, entry);
    }
    const { programmeTargetParks, programmeTargetYear } = DEFAULT_POLICY;
    return {
      at,
      total: rows.length,
      byDistrict: [...byDistrict.values()],
      parks: rows.map((row) => ({ caseId: row.case_id, parkName: row.park_name, district: row.district, designatedAt: row.designated_at.toISOString() })),
      target: { parks: programmeTargetParks, byEndOf: programmeTargetYear, met: rows.length >= programmeTargetParks },
    };
  }
}
