import { Injectable } from '@nestjs/common';
import {
  DesignationStatsRepository,
  type CountedAt,
  type DesignatedPark,
} from '../../persistence/repositories/designation-stats.repository';
import { endOfDay, isCivilDate } from '../../workflows/definitions/civil-date';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import type { DesignationStats } from './designation-stats.dto';
import { targetOf, targetPlan } from './programme-target';

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
    // R-STAT-1: judged at the instant asked about, or now (the real clock: the programme's years are calendar years).
    const plan = targetPlan(DEFAULT_POLICY, at ?? new Date().toISOString(), countedAt);
    const [parks, byThen] = await Promise.all([
      this.designations.designatedParks(countedAt),
      this.designations.designatedParks(plan.countedAt),
    ]);
    return {
      at,
      date,
      total: parks.length,
      byDistrict: tally(
        parks,
        (park) => park.district.code,
        (park) => ({
          district: park.district.code,
          name: park.district.name,
          nameEn: park.district.nameEn,
        }),
      ),
      byKind: tally(
        parks,
        (park) => park.kind,
        (park) => ({ kind: park.kind }),
      ),
      parks: parks.map((park) => ({
        caseId: park.caseId,
        parkName: park.parkName,
        district: park.district.code,
        kind: park.kind,
        designatedAt: park.designatedAt.toISOString(),
      })),
      target: targetOf(plan, byThen.length),
    };
  }
}

/** The parks counted per `key` (district, kind), in the order each key first appears, with its `label` fields. */
function tally<Key, Label extends object>(
  parks: DesignatedPark[],
  key: (park: DesignatedPark) => Key,
  label: (park: DesignatedPark) => Label,
): Array<Label & { designated: number }> {
  const counts = new Map<Key, Label & { designated: number }>();
  for (const park of parks) {
    const entry = counts.get(key(park)) ?? { ...label(park), designated: 0 };
    entry.designated += 1;
    counts.set(key(park), entry);
  }
  return [...counts.values()];
}
