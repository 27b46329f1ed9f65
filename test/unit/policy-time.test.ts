import { addPolicyDays, policyDateAt, policyDaysToMs, wallTimeAt } from '../../workflows/definitions/policy-time';

describe('policy time (api-contract "Time": POLICY_TIME_SCALE)', () => {
  it('a policy day lasts a day at scale 1 and a second at scale 86400', () => {
    expect(policyDaysToMs(30, 1)).toBe(30 * 86_400_000);
    expect(policyDaysToMs(30, 86_400)).toBe(30_000);
  });

  it('policy dates run faster than workflow time by the scale, counted from the case opening', () => {
    const opened = Date.parse('2026-01-01T00:00:00Z');
    expect(policyDateAt(opened, opened + 1000, 86_400).toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(policyDateAt(opened, opened + 5000, 1).toISOString()).toBe('2026-01-01T00:00:05.000Z');
  });

  it('wallTimeAt inverts policyDateAt, also for a clock advanced on a training stack', () => {
    const opened = { ms: Date.parse('2026-01-01T00:00:00Z'), iso: '2026-01-01T00:00:00.000Z' };
    for (const [scale, advanced] of [
      [1, 0],
      [86_400, 0],
      [86_400, 400],
      [1, 30],
    ]) {
      const policy = policyDateAt(opened.ms, opened.ms + 7_000, scale, advanced).toISOString();
      expect(wallTimeAt(policy, opened, scale, advanced).getTime()).toBe(opened.ms + 7_000);
    }
  });

  it('adds policy days to an ISO policy date', () => {
    expect(addPolicyDays('2026-11-26T00:00:00.000Z', 30)).toBe('2026-12-26T00:00:00.000Z');
  });
});
