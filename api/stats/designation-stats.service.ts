import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { endOfDay, isCivilDate } from '../../workflows/definitions/civil-date';
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

/** Which parks count: the SQL condition on `park_cases c` and its parameters. */
interface Counted {
  where: string;
  params: string[];
  at: string | null;
  date: string | null;
}

/**
 * A park counts from its designation until its revocation (R-EVL-1: the plaque is withdrawn).
 * - no `at`: designated now as the read model stands. Policy time runs per case (POLICY_TIME_SCALE from its opening),
 *   so its dates are never compared with the real clock.
 * - a Chongqing day D (R-CAL-1): designated before D 24:00 Chongqing and not revoked by then.
 * - an instant: designated at or before it and not revoked by then.
 */
function counted(at: string | undefined): Counted {
  if (at === undefined) {
    return { where: 'c.designated_at IS NOT NULL AND c.revoked_at IS NULL', params: [], at: null, date: null };
  }
  if (isCivilDate(at)) {
    const end = endOfDay(at);
    const where = 'c.designated_at < $1 AND (c.revoked_at IS NULL OR c.revoked_at >= $1)';
    return { where, params: [end], at: end, date: at };
  }
  const instant = new Date(at).toISOString();
  const where = 'c.designated_at <= $1 AND (c.revoked_at IS NULL OR c.revoked_at > $1)';
  return { where, params: [instant], at: instant, date: null };
}

/** §3 programme target: how many parks are designated, in total and per district, now or at any date. */
@Injectable()
export class DesignationStatsService {
  constructor(private readonly dataSource: DataSource) {}

  /** `at`: a Chongqing day `YYYY-MM-DD`, an ISO 8601 instant, or absent (now); validated by the query DTO. */
  async at(atQuery: string | undefined): Promise<DesignationStats> {
    const { where, params, at, date } = counted(atQuery);
    const rows: ParkRow[] = await this.dataSource.query(
      `SELECT c.case_id, c.park_name, c.district, d.name, d.name_en, c.designated_at
       FROM park_cases c JOIN districts d ON d.code = c.district
       WHERE ${where}
       ORDER BY c.district, c.designated_at, c.case_id`,
      params,
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
      date,
      total: rows.length,
      byDistrict: [...byDistrict.values()],
      parks: rows.map((row) => ({ caseId: row.case_id, parkName: row.park_name, district: row.district, designatedAt: row.designated_at.toISOString() })),
      target: { parks: programmeTargetParks, byEndOf: programmeTargetYear, met: rows.length >= programmeTargetParks },
    };
  }
}
