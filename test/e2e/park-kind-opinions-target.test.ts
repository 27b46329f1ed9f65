import { addDays, civilDateOf } from '../../workflows/definitions/civil-date';
import type { ParkApplication } from '../../workflows/definitions/application';
import { agencies, validApplication } from '../../tooling/fixtures/applications';
import { HttpDriver, PANEL } from '../../tooling/http/http-driver';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * Three clarified rules over HTTP, against the real stack with POLICY_TIME_SCALE 1 (policy dates are today's):
 * R-APP-9 (the park's kind and private capital, at filing and resubmission, in the case, its list, the statistics and
 * the published list), R-REV-3 (the departments' opinions, and designation over an objection) and R-STAT-1 (the
 * programme target, judged once its year has ended).
 */

/** 永川区: no other suite files here (the suites share one database). */
const YONGCHUAN = '500118';
const SPECIALISED = { kind: 'specialised', specialism: '数字经济人力资源服务' };
const JOINT_VENTURE = { form: 'joint_venture', operator: '重庆某某产业园运营管理有限公司' };

let stack: Stack;
let driver: HttpDriver;
beforeAll(async () => {
  stack = await startStack();
  driver = new HttpDriver(stack, YONGCHUAN);
});
afterAll(async () => {
  await stack?.teardown();
});

const application = (extra: Record<string, unknown> = {}): ParkApplication =>
  ({ ...validApplication({ district: YONGCHUAN }), ...extra }) as ParkApplication;
const file = (body: unknown) => stack.call('POST', '/v1/applications', { token: driver.districtToken(), body });
const read = (caseId: string) => driver.ok('GET', `/v1/cases/${caseId}`, { token: driver.municipal() });
const act = (caseId: string, action: string, body: unknown, token = driver.municipal()) =>
  stack.call('POST', `/v1/cases/${caseId}/${action}`, { token, body });
/** The 422 details as `{ field, rule }`. */
const named = (body: { details: Array<{ field?: string; rule?: string }> }) =>
  body.details.map(({ field, rule }) => ({ field, rule }));
/** Today's Chongqing day (R-CAL-1): the policy date of a case at POLICY_TIME_SCALE 1. */
const today = () => civilDateOf(Date.now());
const opinion = (change: Record<string, unknown> = {}) => ({
  department: '市财政局',
  position: 'support',
  opinion: '同意支持，建议加强补助资金绩效管理',
  date: today(),
  ...change,
});

describe('R-APP-9 the kind of park and private capital', () => {
  it('R-APP-9 a filing with both is submitted, and the case and its list show them', async () => {
    const filed = await file(application({ parkKind: SPECIALISED, privateCapital: JOINT_VENTURE }));
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ stage: 'submitted', deficiencies: [], flags: [] });
    const view = await read(filed.body.caseId);
    expect(view).toMatchObject({ parkKind: SPECIALISED, privateCapital: JOINT_VENTURE });
    const list = await driver.ok('GET', `/v1/cases?district=${YONGCHUAN}&stage=submitted`, {
      token: driver.municipal(),
    });
    expect(list.items.find((item: { caseId: string }) => item.caseId === filed.body.caseId)).toMatchObject({
      parkKind: 'specialised',
    });
  });

  it('R-APP-9 a filing without them (a client before the rule) is submitted; the case says not stated', async () => {
    const filed = await file(application());
    expect(filed.status).toBe(201);
    expect(filed.body.stage).toBe('submitted');
    expect(await read(filed.body.caseId)).toMatchObject({ parkKind: null, privateCapital: null });
    const other = { form: 'other', operator: '重庆某某公司', description: '委托民营企业运营管理' };
    const described = await file(application({ parkKind: { kind: 'regional' }, privateCapital: other }));
    expect(described.status).toBe(201);
    expect(await read(described.body.caseId)).toMatchObject({ parkKind: { kind: 'regional' }, privateCapital: other });
  });

  it('R-APP-9 bad shapes are 422 naming the field and the rule', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ parkKind: { kind: 'specialised' } }, 'parkKind.specialism'],
      [{ parkKind: { kind: 'specialised', specialism: ' ' } }, 'parkKind.specialism'],
      [{ parkKind: { kind: 'regional', specialism: '制造业' } }, 'parkKind.specialism'],
      [{ parkKind: { kind: 'industrial' } }, 'parkKind.kind'],
      [{ parkKind: 'regional' }, 'parkKind'],
      [{ privateCapital: { form: 'state_owned', operator: '某公司' } }, 'privateCapital.form'],
      [{ privateCapital: { form: 'sole' } }, 'privateCapital.operator'],
      [{ privateCapital: { form: 'other', operator: '某公司' } }, 'privateCapital.description'],
      [{ privateCapital: { form: 'none', operator: '某公司', description: '无' } }, 'privateCapital.description'],
    ];
    for (const [extra, field] of bad) {
      const filed = await file(application(extra));
      expect({ extra, status: filed.status }).toEqual({ extra, status: 422 });
      expect(named(filed.body)).toContainEqual({ field, rule: 'R-APP-9' });
    }
  });

  it('R-APP-9 a resubmission carries them too, and they are never a reason to return', async () => {
    const returned = await file(application({ agencies: agencies(3, YONGCHUAN), parkKind: { kind: 'regional' } }));
    expect(returned.body).toMatchObject({ stage: 'returned', deficiencies: [{ rule: 'R-APP-3' }] });
    const caseId: string = returned.body.caseId;
    const resubmitted = await act(
      caseId,
      'resubmission',
      application({ parkKind: SPECIALISED, privateCapital: JOINT_VENTURE }),
      driver.districtToken(),
    );
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ stage: 'submitted', deficiencies: [] });
    expect(await read(caseId)).toMatchObject({ parkKind: SPECIALISED, privateCapital: JOINT_VENTURE });
  });
});

