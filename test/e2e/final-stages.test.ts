import { CATALOGUES } from '../../i18n/catalogue';
import { agencies, validApplication } from '../../tooling/fixtures/applications';
import { HttpDriver, PANEL, reportBody } from '../../tooling/http/http-driver';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * policy.md "Calendar, reporting years and money in flight", last rule, and api-contract "Errors": an action on a
 * case whose workflow has ended — `lapsed`, `rejected`, `closed` — is 409 `invalid_stage` naming the stage,
 * decided from the read model; never a 5xx (Temporal refuses an Update to a completed workflow with
 * `WorkflowNotFoundError: workflow execution already completed`, which used to surface as 500).
 *
 * A policy day lasts 0.1 s here, so a returned application lapses (§5.1, 30 days) within about 3 s of the test.
 */
const POLICY_TIME_SCALE = 864_000;
/** 长寿区: no other suite files here (the suites share one database). */
const DISTRICT = '500115';

/** How a 409 names the case's stage (no Accept-Language: Chinese): its code beside its name, `closed（已办结）`. */
const currentStage = (stage: keyof (typeof CATALOGUES)['zh-CN']['common']['stages']): string =>
  `当前阶段：${stage}（${CATALOGUES['zh-CN'].common.stages[stage]}）`;

let stack: Stack;
let driver: HttpDriver;
beforeAll(async () => {
  stack = await startStack({ env: { POLICY_TIME_SCALE: String(POLICY_TIME_SCALE) } });
  driver = new HttpDriver(stack, DISTRICT);
});
afterAll(async () => {
  await stack?.teardown();
});

interface ActionCall {
  action: string;
  path: string;
  token: string;
  body: unknown;
}

/**
 * Every officer action, each by a caller allowed to take it and with a well-formed body: only the stage can refuse
 * it. An expert sees only cases whose panel they sit on (api-contract "Identity"): no review without a panel.
 */
function everyAction(caseId: string, { panel }: { panel: boolean }): ActionCall[] {
  const at = (action: string) => `/v1/cases/${caseId}/${action}`;
  return [
    {
      action: 'resubmission',
      path: at('resubmission'),
      token: driver.districtToken(),
      body: validApplication({ district: DISTRICT }),
    },
    { action: 'acceptance', path: at('acceptance'), token: driver.municipal(), body: { accepted: true } },
    { action: 'panel', path: at('panel'), token: driver.municipal(), body: { expertIds: PANEL } },
    ...(panel
      ? [
          {
            action: 'reviews',
            path: at('reviews'),
            token: driver.expert(PANEL[0]),
            body: { necessity: 80, feasibility: 80, recommend: true },
          },
        ]
      : []),
    {
      action: 'department-opinions',
      path: at('department-opinions'),
      token: driver.municipal(),
      body: { department: '市财政局', position: 'support', opinion: '同意', date: '2026-01-05' },
    },
    {
      action: 'designation',
      path: at('designation'),
      token: driver.municipal(),
      body: { decision: 'designate', reason: '评审通过', subsidyAmount: 2_000_000 },
    },
    { action: 'incubation-base', path: at('incubation-base'), token: driver.municipal(), body: {} },
    {
      action: 'payment confirmation',
      path: at(`payments/${encodeURIComponent(`${caseId}:subsidy_tranche_1`)}/confirmation`),
      token: driver.finance(),
      body: { paidAt: '2026-12-01T10:00:00+08:00', bankReference: 'CQ-T-9999' },
    },
    { action: 'annual-reports', path: at('annual-reports'), token: driver.districtToken(), body: reportBody(2027) },
    {
      action: 'evaluations',
      path: at('evaluations'),
      token: driver.municipal(),
      body: { outcome: 'renew', findings: '运营规范' },
    },
    {
      action: 'refund-payments',
      path: at('refund-payments'),
      token: driver.finance(),
      body: { amount: 1, paidAt: '2027-01-01', bankReference: 'R-1' },
    },
    {
      action: 'refund-write-off',
      path: at('refund-write-off'),
      token: driver.municipal(),
      body: { reason: '区县财政确无偿还能力' },
    },
  ];
}

/**
 * Sends every action to the ended case: each is 409 invalid_stage naming `stage`, and the case's audit trail is
 * unchanged.
 */
async function expectEveryActionRefused(
  caseId: string,
  stage: 'rejected' | 'closed' | 'lapsed',
  panel = true,
): Promise<void> {
  const history = () => driver.ok('GET', `/v1/cases/${caseId}/history`, { token: driver.municipal() });
  const before = await history();
  const answers: Record<string, unknown> = {};
  const expected: Record<string, unknown> = {};
  for (const call of everyAction(caseId, { panel })) {
    const { status, body } = await stack.call('POST', call.path, { token: call.token, body: call.body });
    answers[call.action] = {
      status,
      error: body?.error,
      namesStage: typeof body?.message === 'string' && body.message.includes(currentStage(stage)),
    };
    expected[call.action] = { status: 409, error: 'invalid_stage', namesStage: true };
  }
  expect(answers).toEqual(expected);
  expect(await history()).toEqual(before);
}

/**
 * Simulates a read model that lags behind the workflow: the stored case shows `stage` although the workflow has ended.
 */
