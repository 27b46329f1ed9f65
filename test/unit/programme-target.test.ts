import { targetOf, targetPlan } from '../../api/stats/programme-target';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';

/**
 * R-STAT-1 (§3): the programme target — about 5 parks by the end of 2022 (policy defaults) — is judged only once that
 * year has ended (31 December 24:00 Chongqing = 16:00 UTC); before then `met` is null. Today's count is separate.
 */
const END_OF_2022 = '2022-12-31T16:00:00.000Z';

describe('R-STAT-1 programme target', () => {
  it('R-STAT-1 the threshold and the year come from the policy configuration (5 by the end of 2022)', () => {
    expect(targetPlan(DEFAULT_POLICY, '2026-01-01T00:00:00.000Z', undefined)).toEqual({
      parks: 5,
      byEndOf: 2022,
      countedAt: { instant: END_OF_2022, inclusive: false },
      judged: true,
    });
    const plan = targetPlan(
      { ...DEFAULT_POLICY, programmeTargetParks: 8, programmeTargetYear: 2027 },
      END_OF_2022,
      undefined,
    );
    expect(plan).toMatchObject({ parks: 8, byEndOf: 2027, judged: false });
  });

  it('R-STAT-1 met is null until the year has ended in Chongqing, then designatedByThen ≥ parks', () => {
    const before = targetPlan(DEFAULT_POLICY, '2022-12-31T15:59:59.999Z', undefined);
    expect(targetOf(before, 7)).toEqual({ parks: 5, byEndOf: 2022, designatedByThen: 7, met: null });
    const after = targetPlan(DEFAULT_POLICY, END_OF_2022, undefined);
    expect(targetOf(after, 5).met).toBe(true);
    expect(targetOf(after, 4).met).toBe(false);
  });

  it('R-STAT-1 parks are counted at the end of the year, or at the instant asked about when that is earlier', () => {
    const earlier = { instant: '2022-06-30T16:00:00.000Z', inclusive: false };
    expect(targetPlan(DEFAULT_POLICY, earlier.instant, earlier).countedAt).toEqual(earlier);
    const later = { instant: '2024-06-30T16:00:00.000Z', inclusive: false };
    expect(targetPlan(DEFAULT_POLICY, later.instant, later).countedAt).toEqual({
      instant: END_OF_2022,
      inclusive: false,
    });
  });
});
