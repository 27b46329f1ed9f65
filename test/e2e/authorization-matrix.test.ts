import { signDevelopmentToken } from '../../api/auth/development-token';
import type { OfficerRole } from '../../workflows/definitions/case';
import {
  CASE_ROUTE_ACTION_NAMES,
  OFFICER_ACTIONS,
  caseActionPath,
  type CaseRouteActionName,
} from '../../workflows/definitions/officer-actions';
import { validApplication } from '../../tooling/fixtures/applications';
import { HttpDriver, PANEL, reportBody } from '../../tooling/http/http-driver';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * api-contract "Identity", table-driven: every endpoint × every kind of caller → the expected status.
 * A permitted caller gets the endpoint's real answer on a designated case of 渝北区 (500112): 2xx, or the
 * workflow's 409 where the stage does not allow the action, or its 422 where only the case can refuse the input
 * (R-RPT-5) — proof the request got past authorization. The officer actions' rows take their paths and permitted
 * roles from OFFICER_ACTIONS (workflows/definitions/officer-actions.ts); what each answers on that case is stated here.
 */
type Caller =
  'anonymous' | 'districtOwn' | 'districtForeign' | 'municipal' | 'finance' | 'expertOnPanel' | 'expertOffPanel';
const CALLERS: Caller[] = [
  'anonymous',
  'districtOwn',
  'districtForeign',
  'municipal',
  'finance',
  'expertOnPanel',
  'expertOffPanel',
];

interface Fixture {
  caseId: string;
  tranche1: string;
  year: number;
}
/** The status each kind of caller gets. */
type Expected = Record<Caller, number>;
interface Row {
  endpoint: string;
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  expected: Expected;
}

const only = (allowed: Partial<Expected>, otherwise = 403): Expected =>
  Object.fromEntries(CALLERS.map((c) => [c, c === 'anonymous' ? 401 : (allowed[c] ?? otherwise)])) as Expected;
const scopedRead = only({
  districtOwn: 200,
  districtForeign: 404,
  municipal: 200,
  finance: 200,
  expertOnPanel: 200,
  expertOffPanel: 404,
});

/** Each role's caller the fixture's case is visible to, and the one it is hidden from (other district, off panel). */
const CALLERS_OF: Record<OfficerRole, { visible: Caller; hidden?: Caller }> = {
  district: { visible: 'districtOwn', hidden: 'districtForeign' },
  municipal: { visible: 'municipal' },
  finance: { visible: 'finance' },
  expert: { visible: 'expertOnPanel', hidden: 'expertOffPanel' },
};
/** A read every caller may make. */
const EVERYONE_200: Expected = only({
  districtOwn: 200,
  districtForeign: 200,
  municipal: 200,
  finance: 200,
  expertOnPanel: 200,
  expertOffPanel: 200,
});
/** An officer action's row: its roles' callers get `answer` (`hidden` where the case is not theirs), others 403. */
const permitted = (roles: readonly OfficerRole[], answer: number, hidden = 404): Expected => {
  const allowed: Partial<Expected> = {};
  for (const role of roles) {
    const callers = CALLERS_OF[role];
    allowed[callers.visible] = answer;
    if (callers.hidden) allowed[callers.hidden] = hidden;
  }
  return only(allowed);
};
/** A path of OFFICER_ACTIONS with the fixture's case and tranche 1 filled in. */
const fill = (path: string, f: Fixture): string =>
  path.replace('{caseId}', f.caseId).replace('{paymentId}', encodeURIComponent(f.tranche1));

/** What a permitted caller sends to each action's route on the designated case, and the answer it gets. */
const ON_DESIGNATED_CASE: Record<CaseRouteActionName, { body: (f: Fixture) => unknown; answer: number }> = {
  acceptance: { body: () => ({ accepted: true }), answer: 409 },
  formPanel: { body: () => ({ expertIds: PANEL }), answer: 409 },
  submitReview: { body: () => ({ necessity: 80, feasibility: 80, recommend: true }), answer: 409 },
  // R-REV-3: opinions are recorded while accepted or under review, not on a designated case.
  departmentOpinion: {
    body: () => ({ department: '市财政局', position: 'support', opinion: '同意', date: '2026-01-05' }),
    answer: 409,
  },
  designation: { body: () => ({ decision: 'reject', reason: '—' }), answer: 409 },
  incubationBase: { body: () => ({}), answer: 200 },
  confirmPayment: { body: () => ({ paidAt: '2026-12-01T10:00:00+08:00', bankReference: 'B-1' }), answer: 200 },
  // R-RPT-5: the first reporting year of a park designated today has not ended: the workflow refuses its report
  // (422 naming `year`).
  annualReport: { body: (f) => reportBody(f.year), answer: 422 },
  evaluation: { body: () => ({ outcome: 'renew', findings: '运营规范' }), answer: 200 },
  refundPayment: { body: () => ({ amount: 1, paidAt: '2027-01-01', bankReference: 'R-1' }), answer: 409 },
  refundWriteOff: { body: () => ({ reason: '追缴无果' }), answer: 409 },
};

