import { JwtService } from '@nestjs/jwt';
import { validApplication } from '../support/fixtures';
import { HttpDriver, PANEL, reportBody } from '../support/http-driver';
import { startStack, type Stack } from '../support/stack-harness';

/**
 * api-contract "Identity", table-driven: every endpoint × every kind of caller → the expected status.
 * A permitted caller gets the endpoint's real answer on a designated case of 渝北区 (500112): 2xx, or the
 * workflow's 409 where the stage does not allow the action, or its 422 where only the case can refuse the input
 * (R-RPT-5) — proof the request got past authorization.
 */
type Caller = 'anonymous' | 'districtOwn' | 'districtForeign' | 'municipal' | 'finance' | 'expertOnPanel' | 'expertOffPanel';
const CALLERS: Caller[] = ['anonymous', 'districtOwn', 'districtForeign', 'municipal', 'finance', 'expertOnPanel', 'expertOffPanel'];

interface Fixture {
  caseId: string;
  tranche1: string;
  year: number;
}
interface Row {
  endpoint: string;
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  expected: Record<Caller, number>;
}

const only = (allowed: Partial<Record<Caller, number>>, otherwise = 403): Record<Caller, number> =>
  Object.fromEntries(CALLERS.map((c) => [c, c === 'anonymous' ? 401 : (allowed[c] ?? otherwise)])) as Record<Caller, number>;
const scopedRead = only({ districtOwn: 200, districtForeign: 404, municipal: 200, finance: 200, expertOnPanel: 200, expertOffPanel: 404 });

const ROWS: Row[] = [
  { endpoint: 'POST /v1/applications', path: () => '/v1/applications', body: () => validApplication(), expected: only({ districtOwn: 201 }) },
  { endpoint: 'POST /v1/cases/{id}/resubmission', path: (f) => `/v1/cases/${f.caseId}/resubmission`, body: () => validApplication(), expected: only({ districtOwn: 409, districtForeign: 404 }) },
  { endpoint: 'POST /v1/cases/{id}/acceptance', path: (f) => `/v1/cases/${f.caseId}/acceptance`, body: () => ({ accepted: true }), expected: only({ municipal: 409 }) },
  { endpoint: 'POST /v1/cases/{id}/panel', path: (f) => `/v1/cases/${f.caseId}/panel`, body: () => ({ expertIds: PANEL }), expected: only({ municipal: 409 }) },
  { endpoint: 'POST /v1/cases/{id}/reviews', path: (f) => `/v1/cases/${f.caseId}/reviews`, body: () => ({ necessity: 80, feasibility: 80, recommend: true }), expected: only({ expertOnPanel: 409, expertOffPanel: 404 }) },
  { endpoint: 'POST /v1/cases/{id}/designation', path: (f) => `/v1/cases/${f.caseId}/designation`, body: () => ({ decision: 'reject', reason: '—' }), expected: only({ municipal: 409 }) },
  { endpoint: 'POST /v1/cases/{id}/incubation-base', path: (f) => `/v1/cases/${f.caseId}/incubation-base`, body: () => ({}), expected: only({ municipal: 200 }) },
  { endpoint: 'POST /v1/cases/{id}/payments/{pid}/confirmation', path: (f) => `/v1/cases/${f.caseId}/payments/${encodeURIComponent(f.tranche1)}/confirmation`, body: () => ({ paidAt: '2026-12-01T10:00:00+08:00', bankReference: 'B-1' }), expected: only({ finance: 200 }) },
  // R-RPT-5: the first reporting year of a park designated today has not ended, so the workflow refuses its report (422 naming `year`).
  { endpoint: 'POST /v1/cases/{id}/annual-reports', path: (f) => `/v1/cases/${f.caseId}/annual-reports`, body: (f) => reportBody(f.year), expected: only({ districtOwn: 422, districtForeign: 404 }) },
  { endpoint: 'POST /v1/cases/{id}/evaluations', path: (f) => `/v1/cases/${f.caseId}/evaluations`, body: () => ({ outcome: 'renew', findings: '运营规范' }), expected: only({ municipal: 200 }) },
  { endpoint: 'POST /v1/cases/{id}/refund-payments', path: (f) => `/v1/cases/${f.caseId}/refund-payments`, body: () => ({ amount: 1, paidAt: '2027-01-01', bankReference: 'R-1' }), expected: only({ finance: 409 }) },
  { endpoint: 'POST /v1/cases/{id}/refund-write-off', path: (f) => `/v1/cases/${f.caseId}/refund-write-off`, body: () => ({ reason: '追缴无果' }), expected: only({ municipal: 409 }) },
  { endpoint: 'GET /v1/cases', path: () => '/v1/cases', expected: only({ districtOwn: 200, districtForeign: 200, municipal: 200, finance: 200, expertOnPanel: 200, expertOffPanel: 200 }) },
  { endpoint: 'GET /v1/cases?district=500112', path: () => '/v1/cases?district=500112', expected: only({ districtOwn: 200, districtForeign: 403, municipal: 200, finance: 200, expertOnPanel: 200, expertOffPanel: 200 }) },
  { endpoint: 'GET /v1/cases/{id}', path: (f) => `/v1/cases/${f.caseId}`, expected: scopedRead },
  { endpoint: 'GET /v1/cases/{id}/history', path: (f) => `/v1/cases/${f.caseId}/history`, expected: scopedRead },
  { endpoint: 'GET /v1/deadlines', path: () => '/v1/deadlines', expected: only({ districtOwn: 200, districtForeign: 200, municipal: 200, finance: 200, expertOnPanel: 200, expertOffPanel: 200 }) },
  { endpoint: 'GET /v1/stats/designations', path: () => '/v1/stats/designations', expected: only({ municipal: 200 }) },
  { endpoint: 'GET /v1/districts', path: () => '/v1/districts', expected: only({ districtOwn: 200, districtForeign: 200, municipal: 200, finance: 200, expertOnPanel: 200, expertOffPanel: 200 }) },
  { endpoint: 'GET /v1/notifications', path: () => '/v1/notifications', expected: only({ districtOwn: 200, districtForeign: 200, municipal: 200 }) },
  { endpoint: 'POST /v1/notifications/{id}/read (no such notification)', path: () => '/v1/notifications/no-such-notice/read', body: () => ({}), expected: only({ districtOwn: 404, districtForeign: 404, municipal: 404 }) },
  { endpoint: 'GET /v1/districts/{code}/contacts', path: () => '/v1/districts/500155/contacts', expected: only({ municipal: 200 }) },
  { endpoint: 'PUT /v1/districts/{code}/contacts', path: () => '/v1/districts/500155/contacts', body: () => ({ contacts: [{ email: 'liangping@example.gov.cn' }] }), expected: only({ municipal: 200 }) },
];

