import type { CountedAt } from '../../persistence/repositories/designation-stats.repository';
import { endOfDay } from '../../workflows/definitions/civil-date';
import type { PolicyConfig } from '../../workflows/definitions/policy';

/**
 * R-STAT-1 (§3): the programme target is a count *by a year* — about `programmeTargetParks` parks designated by the end
 * of `programmeTargetYear` (both in the one policy configuration) — judged only once that year has ended.
 */
export interface TargetPlan {
  parks: number;
  byEndOf: number;
  /** Where to count the parks designated by then: the end of 31 December, or the instant asked for when earlier. */
  countedAt: CountedAt;
  /** Whether the year has ended at the instant the answer is for: until then `met` is null. */
  judged: boolean;
}

/**
 * The target's plan for an answer about `asOf` (the instant asked for, or now), counted at `asked` (the statistics'
 * own counting instant, absent for "now"): a count as of 31 December 24:00 Chongqing of the target year (R-CAL-1),
 * or as of `asked` when that is earlier — a park designated after the instant asked about is not known then.
 */
export function targetPlan(policy: PolicyConfig, asOf: string, asked: CountedAt | undefined): TargetPlan {
  const yearEnd = endOfDay(`${policy.programmeTargetYear}-12-31`);
  const countedAt =
    asked && Date.parse(asked.instant) < Date.parse(yearEnd) ? asked : { instant: yearEnd, inclusive: false };
  return {
    parks: policy.programmeTargetParks,
    byEndOf: policy.programmeTargetYear,
    countedAt,
    judged: Date.parse(asOf) >= Date.parse(yearEnd),
  };
}

/** R-STAT-1: the target as the statistics answer it; `met` null until the year has ended. */
export const targetOf = ({ parks, byEndOf, judged }: TargetPlan, designatedByThen: number) => ({
  parks,
  byEndOf,
  designatedByThen,
  met: judged ? designatedByThen >= parks : null,
});
