import { CaseHistoryRepository } from '../../persistence/repositories/case-history.repository';
import { eventually } from '../../tooling/eventually';
import { agencies, validApplication } from '../../tooling/fixtures/applications';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * Issue 13: how late each system event of a case's schedule is recorded (`case_audit.lag_policy_days`), and the
 * readiness check's `schedule` entry that reports it — `lagging` past SCHEDULE_LAG_WARN_POLICY_DAYS, a warning
 * that never makes the API unready. A database of its own: the check looks at every case's recent events.
 */
let own: OwnDatabase;
let stack: Stack;
beforeAll(async () => {
  own = await createOwnDatabase('schedule_lag');
  // 10 policy days a second: a returned application's resubmission reminders come due within seconds.
  stack = await startStack({ env: { DATABASE_URL: own.url, POLICY_TIME_SCALE: '864000' } });
});
afterAll(async () => {
  await stack?.teardown();
  await own?.drop();
});

interface LagRow {
  action: string;
  due_wall_at: Date | null;
  lag_policy_days: number | null;
}

describe('the schedule’s lag, recorded and reported (issue 13)', () => {
  it('records when each reminder was due on the clock and how late it was; readiness reports the lag', async () => {
    const filed = await stack.call('POST', '/v1/applications', {
      token: stack.token('district', '500112'),
      body: validApplication({ agencies: agencies(10, '500112') }), // R-APP-3 (at least 15): returned
    });
    expect(filed.body.stage).toBe('returned');
    let rows: LagRow[] = [];
    await eventually(
      async () => {
        rows = await stack.dataSource.query(
          `SELECT action, due_wall_at, lag_policy_days FROM case_audit WHERE case_id = $1 AND action LIKE 'timer:%'`,
          [filed.body.caseId],
        );
        return rows.length > 0;
      },
      'a resubmission reminder in the audit trail',
      30_000,
    );
    for (const row of rows) {
      expect(row.due_wall_at).toBeInstanceOf(Date);
      expect(row.lag_policy_days).toBeGreaterThanOrEqual(0);
    }
    const officerActions: LagRow[] = await stack.dataSource.query(
      `SELECT action, due_wall_at, lag_policy_days FROM case_audit WHERE case_id = $1 AND action NOT LIKE 'timer:%'`,
      [filed.body.caseId],
    );
    expect(officerActions.map((r) => [r.due_wall_at, r.lag_policy_days])).toEqual([[null, null]]);

    const ready = await stack.call('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.schedule).toMatchObject({ windowSeconds: 300, events: rows.length });
    expect(['up', 'lagging']).toContain(ready.body.checks.schedule.status);
  });

  it('says `lagging` past SCHEDULE_LAG_WARN_POLICY_DAYS, and stays ready (a warning, not an outage)', async () => {
    await new CaseHistoryRepository(stack.dataSource).append(
      {
        eventId: 'late-reminder',
        caseId: 'late-case',
        at: '2027-03-01T00:00:00.000Z',
        actor: { id: 'system', role: 'system' },
        action: 'timer:report:2026:reminder',
        details: { scheduledFor: '2027-03-01T00:00:00.000Z' },
      },
      { dueWallAt: new Date(Date.now() - 60_000).toISOString(), lagPolicyDays: 40 },
    );
    const ready = await stack.call('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.schedule.status).toBe('lagging');
    expect(ready.body.checks.schedule.maxPolicyDays).toBe(40);
    expect(ready.body.checks.schedule.p99PolicyDays).toBeGreaterThan(1);
  });
});
