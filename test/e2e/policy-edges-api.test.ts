import { uploadRequiredPapers } from '../../tooling/http/papers';
import { addDays, chongqingYear, civilDateOf, endOfDay } from '../../workflows/definitions/civil-date';
import type { ParkApplication } from '../../workflows/definitions/application';
import { validApplication } from '../../tooling/fixtures/applications';
import { HttpDriver, reportBody } from '../../tooling/http/http-driver';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * The API side of the issue-9 rules (policy.md R-APP-4/8, R-CAL-1, R-RPT-5, R-EVL-2, R-PAY-1), over HTTP against
 * the real stack with POLICY_TIME_SCALE 1: policy dates are today's Chongqing dates.
 */

// A district no other test file files in: the suites share one database, so list assertions stay scoped.
const JIANGJIN = '500116';
let stack: Stack;
let driver: HttpDriver;
/** A park designated in beforeAll; no test here may change its stage. */
let designated: any;

beforeAll(async () => {
  stack = await startStack();
  driver = new HttpDriver(stack, JIANGJIN);
  designated = await driver.designated();
});
afterAll(async () => {
  await stack?.teardown();
});

const application = (change: (app: ParkApplication) => void = () => undefined): ParkApplication => {
  const app = validApplication({ district: JIANGJIN });
  change(app);
  return app;
};
const file = (body: unknown) => stack.call('POST', '/v1/applications', { token: driver.districtToken(), body });
const act = (action: string, body: unknown, token = driver.municipal(), caseId: string = designated.caseId) =>
  stack.call('POST', `/v1/cases/${caseId}/${action}`, { token, body });
/** The 422 details as `{ field, rule }`, to assert which field and rule a refusal names. */
const named = (body: { details: Array<{ field?: string; rule?: string }> }) =>
  body.details.map(({ field, rule }) => ({ field, rule }));
const fieldsOf = (body: { details: Array<{ field?: string }> }) => body.details.map((d) => d.field);

describe('R-APP-8 / R-APP-4 at filing and acceptance', () => {
  it(
    'R-APP-8 an application without supportMeasures ' + '(absent, null or []) is 201 returned, deficiency R-APP-8',
    async () => {
      const variants: Array<(app: ParkApplication) => void> = [
        (app) => delete app.documents.supportMeasures,
        (app) => (app.documents.supportMeasures = null),
        (app) => (app.documents.supportMeasures = []),
      ];
      for (const variant of variants) {
        const filed = await file(application(variant));
        expect(filed.status).toBe(201);
        expect(filed.body).toEqual({
          caseId: expect.any(String),
          stage: 'returned',
          deficiencies: [expect.objectContaining({ rule: 'R-APP-8', field: 'documents.supportMeasures' })],
          flags: [],
        });
      }
    },
  );

  it('R-APP-8 a measure whose date is no real day is 422 naming the field and the rule', async () => {
    const measure = { title: '若干措施', reference: '渝北府发〔2026〕3号', date: '2026-02-30' };
    const filed = await file(application((app) => (app.documents.supportMeasures = [measure])));
    expect(filed.status).toBe(422);
    expect(named(filed.body)).toEqual([{ field: 'documents.supportMeasures.0.date', rule: 'R-APP-8' }]);
  });

  it(
    'R-APP-4 7,000 m² is 201 submitted with flag R-APP-4; ' + 'accepting needs a waiverReason, kept in the history',
    async () => {
      const filed = await file(application((app) => (app.floorAreaSqm = 7000)));
      expect(filed.status).toBe(201);
      expect(filed.body).toEqual({
        caseId: expect.any(String),
        stage: 'submitted',
        deficiencies: [],
        flags: [expect.objectContaining({ rule: 'R-APP-4' })],
      });
      const caseId: string = filed.body.caseId;
      await uploadRequiredPapers(stack, caseId, driver.districtToken()); // R-DOC-1

      const unwaived = await act('acceptance', { accepted: true }, driver.municipal(), caseId);
      expect(unwaived.status).toBe(422);
      expect(named(unwaived.body)).toEqual([{ field: 'waiverReason', rule: 'R-APP-4' }]);

      const waiverReason = '园区二期8,500平方米场地已签约，2027年6月前交付使用';
      const accepted = await act('acceptance', { accepted: true, waiverReason }, driver.municipal(), caseId);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        stage: 'accepted',
        flags: [{ rule: 'R-APP-4' }],
        waiver: { reason: waiverReason, rules: ['R-APP-4'], by: 'municipal-officer' },
      });

      const isAcceptance = (entry: { action: string }) => entry.action === 'application_accepted';
      const history = await driver.until(`/v1/cases/${caseId}/history`, driver.municipal(), (h) =>
        h.items.some(isAcceptance),
      );
      const acceptance = history.items.find(isAcceptance);
      expect(acceptance.details).toMatchObject({ waiverReason, waivedRules: ['R-APP-4'] });
    },
  );
});

