import { Injectable } from '@nestjs/common';
import {
  DesignationStatsRepository,
  type CountedAt,
} from '../../persistence/repositories/designation-stats.repository';
import { endOfDay, isCivilDate } from '../../workflows/definitions/civil-date';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import type { DesignationStats } from './designation-stats.dto';

/** Which parks count, and the instant and day the answer names. */
interface Counted {
  countedAt: CountedAt | undefined;
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
  if (at === undefined) return { countedAt: undefined, at: null, date: null };
  if (isCivilDate(at)) {
    const end = endOfDay(at);
    return { countedAt: { instant: end, inclusive: false }, at: end, date: at };
  }
  const instant = new Date(at).toISOString();
  return { countedAt: { instant, inclusive: true }, at: instant, date: null };
}

/** §3 programme target: how many parks are designated, in total and per district, now or at any date. */
@Injectable()
export class DesignationStatsService {
  constructor(private readonly designations: DesignationStatsRepository) {}

  /** `at`: a Chongqing day `YYYY-MM-DD`, an ISO 8601 instant, or absent (now); validated by the query DTO. */
  async at(atQuery: string | undefined): Promise<DesignationStats> {
    const { countedAt, at, date } = counted(atQuery);
    const parks = await this.designations.designatedParks(countedAt);
    const byDistrict = new Map<string, DesignationStats['byDistrict'][number]>();
    for (const { district } of parks) {
      const entry = byDistrict.get(district.code) ?? {
        district: district.code,
        name: district.name,
        nameEn: district.nameEn,
        designated: 0,
      };
      entry.designated += 1;
      byDistrict.set(district.code, entry);
    }
    const { programmeTargetParks, programmeTargetYear } = DEFAULT_POLICY;
    return {
      at,
      date,
      total: parks.length,
      byDistrict: [...byDistrict.values()],
      parks: parks.map((park) => ({
        caseId: park.caseId,
        parkName: park.parkName,
        district: park.district.code,
        designatedAt: park.designatedAt.toISOString(),
      })),
      target: { parks: programmeTargetParks, byEndOf: programmeTargetYear, met: parks.length >= programmeTargetParks },
    };
  }
}
