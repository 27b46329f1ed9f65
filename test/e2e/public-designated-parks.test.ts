import { addDays, chongqingYear, civilDateOf } from '../../workflows/definitions/civil-date';
import { eventually } from '../../tooling/eventually';
import { validApplication } from '../../tooling/fixtures/applications';
import { HttpDriver } from '../../tooling/http/http-driver';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * api-contract `GET /v1/public/designated-parks` (R-STAT-1, policy §5.1 名单): the parks on the published list now,
 * readable without signing in, with only the published fields. On a database of its own, so the list is exactly
 * this file's parks.
 */
const WUXI = '500238'; // 巫溪县
const YUZHONG = '500103'; // 渝中区
const DAZU = '500111'; // 大足区
const JIANGJIN = '500116'; // 江津区
const PATH = '/v1/public/designated-parks';

let db: OwnDatabase;
let stack: Stack;
/** The published entry each park should have, from its case view after designation. */
let wuxi: Record<string, unknown>;
let yuzhong: Record<string, unknown>;
const hidden: string[] = [];

/** Files an application for `parkName` in `district`; designates it unless `designate` is false. */
async function park(district: string, parkName: string, designate = true): Promise<{ driver: HttpDriver; view: any }> {
  const driver = new HttpDriver(stack, district);
  const body = validApplication({ district, parkName });
  const filed = await driver.ok('POST', '/v1/applications', { token: driver.districtToken(), body }, 201);
  return { driver, view: designate ? await driver.designated(filed.caseId) : filed };
}

const published = (view: any, districtName: string, status: string) => ({
  parkName: view.parkName,
  district: view.district,
  districtName,
  kind: null, // R-APP-9: these applications state none
  designatedYear: chongqingYear(view.designation.designatedAt),
  certificateNo: view.designation.certificateNo,
  status,
});

/** The first working day on or after `from`, read from GET /v1/calendar as a date picker reads it (R-CAL-3). */
async function workingDayFrom(driver: HttpDriver, from: string): Promise<string> {
  const to = addDays(from, 31);
  const { days } = await driver.ok('GET', `/v1/calendar?from=${from}&to=${to}`, { token: driver.municipal() });
  const listed = new Map<string, string>(days.map((day: { date: string; kind: string }) => [day.date, day.kind]));
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    if (listed.get(day) === 'working' || (!listed.has(day) && !weekend)) return day;
  }
  throw new Error(`no working day from ${from} to ${to}`);
}

beforeAll(async () => {
  db = await createOwnDatabase('public_designated_parks');
  stack = await startStack({ env: { DATABASE_URL: db.url } });

  const designated = await park(WUXI, '巫溪人力资源服务产业园');
  wuxi = published(designated.view, '巫溪县', 'designated');

  const rectifying = await park(YUZHONG, '渝中人力资源服务产业园');
  const { driver } = rectifying;
  const rectifyBy = await workingDayFrom(driver, addDays(civilDateOf(new Date().toISOString()), 30));
  await driver.ok('POST', `/v1/cases/${rectifying.view.caseId}/evaluations`, {
    token: driver.municipal(),
    body: { outcome: 'rectify', findings: '服务功能不全，限期整改', rectifyBy },
  });
  yuzhong = published(rectifying.view, '渝中区', 'rectifying');

  const submitted = await park(DAZU, '大足人力资源服务产业园', false);
  const revoked = await park(JIANGJIN, '江津人力资源服务产业园');
  await revoked.driver.ok('POST', `/v1/cases/${revoked.view.caseId}/evaluations`, {
    token: revoked.driver.municipal(),
    body: { outcome: 'revoke', findings: '园区有名无实', grounds: ['nominal_only'] },
  });
  hidden.push(submitted.view.caseId, revoked.view.caseId, designated.view.caseId, rectifying.view.caseId);

  // The list reads the read model, which the worker writes after each change: wait for the last ones to land.
  await revoked.driver.until(`/v1/cases/${revoked.view.caseId}`, driver.municipal(), (c) => c.stage === 'revoked');
  await eventually(async () => {
    const { body } = await stack.call('GET', PATH);
    return JSON.stringify(body.items.map((item: { status: string }) => item.status)) === '["rectifying","designated"]';
  }, 'the published list to hold the rectifying and the designated park');
});
afterAll(async () => {
  await stack?.teardown();
  await db?.drop();
});

describe('GET /v1/public/designated-parks (R-STAT-1, §5.1 名单)', () => {
  it('R-STAT-1 anyone reads it without a token: designated and rectifying parks, published fields only', async () => {
    const answer = await stack.call('GET', PATH);
    expect(answer.status).toBe(200);
    // toEqual: no other field — no case id, money or officers
    expect(answer.body).toEqual({ items: [yuzhong, wuxi] });
    expect(Object.keys(answer.body.items[0]).sort()).toEqual([
      'certificateNo',
      'designatedYear',
      'district',
      'districtName',
      'kind',
      'parkName',
      'status',
    ]);
    expect(wuxi.certificateNo).toMatch(/^CQ-HRP-\d{4}-/);
  });

  it('R-STAT-1 a submitted case is not on it, nor a revoked park, and no case id appears', async () => {
    const { body } = await stack.call('GET', PATH);
    const names = body.items.map((item: { parkName: string }) => item.parkName);
    expect(names).not.toContain('大足人力资源服务产业园');
    expect(names).not.toContain('江津人力资源服务产业园');
    const text = JSON.stringify(body);
    for (const caseId of hidden) expect(text).not.toContain(caseId);
  });

  it("the district's name is in the reader's language; a token changes nothing", async () => {
    const english = await stack.call('GET', PATH, { headers: { 'accept-language': 'en' } });
    expect(english.body.items.map((item: { districtName: string }) => item.districtName)).toEqual([
      'Yuzhong District',
      'Wuxi County',
    ]);
    const signedIn = await stack.call('GET', PATH, { token: stack.token('district', WUXI) });
    expect(signedIn).toMatchObject({ status: 200, body: { items: [yuzhong, wuxi] } });
  });
});