describe('R-CAL-1 deadlines are Chongqing days', () => {
  it('R-CAL-1 after designation every deadline carries its dueDate, and dueAt is its end, 16:00 UTC', async () => {
    const view = await driver.ok('GET', `/v1/cases/${designated.caseId}`, { token: driver.municipal() });
    expect(view.deadlines.length).toBeGreaterThan(0);
    for (const deadline of view.deadlines) {
      expect(deadline.dueAt).toMatch(/T16:00:00\.000Z$/);
      expect(deadline.dueAt).toBe(`${deadline.dueDate}T16:00:00.000Z`);
    }
    // R-CAL-2: the confirmation window is 14 days after the designation's Chongqing day, the day itself not counted.
    const confirmation = view.deadlines.find((d: { kind: string }) => d.kind === 'payment_confirmation');
    expect(confirmation.dueDate).toBe(addDays(civilDateOf(view.designation.designatedAt), 14));
    expect(view).toMatchObject({ flags: [], waiver: null });
  });

  it('R-CAL-1 rectifyBy as a date-time or as a day that does not exist is 422 naming rectifyBy', async () => {
    for (const rectifyBy of ['2027-06-30T00:00:00Z', '2027-02-30']) {
      const refused = await act('evaluations', { outcome: 'rectify', findings: '整改', rectifyBy });
      expect(refused.status).toBe(422);
      expect(named(refused.body)).toEqual([{ field: 'rectifyBy', rule: 'R-CAL-1' }]);
      expect(refused.body.details[0].message).toMatch(/重庆日期 YYYY-MM-DD.*24:00/);
    }
  });

  it('R-CAL-1 GET /v1/deadlines items carry dueDate; from/to as days keep what is due on those days', async () => {
    const token = driver.municipal();
    const list = (query = '') => driver.ok('GET', `/v1/deadlines?district=${JIANGJIN}${query}`, { token });
    const all = await list();
    const mine = (page: { items: Array<{ caseId: string; kind: string }> }) =>
      page.items.find((d) => d.caseId === designated.caseId && d.kind === 'payment_confirmation');
    const confirmation: any = mine(all);
    expect(confirmation.dueAt).toBe(`${confirmation.dueDate}T16:00:00.000Z`);
    const day: string = confirmation.dueDate;

    const sameDay = await list(`&from=${day}&to=${day}`);
    expect(mine(sameDay)).toEqual(confirmation);
    expect(sameDay.items.every((d: { dueDate: string }) => d.dueDate === day)).toBe(true);
    expect(mine(await list(`&from=${addDays(day, 1)}`))).toBeUndefined();
    expect(mine(await list(`&to=${addDays(day, -1)}`))).toBeUndefined();

    const refusals = [
      ['from=2027-02-30', 'from'],
      ['to=31%2F03%2F2027', 'to'],
      [`from=${addDays(day, 1)}&to=${day}`, 'to'],
    ];
    for (const [query, field] of refusals) {
      const refused = await stack.call('GET', `/v1/deadlines?${query}`, { token });
      expect({ query, status: refused.status, fields: fieldsOf(refused.body) }).toEqual({
        query,
        status: 422,
        fields: [field],
      });
    }
  });
});