let stack: Stack;
let fixture: Fixture;
let tokens: Record<Caller, string | undefined>;
beforeAll(async () => {
  stack = await startStack();
  const driver = new HttpDriver(stack);
  const designated = await driver.designated();
  fixture = {
    caseId: designated.caseId,
    tranche1: designated.payments[0].paymentId,
    year: designated.designation.firstReportingYear,
  };
  tokens = {
    anonymous: undefined,
    districtOwn: driver.districtToken(),
    districtForeign: stack.token('district', '500103'),
    municipal: driver.municipal(),
    finance: driver.finance(),
    expertOnPanel: driver.expert(PANEL[0]),
    expertOffPanel: driver.expert('expert-not-on-panel'),
  };
});
afterAll(async () => {
  await stack?.teardown();
});

describe('authorization matrix (api-contract "Identity"): endpoint × caller → status', () => {
  it.each(ROWS.map((row) => [row.endpoint, row] as const))('%s', async (_endpoint, row) => {
    const method = row.endpoint.split(' ')[0];
    const actual: Record<string, number> = {};
    for (const caller of CALLERS) {
      const response = await stack.call(method, row.path(fixture), { token: tokens[caller], body: row.body?.(fixture) });
      actual[caller] = response.status;
      expect(response.body).toEqual(expect.objectContaining(response.status >= 400 ? { error: expect.any(String), message: expect.any(String), details: expect.any(Array) } : {}));
    }
    expect(actual).toEqual(row.expected);
  });

  it('a token signed with another secret, an unknown role or a district token without a known district is 401', async () => {
    const forged = new JwtService({ secret: 'not-the-secret-0123456789' }).sign({ sub: 'x', role: 'municipal' });
    const badRole = stack.token('mayor' as never);
    const unknownDistrict = stack.token('district', '999999');
    for (const token of [forged, badRole, unknownDistrict, 'not-a-jwt']) {
      const response = await stack.call('GET', '/v1/cases', { token });
      expect({ status: response.status, error: response.body.error }).toEqual({ status: 401, error: 'unauthorized' });
    }
  });
});