describe('R-REV-3 department opinions', () => {
  it('R-REV-3 an opinion is recorded while under review, listed beside the reviews and in the history', async () => {
    const caseId = await driver.underReview();
    const recorded = await act(caseId, 'department-opinions', opinion({ position: 'conditional' }));
    expect(recorded.status).toBe(200);
    expect(recorded.body.departmentOpinions).toEqual([
      {
        ...opinion({ position: 'conditional' }),
        recordedAt: expect.any(String),
        recordedBy: 'municipal-officer',
      },
    ]);
    expect(recorded.body.allowedActions).toContain('departmentOpinion');
    // An expert on the panel gives a review, not a department's opinion.
    expect((await act(caseId, 'department-opinions', opinion(), driver.expert(PANEL[0]))).status).toBe(403);
    const isOpinion = (entry: { action: string }) => entry.action === 'department_opinion_recorded';
    const history = await driver.until(`/v1/cases/${caseId}/history`, driver.municipal(), (h) =>
      h.items.some(isOpinion),
    );
    expect(history.items.find(isOpinion).details).toEqual({
      department: '市财政局',
      position: 'conditional',
      date: today(),
    });
  });

  it('R-REV-3 only the municipal bureau records one (403), only while accepted or under review (409)', async () => {
    const caseId = await driver.file();
    const byDistrict = await act(caseId, 'department-opinions', opinion(), driver.districtToken());
    expect(byDistrict.status).toBe(403);
    const byFinance = await act(caseId, 'department-opinions', opinion(), driver.finance());
    expect(byFinance.status).toBe(403);
    const submitted = await act(caseId, 'department-opinions', opinion());
    expect(submitted.status).toBe(409);
    expect(submitted.body.error).toBe('invalid_stage');
    expect(submitted.body.message).toContain('submitted');
  });

  it('R-REV-3 a date after today or no real day, or an unknown position, is 422 naming the field', async () => {
    const caseId = await driver.underReview();
    const tomorrow = await act(caseId, 'department-opinions', opinion({ date: addDays(today(), 1) }));
    expect(tomorrow.status).toBe(422);
    expect(named(tomorrow.body)).toEqual([{ field: 'date', rule: 'R-REV-3' }]);
    const noDay = await act(caseId, 'department-opinions', opinion({ date: '2026-02-30' }));
    expect(named(noDay.body)).toEqual([{ field: 'date', rule: 'R-REV-3' }]);
    const position = await act(caseId, 'department-opinions', opinion({ position: 'abstain' }));
    expect(named(position.body)).toEqual([{ field: 'position', rule: 'R-REV-3' }]);
  });

  it('R-REV-3 over an objection, a designation whose reason does not answer it is 422 naming reason', async () => {
    const caseId = await driver.reviewed();
    expect((await act(caseId, 'department-opinions', opinion({ position: 'object' }))).status).toBe(200);
    const designation = (reason: string) => ({ decision: 'designate', reason, subsidyAmount: 2_000_000 });
    for (const reason of [' ', '专家评审通过']) {
      const refused = await act(caseId, 'designation', designation(reason));
      expect(refused.status).toBe(422);
      expect(named(refused.body)).toEqual([{ field: 'reason', rule: 'R-REV-3' }]);
    }
    const designated = await act(caseId, 'designation', designation('市财政局所提绩效管理意见已落实，予以认定'));
    expect(designated.status).toBe(200);
    expect(designated.body).toMatchObject({ stage: 'designated', departmentOpinions: [{ position: 'object' }] });
  });
});

describe('R-STAT-1 the programme target, and R-APP-9 in the statistics and the published list', () => {
  it('R-STAT-1 met is null before the target year has ended, then designatedByThen ≥ parks', async () => {
    const before = await driver.ok('GET', '/v1/stats/designations?at=2022-06-30', { token: driver.municipal() });
    expect(before.target).toEqual({ parks: 5, byEndOf: 2022, designatedByThen: expect.any(Number), met: null });
    const now = await driver.ok('GET', '/v1/stats/designations', { token: driver.municipal() });
    expect(now.target).toMatchObject({ parks: 5, byEndOf: 2022 });
    expect(now.target.met).toBe(now.target.designatedByThen >= 5);
  });

  it('R-APP-9 a designated park counts by its kind, and the published list shows its kind', async () => {
    const filed = await file(application({ parkName: '永川数字经济人力资源服务产业园', parkKind: SPECIALISED }));
    const designated = await driver.designated(filed.body.caseId);
    const stats = await driver.ok('GET', '/v1/stats/designations', { token: driver.municipal() });
    expect(stats.parks).toContainEqual(expect.objectContaining({ caseId: designated.caseId, kind: 'specialised' }));
    const specialised = stats.byKind.find((entry: { kind: string | null }) => entry.kind === 'specialised');
    expect(specialised.designated).toBeGreaterThanOrEqual(1);
    expect(stats.byKind.reduce((sum: number, entry: { designated: number }) => sum + entry.designated, 0)).toBe(
      stats.total,
    );
    const published = await stack.call('GET', '/v1/public/designated-parks', {});
    expect(published.body.items).toContainEqual(
      expect.objectContaining({ parkName: '永川数字经济人力资源服务产业园', kind: 'specialised' }),
    );
  });
});