describe('R-RPT-5, R-EVL-2, R-PAY-1 on a designated park', () => {
  it('R-RPT-5 a report for the year still running (or the next) is 422 naming year', async () => {
    const thisYear = chongqingYear(new Date().toISOString());
    for (const year of [thisYear, thisYear + 1]) {
      const refused = await act('annual-reports', reportBody(year), driver.districtToken());
      expect({ year, status: refused.status, named: named(refused.body) }).toEqual({
        year,
        status: 422,
        named: [{ field: 'year', rule: 'R-RPT-5' }],
      });
    }
  });

  it(
    'R-EVL-2 revoke without grounds (or unknown ones) ' + 'is 422 naming grounds; rectify with grounds is 422',
    async () => {
      const inTwoMonths = addDays(civilDateOf(new Date().toISOString()), 60);
      const bodies = [
        { outcome: 'revoke', findings: '有名无实' },
        { outcome: 'revoke', findings: '有名无实', grounds: [] },
        { outcome: 'revoke', findings: '有名无实', grounds: ['badly_run'] },
        { outcome: 'revoke', findings: '有名无实', grounds: ['poorly_run', 'poorly_run'] },
        { outcome: 'rectify', findings: '整改', rectifyBy: inTwoMonths, grounds: ['poorly_run'] },
      ];
      for (const body of bodies) {
        const refused = await act('evaluations', body);
        expect({ body, status: refused.status }).toEqual({ body, status: 422 });
        expect(refused.body.details).toEqual([expect.objectContaining({ field: 'grounds', rule: 'R-EVL-2' })]);
      }
      const view = await driver.ok('GET', `/v1/cases/${designated.caseId}`, { token: driver.municipal() });
      expect(view.stage).toBe('designated');
    },
  );

  it('R-PAY-1 refund-write-off on a designated case is 409 invalid_stage; a blank reason is 422', async () => {
    const refused = await act('refund-write-off', { reason: '运营主体已注销，追缴无果' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('invalid_stage');
    expect(refused.body.message).toContain('designated');
    const blank = await act('refund-write-off', { reason: '' });
    expect(blank.status).toBe(422);
    expect(named(blank.body)).toEqual([{ field: 'reason', rule: 'R-PAY-1' }]);
  });
});

describe('§3 GET /v1/stats/designations, R-CAL-1', () => {
  it(
    'R-CAL-1 without at it counts a park designated now ' + '(at: null); at = yesterday (Chongqing) not, at = today',
    async () => {
      const token = driver.municipal();
      const counts = (stats: { parks: Array<{ caseId: string }> }) =>
        stats.parks.some((p) => p.caseId === designated.caseId);
      const now = await driver.ok('GET', '/v1/stats/designations', { token });
      expect(now).toMatchObject({ at: null, date: null });
      expect(counts(now)).toBe(true);

      const today = civilDateOf(designated.designation.designatedAt);
      const yesterday = await driver.ok('GET', `/v1/stats/designations?at=${addDays(today, -1)}`, { token });
      expect(yesterday).toMatchObject({ at: endOfDay(addDays(today, -1)), date: addDays(today, -1) });
      expect(counts(yesterday)).toBe(false);
      expect(counts(await driver.ok('GET', `/v1/stats/designations?at=${today}`, { token }))).toBe(true);

      const refused = await stack.call('GET', '/v1/stats/designations?at=yesterday', { token });
      expect({ status: refused.status, fields: fieldsOf(refused.body) }).toEqual({ status: 422, fields: ['at'] });
    },
  );
});