const { roles: filers, filing } = OFFICER_ACTIONS.submitApplication;
const ROWS: Row[] = [
  // The application names 渝北区: an officer of another district may not file it (403), whatever the case.
  {
    endpoint: `POST ${filing.start}`,
    path: () => filing.start,
    body: () => validApplication(),
    expected: permitted(filers, 201, 403),
  },
  {
    endpoint: `POST ${filing.resubmission}`,
    path: (f) => fill(filing.resubmission, f),
    body: () => validApplication(),
    expected: permitted(filers, 409),
  },
  ...CASE_ROUTE_ACTION_NAMES.map((name): Row => ({
    endpoint: `POST ${caseActionPath(name)}`,
    path: (f) => fill(caseActionPath(name), f),
    body: ON_DESIGNATED_CASE[name].body,
    expected: permitted(OFFICER_ACTIONS[name].roles, ON_DESIGNATED_CASE[name].answer),
  })),
  {
    endpoint: 'GET /v1/cases',
    path: () => '/v1/cases',
    expected: EVERYONE_200,
  },
  {
    endpoint: 'GET /v1/cases?district=500112',
    path: () => '/v1/cases?district=500112',
    expected: only({
      districtOwn: 200,
      districtForeign: 403,
      municipal: 200,
      finance: 200,
      expertOnPanel: 200,
      expertOffPanel: 200,
    }),
  },
  { endpoint: 'GET /v1/cases/{id}', path: (f) => `/v1/cases/${f.caseId}`, expected: scopedRead },
  { endpoint: 'GET /v1/cases/{id}/history', path: (f) => `/v1/cases/${f.caseId}/history`, expected: scopedRead },
  {
    endpoint: 'GET /v1/deadlines',
    path: () => '/v1/deadlines',
    expected: EVERYONE_200,
  },
  { endpoint: 'GET /v1/stats/designations', path: () => '/v1/stats/designations', expected: only({ municipal: 200 }) },
  {
    endpoint: 'GET /v1/calendar',
    path: () => '/v1/calendar?from=2026-10-01&to=2026-10-08',
    expected: EVERYONE_200,
  },
  {
    // R-STAT-1, §5.1 名单: published to anyone, with or without a token.
    endpoint: 'GET /v1/public/designated-parks',
    path: () => '/v1/public/designated-parks',
    expected: { ...EVERYONE_200, anonymous: 200 },
  },
  {
    endpoint: 'GET /v1/districts',
    path: () => '/v1/districts',
    expected: EVERYONE_200,
  },
  // Issue 20 item 2: every role reads its own inbox.
  { endpoint: 'GET /v1/notifications', path: () => '/v1/notifications', expected: EVERYONE_200 },
  {
    endpoint: 'POST /v1/notifications/{id}/read (no such notification)',
    path: () => '/v1/notifications/no-such-notice/read',
    body: () => ({}),
    expected: only({
      districtOwn: 404,
      districtForeign: 404,
      municipal: 404,
      finance: 404,
      expertOnPanel: 404,
      expertOffPanel: 404,
    }),
  },
  { endpoint: 'GET /v1/me', path: () => '/v1/me', expected: EVERYONE_200 },
  { endpoint: 'GET /v1/officers', path: () => '/v1/officers', expected: only({ municipal: 200 }) },
  {
    endpoint: 'GET /v1/districts/{code}/contacts',
    path: () => '/v1/districts/500155/contacts',
    expected: only({ municipal: 200 }),
  },
  {
    endpoint: 'PUT /v1/districts/{code}/contacts',
    path: () => '/v1/districts/500155/contacts',
    body: () => ({ contacts: [{ email: 'liangping@example.gov.cn' }] }),
    expected: only({ municipal: 200 }),
  },
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
      const response = await stack.call(method, row.path(fixture), {
        token: tokens[caller],
        body: row.body?.(fixture),
      });
      actual[caller] = response.status;
      expect(response.body).toEqual(
        expect.objectContaining(
          response.status >= 400
            ? { error: expect.any(String), message: expect.any(String), details: expect.any(Array) }
            : {},
        ),
      );
    }
    expect(actual).toEqual(row.expected);
  });

  it(
    'a token signed with another secret, an unknown role ' + 'or a district token without a known district is 401',
    async () => {
      const forged = signDevelopmentToken({ sub: 'x', role: 'municipal' }, 'not-the-secret-0123456789');
      const badRole = stack.token('mayor' as never);
      const unknownDistrict = stack.token('district', '999999');
      for (const token of [forged, badRole, unknownDistrict, 'not-a-jwt']) {
        const response = await stack.call('GET', '/v1/cases', { token });
        expect({ status: response.status, error: response.body.error }).toEqual({ status: 401, error: 'unauthorized' });
      }
    },
  );
});
