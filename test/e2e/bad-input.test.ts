import { chongqingYear } from '../../workflows/definitions/civil-date';
import { DEFAULT_PAGE_SIZE } from '../../api/common/paging';
import { HttpDriver, PANEL, reportBody } from '../../tooling/http/http-driver';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * api-contract "Errors": malformed input is 422 with one detail per failed field (naming the rule where one
 * applies), an action the stage does not allow is 409 invalid_stage, an oversized body is refused — and a
 * refused request leaves no trace on the case.
 */
type CaseKey = 'submitted' | 'accepted' | 'reviewed' | 'designated';
interface Row {
  name: string;
  method?: string;
  path: (ids: Record<CaseKey, string>) => string;
  body?: unknown;
  status: number;
  details?: Array<{ field: string; rule?: string }>;
}

const report = reportBody(2026);
const long = (n: number): string => 'x'.repeat(n);
const act = (key: CaseKey, action: string) => (ids: Record<CaseKey, string>) => `/v1/cases/${ids[key]}/${action}`;

const ROWS: Row[] = [
  {
    name: 'acceptance: wrong type',
    path: act('submitted', 'acceptance'),
    body: { accepted: 'yes' },
    status: 422,
    details: [{ field: 'accepted' }],
  },
  {
    name: 'acceptance: unknown field',
    path: act('submitted', 'acceptance'),
    body: { accepted: true, score: 1 },
    status: 422,
    details: [{ field: 'score' }],
  },
  {
    name: 'acceptance: missing field',
    path: act('submitted', 'acceptance'),
    body: {},
    status: 422,
    details: [{ field: 'accepted' }],
  },
  {
    name: 'acceptance: oversized reason',
    path: act('submitted', 'acceptance'),
    body: { accepted: false, reason: long(2001) },
    status: 422,
    details: [{ field: 'reason' }],
  },
  {
    name: 'acceptance: not accepted without a reason (§5.1)',
    path: act('submitted', 'acceptance'),
    body: { accepted: false },
    status: 422,
    details: [{ field: 'reason', rule: '§5.1' }],
  },
  {
    name: 'panel: wrong type',
    path: act('accepted', 'panel'),
    body: { expertIds: 'expert-li' },
    status: 422,
    details: [{ field: 'expertIds' }],
  },
  {
    name: 'panel: malformed expert id',
    path: act('accepted', 'panel'),
    body: { expertIds: ['expert-li', 'bad id!'] },
    status: 422,
    details: [{ field: 'expertIds' }],
  },
  {
    name: 'panel: two experts, out of the 3–7 range (§5.1)',
    path: act('accepted', 'panel'),
    body: { expertIds: ['a', 'b'] },
    status: 422,
    details: [{ field: 'expertIds', rule: '§5.1' }],
  },
  {
    name: 'panel: the same expert twice (§5.1)',
    path: act('accepted', 'panel'),
    body: { expertIds: ['a', 'a', 'b'] },
    status: 422,
    details: [{ field: 'expertIds', rule: '§5.1' }],
  },
  {
    name: 'designation: unknown decision',
    path: act('reviewed', 'designation'),
    body: { decision: 'maybe', reason: 'r' },
    status: 422,
    details: [{ field: 'decision' }],
  },
  {
    name: 'designation: subsidy not an integer (R-SUB-1)',
    path: act('reviewed', 'designation'),
    body: { decision: 'designate', reason: 'r', subsidyAmount: 1_500_000.5 },
    status: 422,
    details: [{ field: 'subsidyAmount', rule: 'R-SUB-1' }],
  },
  {
    name: 'designation: subsidy below 1,000,000 (R-SUB-1)',
    path: act('reviewed', 'designation'),
    body: { decision: 'designate', reason: 'r', subsidyAmount: 999_999 },
    status: 422,
    details: [{ field: 'subsidyAmount', rule: 'R-SUB-1' }],
  },
  {
    name: 'designation: designate without subsidy (R-SUB-1)',
    path: act('reviewed', 'designation'),
    body: { decision: 'designate', reason: 'r' },
    status: 422,
    details: [{ field: 'subsidyAmount', rule: 'R-SUB-1' }],
  },
  {
    name: 'designation: missing reason',
    path: act('reviewed', 'designation'),
    body: { decision: 'reject' },
    status: 422,
    details: [{ field: 'reason' }],
  },
  {
    name: 'incubation-base: unknown field',
    path: act('designated', 'incubation-base'),
    body: { amount: 1_000_000 },
    status: 422,
    details: [{ field: 'amount' }],
  },
  {
    name: 'payment confirmation: not a date',
    path: (ids) => `/v1/cases/${ids.designated}/payments/${ids.designated}:subsidy_tranche_1/confirmation`,
    body: { paidAt: 'yesterday', bankReference: 'B' },
    status: 422,
    details: [{ field: 'paidAt' }],
  },
  {
    name: 'payment confirmation: unknown payment (§5.2)',
    path: (ids) => `/v1/cases/${ids.designated}/payments/no-such-payment/confirmation`,
    body: { paidAt: '2026-12-01', bankReference: 'B' },
    status: 422,
    details: [{ field: 'paymentId', rule: '§5.2' }],
  },
  {
    name: 'annual report: wrong type',
    path: act('designated', 'annual-reports'),
    body: { ...report, year: '2026' },
    status: 422,
    details: [{ field: 'year', rule: 'R-RPT-1' }],
  },
  {
    name: 'annual report: a subsidy heading missing (R-SUB-2)',
    path: act('designated', 'annual-reports'),
    body: { ...report, subsidyUse: { ...report.subsidyUse, rent: undefined } },
    status: 422,
    details: [{ field: 'subsidyUse.rent', rule: 'R-SUB-2' }],
  },
  {
    name: 'annual report: negative revenue',
    path: act('designated', 'annual-reports'),
    body: { ...report, revenue: -1 },
    status: 422,
    details: [{ field: 'revenue' }],
  },
  {
    name: 'annual report: a year before the first reporting year (R-RPT-5)',
    path: act('designated', 'annual-reports'),
    body: { ...report, year: 2020 },
    status: 422,
    details: [{ field: 'year', rule: 'R-RPT-5' }],
  },
  // The current Chongqing year has not ended, whatever the first reporting year of a park designated today.
  {
    name: 'annual report: a year that has not ended yet (R-RPT-5)',
    path: act('designated', 'annual-reports'),
    body: { ...report, year: chongqingYear(new Date().toISOString()) },
    status: 422,
    details: [{ field: 'year', rule: 'R-RPT-5' }],
  },
  {
    name: 'evaluation: unknown outcome (R-EVL-1)',
    path: act('designated', 'evaluations'),
    body: { outcome: 'close', findings: 'f' },
    status: 422,
    details: [{ field: 'outcome', rule: 'R-EVL-1' }],
  },
  {
    name: 'evaluation: a refund with renew (R-REF-1)',
    path: act('designated', 'evaluations'),
    body: { outcome: 'renew', findings: 'f', refundAmount: 10 },
    status: 422,
    details: [{ field: 'refundAmount', rule: 'R-REF-1' }],
  },
  {
    name: 'evaluation: rectify without a deadline (R-EVL-1)',
    path: act('designated', 'evaluations'),
    body: { outcome: 'rectify', findings: 'f' },
    status: 422,
    details: [{ field: 'rectifyBy', rule: 'R-EVL-1' }],
  },
  {
    name: 'refund payment: zero amount (R-REF-1)',
    path: act('designated', 'refund-payments'),
    body: { amount: 0, paidAt: '2027-01-01', bankReference: 'R' },
    status: 422,
    details: [{ field: 'amount', rule: 'R-REF-1' }],
  },
  {
    name: 'refund payment: no date, no bank reference (R-REF-1, the confirmation fields it shares)',
    path: act('designated', 'refund-payments'),
    body: { amount: 5 },
    status: 422,
    details: [{ field: 'paidAt' }, { field: 'bankReference' }],
  },
  {
    name: 'reviews: wrong stage → 409',
    path: act('designated', 'reviews'),
    body: { necessity: 80, feasibility: 80, recommend: true },
    status: 409,
  },
  {
    name: 'refund payment: no refund demand in designated → 409',
    path: act('designated', 'refund-payments'),
    body: { amount: 5, paidAt: '2027-01-01', bankReference: 'R' },
    status: 409,
  },
  {
    name: 'list: unknown stage',
    method: 'GET',
    path: () => '/v1/cases?stage=approved',
    status: 422,
    details: [{ field: 'stage' }],
  },
  {
    name: 'list: limit out of range',
    method: 'GET',
    path: () => '/v1/cases?limit=0',
    status: 422,
    details: [{ field: 'limit' }],
  },
  {
    name: 'list: a cursor we did not issue',
    method: 'GET',
    path: () => '/v1/cases?cursor=garbage',
    status: 422,
    details: [{ field: 'cursor' }],
  },
  {
    name: 'list: overdue not a boolean',
    method: 'GET',
    path: () => '/v1/cases?overdue=maybe',
    status: 422,
    details: [{ field: 'overdue' }],
  },
  {
    name: 'list: unknown filter',
    method: 'GET',
    path: () => '/v1/cases?colour=red',
    status: 422,
    details: [{ field: 'colour' }],
  },
  {
    name: 'deadlines: from after to',
    method: 'GET',
    path: () => '/v1/deadlines?from=2027-02-01&to=2027-01-01',
    status: 422,
    details: [{ field: 'to' }],
  },
  {
    name: 'stats: at not a date',
    method: 'GET',
    path: () => '/v1/stats/designations?at=tomorrow',
    status: 422,
    details: [{ field: 'at' }],
  },
  // issue 10 item 6: found by schemathesis as 500s (PostgreSQL text cannot hold U+0000; a cursor reached a timestamptz
  // cast)
  {
    name: 'contacts: a NUL character in a name',
    method: 'PUT',
    path: () => '/v1/districts/500112/contacts',
    body: { contacts: [{ email: 'a@example.cn', name: 'a\u0000b' }] },
    status: 422,
    details: [{ field: 'contacts.0.name' }],
  },
  {
    name: 'contacts: a NUL character in the district code',
    method: 'GET',
    path: () => '/v1/districts/5001%0012/contacts',
    status: 422,
    details: [{ field: 'code' }],
  },
  {
    name: 'list: a tampered cursor whose time is no time',
    method: 'GET',
    path: () => `/v1/cases?cursor=${Buffer.from('["not-a-date","x"]').toString('base64url')}`,
    status: 422,
    details: [{ field: 'cursor' }],
  },
];