async function withStaleReadModel(caseId: string, stage: string, run: () => Promise<void>): Promise<void> {
  const [{ stage: actual }] = await stack.dataSource.query('SELECT stage FROM park_cases WHERE case_id = $1', [caseId]);
  const setStage = (to: string) =>
    stack.dataSource.query(
      `UPDATE park_cases SET stage = $2, snapshot = jsonb_set(snapshot, ` +
        `'{stage}', to_jsonb($2::text)) WHERE case_id = $1`,
      [caseId, to],
    );
  await setStage(stage);
  try {
    await run();
  } finally {
    await setStage(actual);
  }
}

const reject = async (): Promise<string> => {
  const caseId = await driver.reviewed();
  const rejected = await driver.ok('POST', `/v1/cases/${caseId}/designation`, {
    token: driver.municipal(),
    body: { decision: 'reject', reason: '必要性论证不足' },
  });
  expect(rejected.stage).toBe('rejected');
  return caseId;
};

/** Designated, revoked without a refund demand, then tranche 1 confirmed (R-PAY-1): closed. */
const close = async (): Promise<string> => {
  const designated = await driver.designated();
  const caseId = designated.caseId as string;
  const tranche1 = designated.payments.find((p: { kind: string }) => p.kind === 'subsidy_tranche_1');
  const revoked = await driver.ok('POST', `/v1/cases/${caseId}/evaluations`, {
    token: driver.municipal(),
    body: { outcome: 'revoke', findings: '园区有名无实', grounds: ['nominal_only'] },
  });
  // R-PAY-1: tranche 1 is still in flight, so the revoked case does not end yet.
  expect(revoked).toMatchObject({
    stage: 'revoked',
    refundDemand: null,
    payments: [expect.objectContaining({ kind: 'subsidy_tranche_1', status: 'instructed' })],
  });
  const confirmed = await driver.ok(
    'POST',
    `/v1/cases/${caseId}/payments/${encodeURIComponent(tranche1.paymentId)}/confirmation`,
    {
      token: driver.finance(),
      body: { paidAt: '2026-12-01T10:00:00+08:00', bankReference: 'CQ-T-0001' },
    },
  );
  expect(confirmed).toMatchObject({
    stage: 'closed',
    payments: [expect.objectContaining({ kind: 'subsidy_tranche_1', status: 'paid' })],
  });
  return caseId;
};

/** Returned (R-APP-3: 10 agencies), then no resubmission within 30 policy days (§5.1): lapsed. */
const lapse = async (): Promise<string> => {
  const filed = await driver.ok(
    'POST',
    '/v1/applications',
    { token: driver.districtToken(), body: validApplication({ district: DISTRICT, agencies: agencies(10, DISTRICT) }) },
    201,
  );
  expect(filed.stage).toBe('returned');
  await driver.until(`/v1/cases/${filed.caseId}`, driver.municipal(), (c) => c.stage === 'lapsed');
  return filed.caseId as string;
};

describe('final stages answer 409, never 5xx (policy.md "Calendar…", api-contract "Errors")', () => {
  it("final stages answer 409: every action on a rejected case is 409 invalid_stage naming 'rejected'", async () => {
    await expectEveryActionRefused(await reject(), 'rejected');
  });

  it(
    'final stages answer 409: a revoked case closes once finance confirms ' +
      "the payment in flight (R-PAY-1), then every action is 409 naming 'closed'",
    async () => {
      await expectEveryActionRefused(await close(), 'closed');
    },
  );

  it(
    'final stages answer 409: a resubmission (and every other ' +
      "action) on a lapsed case is 409 invalid_stage naming 'lapsed'",
    async () => {
      await expectEveryActionRefused(await lapse(), 'lapsed', false);
    },
  );

  it(
    'final stages answer 409: when the read model lags behind an ended ' +
      "workflow, Temporal's refusal becomes 409 naming the stage the case ended in",
    async () => {
      const closed = await close();
      await withStaleReadModel(closed, 'revoked', async () => {
        // The read model says revoked (both actions allowed there), so the API sends them; the workflow has completed.
        const confirmation = await stack.call(
          'POST',
          `/v1/cases/${closed}/payments/${encodeURIComponent(`${closed}:subsidy_tranche_1`)}/confirmation`,
          {
            token: driver.finance(),
            body: { paidAt: '2026-12-02T10:00:00+08:00', bankReference: 'CQ-T-0002' },
          },
        );
        expect(confirmation).toMatchObject({
          status: 409,
          body: { error: 'invalid_stage', message: expect.stringContaining(currentStage('closed')) },
        });
        const refund = await stack.call('POST', `/v1/cases/${closed}/refund-payments`, {
          token: driver.finance(),
          body: { amount: 1, paidAt: '2027-01-01', bankReference: 'R-1' },
        });
        expect(refund).toMatchObject({
          status: 409,
          body: { error: 'invalid_stage', message: expect.stringContaining(currentStage('closed')) },
        });
      });

      const lapsed = await lapse();
      await withStaleReadModel(lapsed, 'returned', async () => {
        const resubmission = await stack.call('POST', `/v1/cases/${lapsed}/resubmission`, {
          token: driver.districtToken(),
          body: validApplication({ district: DISTRICT }),
        });
        expect(resubmission).toMatchObject({
          status: 409,
          body: { error: 'invalid_stage', message: expect.stringContaining(currentStage('lapsed')) },
        });
      });
    },
  );
});
