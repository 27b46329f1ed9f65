import { ScheduleLagMonitor, WARN_EVERY_MS, type ObservedLag } from '../../worker/schedule-lag-monitor';

const lag = (lagPolicyDays: number, caseId = 'c1'): ObservedLag => ({
  lagPolicyDays,
  caseId,
  action: 'timer:report:2027:reminder',
  dueWallAt: '2027-03-01T00:00:00.000Z',
});

describe('the worker’s schedule lag monitor (issue 13: say so when the worker cannot keep up)', () => {
  it('says nothing while events are recorded within the threshold', () => {
    const warnings: unknown[] = [];
    const monitor = new ScheduleLagMonitor(1, (...w) => warnings.push(w));
    for (const days of [0, 0.2, 0.99, 1]) monitor.observe(lag(days));
    expect(warnings).toEqual([]);
  });

  it('warns at once past the threshold, then at most once per period with the worst lag and the count', () => {
    let now = 1_000_000;
    const warnings: Array<[string, Record<string, unknown>]> = [];
    const monitor = new ScheduleLagMonitor(
      1,
      (message, fields) => warnings.push([message, fields]),
      () => now,
    );
    monitor.observe(lag(1.5));
    expect(warnings).toHaveLength(1);
    expect(warnings[0][1]).toMatchObject({ lateEvents: 1, worstLagPolicyDays: 1.5, thresholdPolicyDays: 1 });
    monitor.observe(lag(3, 'c2'));
    monitor.observe(lag(2, 'c3'));
    now += WARN_EVERY_MS - 1;
    monitor.observe(lag(1.1));
    expect(warnings).toHaveLength(1);
    now += 1;
    monitor.observe(lag(1.2));
    expect(warnings).toHaveLength(2);
    expect(warnings[1][1]).toMatchObject({ lateEvents: 4, worstLagPolicyDays: 3, worstCase: 'c2' });
    expect(warnings[1][0]).toMatch(/lagging/);
  });
});