let stack: Stack;
let driver: HttpDriver;
let ids: Record<CaseKey, string>;
const tokenFor = (path: string): string => {
  if (/acceptance|panel|designation|incubation-base|evaluations|stats|contacts/.test(path)) return driver.municipal();
  if (/payments|refund-payments/.test(path)) return driver.finance();
  if (/reviews/.test(path)) return driver.expert(PANEL[0]);
  return driver.districtToken();
};

beforeAll(async () => {
  stack = await startStack();
  driver = new HttpDriver(stack);
  const submitted = await driver.file();
  const accepted = await driver.accepted();
  ids = { submitted, accepted, reviewed: await driver.reviewed(), designated: (await driver.designated()).caseId };
});
afterAll(async () => {
  await stack?.teardown();
});

describe('bad input per endpoint (api-contract "Errors")', () => {
  let historiesBefore: string;
  beforeAll(async () => {
    historiesBefore = JSON.stringify(
      await Promise.all(
        Object.values(ids).map((id) => driver.ok('GET', `/v1/cases/${id}/history`, { token: driver.municipal() })),
      ),
    );
  });

  it.each(ROWS.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const path = row.path(ids);
    const { status, body } = await stack.call(row.method ?? 'POST', path, { token: tokenFor(path), body: row.body });
    expect({ status, error: body.error }).toEqual({
      status: row.status,
      error: row.status === 409 ? 'invalid_stage' : 'validation_failed',
    });
    if (row.status === 409) expect(body.message).toContain('当前阶段：designated（已认定）');
    for (const detail of row.details ?? []) expect(body.details).toContainEqual(expect.objectContaining(detail));
  });

  it('a body over 256 kB is 413 in the contract’s error shape', async () => {
    const { status, body } = await stack.call('POST', `/v1/cases/${ids.submitted}/acceptance`, {
      token: driver.municipal(),
      rawBody: JSON.stringify({ accepted: false, reason: long(300_000) }),
    });
    expect(status).toBe(413);
    expect(body).toEqual({ error: 'payload_too_large', message: expect.any(String), details: [] });
  });

  it('malformed JSON is 400 in the contract’s error shape', async () => {
    const { status, body } = await stack.call('POST', `/v1/cases/${ids.submitted}/acceptance`, {
      token: driver.municipal(),
      rawBody: '{"accepted": tru',
    });
    expect({ status, error: body.error }).toEqual({ status: 400, error: 'bad_request' });
  });

  it(
    'an empty query parameter counts as absent (issue 10 item 6): `?cursor=&limit=&district=` is the first ' +
      'page of the default size, unfiltered; a filter left empty filters nothing',
    async () => {
      const token = driver.municipal();
      // The other suites write cases meanwhile: the lists are judged by their shape (before: 422 naming `cursor`).
      const cases = await driver.ok('GET', '/v1/cases?cursor=&limit=&district=&stage=&overdue=', { token });
      expect(cases.items.length).toBe(cases.nextCursor === null ? cases.items.length : DEFAULT_PAGE_SIZE);
      expect(cases.items.length).toBeLessThanOrEqual(DEFAULT_PAGE_SIZE);
      // `stage=` filters nothing: this file's own cases alone are in four stages
      expect(new Set(cases.items.map((c: { stage: string }) => c.stage)).size).toBeGreaterThan(1);
      const inbox = await driver.ok('GET', '/v1/notifications?caseId=&kind=&unread=&cursor=&limit=', { token });
      expect(inbox).toEqual({ items: expect.any(Array), nextCursor: inbox.nextCursor, unreadCount: inbox.unreadCount });
      expect(inbox.unreadCount).toBeGreaterThanOrEqual(0);
      const deadlines = await driver.ok('GET', '/v1/deadlines?from=&to=&kind=&district=&cursor=', { token });
      expect(deadlines.items.length).toBeGreaterThan(0);
    },
  );

  it(
    'a method no operation of a documented path has is ' + '405 with Allow, before authentication (issue 10 item 6)',
    async () => {
      for (const [method, path, allow] of [
        ['DELETE', `/v1/cases/${ids.submitted}`, 'GET, HEAD'],
        ['PATCH', '/health/live', 'GET, HEAD'],
        ['GET', `/v1/cases/${ids.submitted}/acceptance`, 'POST'],
      ]) {
        const { status, body, headers } = await stack.call(method, path);
        expect({ method, path, status, allow: headers.get('allow'), error: body.error }).toEqual({
          method,
          path,
          status: 405,
          allow,
          error: 'method_not_allowed',
        });
      }
    },
  );

  it('nothing is half-written: every refused request left the cases’ audit trails as they were', async () => {
    const after = JSON.stringify(
      await Promise.all(
        Object.values(ids).map((id) => driver.ok('GET', `/v1/cases/${id}/history`, { token: driver.municipal() })),
      ),
    );
    expect(after).toBe(historiesBefore);
  });
});
