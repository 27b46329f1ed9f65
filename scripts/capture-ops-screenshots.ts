import { agencies, validApplication } from '../tooling/fixtures/applications';
import { httpStack } from '../tooling/http/http-calls';
import { uploadRequiredPapers } from '../tooling/http/papers';
import { signDevelopmentToken } from '../api/auth/development-token';
import { Client, Connection } from '@temporalio/client';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DEVELOPMENT_JWT_SECRET } from '../api/config/app-config';
import type { DesignationDecision, OfficerRole } from '../workflows/definitions/case';
import { OFFICER_ACTIONS } from '../workflows/definitions/officer-actions';
import {
  CASE_STAGE_KEY,
  OVERDUE_REPORTS_KEY,
  PARK_CASE_SEARCH_ATTRIBUTES,
} from '../workflows/definitions/search-attributes';

/**
 * The screenshots of docs/operations.md, taken from a real browser against a running `npm run dev` stack.
 *
 * 1. Files a handful of park cases through the HTTP API, as the officers would, and drives each to a different
 *    stage (submitted, accepted, under review, designated with tranche 1 awaiting finance, designated and paid,
 *    rejected, revoked with a refund demand, returned with its notices' emails stuck).
 * 2. Waits until the stack shows what the guide describes: designated parks with overdue yearly reports and a
 *    `deliverNotices` activity retrying against an SMTP server that does not answer.
 * 3. Opens the Temporal UI in Chromium and, by clicking as an operator would, adds the columns of the custom
 *    search attributes to the workflow list and saves the guide's views; then takes the PNGs into docs/images/.
 *
 * The stack must run with policy time compressed (a policy day per second, so a report falls overdue within
 * about ten minutes of designation) and with an SMTP server that refuses connections:
 *
 *   PARKFLOW_DATA_DIR=/tmp/parkflow-screenshots POLICY_TIME_SCALE=86400 SMTP_URL=smtp://127.0.0.1:2525 npm run dev
 *   npm run build && node dist/scripts/capture-ops-screenshots.js
 *
 * Every POST carries an Idempotency-Key derived from the park and the step, so a second run against the same
 * stack re-attaches to the cases of the first instead of filing new ones. The UI keeps its column choice and
 * saved views in the browser's localStorage (keys `namespace-workflow-table-columns` and
 * `saved-workflow-queries`, per namespace, in ui-server v2.42.1); this script creates them through the UI itself
 * in a fresh browser profile, and prints what the UI stored.
 *
 * Environment: PARKFLOW_API_URL (http://127.0.0.1:3000), TEMPORAL_UI_URL (http://127.0.0.1:8233),
 * TEMPORAL_ADDRESS (127.0.0.1:7233), TEMPORAL_NAMESPACE (default), AUTH_JWT_SECRET (the development secret),
 * CHROMIUM_PATH (/usr/bin/chromium), SCREENSHOTS_DIR (docs/images), OVERDUE_WAIT_SECONDS (900).
 */

const env = (name: string, fallback: string): string => process.env[name] || fallback;
const API = env('PARKFLOW_API_URL', 'http://127.0.0.1:3000');
const UI = env('TEMPORAL_UI_URL', 'http://127.0.0.1:8233');
const TEMPORAL_ADDRESS = env('TEMPORAL_ADDRESS', '127.0.0.1:7233');
const NAMESPACE = env('TEMPORAL_NAMESPACE', 'default');
const SECRET = env('AUTH_JWT_SECRET', DEVELOPMENT_JWT_SECRET);
const CHROMIUM = env('CHROMIUM_PATH', '/usr/bin/chromium');
const OUT = resolve(env('SCREENSHOTS_DIR', 'docs/images')); // run from the repository root
const OVERDUE_WAIT_MS = Number(env('OVERDUE_WAIT_SECONDS', '900')) * 1000;
/** Wide enough for the four search-attribute columns beside the workflow id with the saved views panel open. */
const VIEWPORT = { width: 1600, height: 900 };

const quoted = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');
const CASE_STAGE = CASE_STAGE_KEY.name;
/** What every view asks for besides its own condition (see {@link SAVED_VIEWS}). */
const RUNNING = `ExecutionStatus = 'Running'`;
const inStages = (stages: ReadonlyArray<string>): string => `${CASE_STAGE} IN (${quoted(stages)})`;
/**
 * The saved views of the guide. A case continues-as-new at each reporting-year boundary and its closed runs keep
 * the search attributes they had, so each view asks for the running execution only.
 */
const SAVED_VIEWS = [
  {
    // R-RPT-6: reports missing past their due date, in the stages in which the district can still file them
    name: 'overdue reports',
    query: `${OVERDUE_REPORTS_KEY.name} > 0 AND ${inStages(OFFICER_ACTIONS.annualReport.stages)} AND ${RUNNING}`,
  },
  {
    // R-PAY-1: the stages in which finance may confirm a payment, i.e. that can hold money in flight
    name: 'payments awaiting finance',
    query: `${inStages(OFFICER_ACTIONS.confirmPayment.stages)} AND ${RUNNING}`,
  },
  // §5.1: the stage in which the panel's experts submit their reviews
  { name: 'in review', query: `${inStages(OFFICER_ACTIONS.submitReview.stages)} AND ${RUNNING}` },
] as const;

// ---------------------------------------------------------------------------------------------------------------
// The officers, through the HTTP API

function tokenOf(role: OfficerRole, sub: string, district?: string): string {
  return signDevelopmentToken({ sub, role, district }, SECRET, 2 * 3_600);
}
const municipal = tokenOf('municipal', 'municipal-officer');
const finance = tokenOf('finance', 'finance-desk');
const PANEL = ['expert-li', 'expert-wang', 'expert-zhao'];

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** The fields of the API's answers (a case, a filing, an action's outcome) this script reads. */
interface Answer {
  caseId: string;
  stage: string;
  updateId: string;
  status: string;
  case?: Answer;
  payments: Array<{ paymentId: string; status: string }>;
}

/** Calls the API; a 202 (the action outlasted the API's wait) is followed to its outcome. */
async function call(method: string, path: string, token: string, body?: unknown, key?: string): Promise<Answer> {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as Answer;
  if (response.status === 202) return outcomeOf(answer.caseId, answer.updateId, token);
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

async function outcomeOf(caseId: string, updateId: string, token: string): Promise<Answer> {
  for (let i = 0; i < 120; i += 1) {
    const outcome = await call('GET', `/v1/cases/${caseId}/actions/${encodeURIComponent(updateId)}`, token);
    if (outcome.status === 'applied') return outcome.case ?? outcome;
    if (outcome.status === 'refused') throw new Error(`action ${updateId} refused: ${JSON.stringify(outcome)}`);
    await sleep(1000);
  }
  throw new Error(`action ${updateId} on case ${caseId} has no outcome after 2 minutes`);
}

/** One park of the demonstration: filed by its district, then taken through `steps` by the other officers. */
interface ParkPlan {
  district: string;
  parkName: string;
  agencies: number;
  steps: Step[];
}
type Step = (caseId: string, key: (step: string) => string) => Promise<unknown>;

const actionPath = (caseId: string, path: string): string => `/v1/cases/${caseId}/${path}`;
const accept: Step = (id, key) =>
  call('POST', actionPath(id, OFFICER_ACTIONS.acceptance.route.path), municipal, { accepted: true }, key('accept'));
const formPanel: Step = (id, key) =>
  call('POST', actionPath(id, OFFICER_ACTIONS.formPanel.route.path), municipal, { expertIds: PANEL }, key('panel'));
const review =
  (expert: string): Step =>
  (id, key) =>
    call(
      'POST',
      actionPath(id, OFFICER_ACTIONS.submitReview.route.path),
      tokenOf('expert', expert),
      { necessity: 82, feasibility: 76, recommend: true },
      key(`review-${expert}`),
    );
const decide =
  (decision: DesignationDecision): Step =>
  (id, key) =>
    call(
      'POST',
      actionPath(id, OFFICER_ACTIONS.designation.route.path),
      municipal,
      decision === 'designate'
        ? { decision, reason: '专家评审通过', subsidyAmount: 2_000_000 }
        : { decision, reason: '专家评审未通过：可行性不足' },
      key(decision),
    );
/** Finance confirms every payment the case has instructed. */
const confirmPayments: Step = async (id, key) => {
  const found = await call('GET', `/v1/cases/${id}`, finance);
  for (const payment of found.payments) {
    if (payment.status === 'paid') continue;
    const path = OFFICER_ACTIONS.confirmPayment.route.path.replace('{paymentId}', payment.paymentId);
    const body = { paidAt: '2026-12-01T10:00:00+08:00', bankReference: `CQ-TREASURY-${payment.paymentId}` };
    await call('POST', actionPath(id, path), finance, body, key(`confirm-${payment.paymentId}`));
  }
};
const revoke: Step = (id, key) =>
  call(
    'POST',
    actionPath(id, OFFICER_ACTIONS.evaluation.route.path),
    municipal,
    {
      outcome: 'revoke',
      findings: '园区有名无实，入驻机构未实际运营',
      grounds: ['nominal_only'],
      refundAmount: 1_000_000,
    },
    key('revoke'),
  );
const reviewed: Step[] = [accept, formPanel, ...PANEL.map(review)];

/** The district whose notices are emailed (its contacts are set first): its returned case shows a stuck delivery. */
const STUCK_DISTRICT = '500112';
const PARKS: ParkPlan[] = [
  { district: '500103', parkName: '渝中人力资源服务产业园', agencies: 16, steps: [] },
  { district: '500105', parkName: '江北人力资源服务产业园', agencies: 18, steps: [accept] },
  {
    district: '500106',
    parkName: '沙坪坝人力资源服务产业园',
    agencies: 15,
    steps: [accept, formPanel, review(PANEL[0])],
  },
  { district: '500107', parkName: '九龙坡人力资源服务产业园', agencies: 20, steps: [accept, formPanel] },
  { district: '500108', parkName: '南岸人力资源服务产业园', agencies: 17, steps: [...reviewed, decide('designate')] },
  {
    district: '500191',
    parkName: '两江新区人力资源服务产业园',
    agencies: 25,
    steps: [...reviewed, decide('designate'), confirmPayments],
  },
  { district: '500109', parkName: '北碚人力资源服务产业园', agencies: 15, steps: [...reviewed, decide('reject')] },
  {
    district: '500110',
    parkName: '綦江人力资源服务产业园',
    agencies: 15,
    steps: [...reviewed, decide('designate'), revoke],
  },
  // R-APP-3: 10 agencies are too few → returned; its resubmission reminders go to the district's (dead) mailbox
  { district: STUCK_DISTRICT, parkName: '渝北人力资源服务产业园', agencies: 10, steps: [] },
];

/** Files every park (idempotently) and takes it through its steps; returns the case ids by district. */
async function seed(): Promise<Map<string, string>> {
  await call('PUT', `/v1/districts/${STUCK_DISTRICT}/contacts`, municipal, {
    contacts: [{ email: 'rsj@ybq.cq.gov.cn', name: '渝北区人力社保局', locale: 'zh-CN' }],
  });
  const cases = new Map<string, string>();
  for (const park of PARKS) {
    const key = (step: string): string => `ops-screenshots-${park.district}-${step}`;
    const districtToken = tokenOf('district', `district-${park.district}`, park.district);
    const filed = await call(
      'POST',
      OFFICER_ACTIONS.submitApplication.filing.start,
      districtToken,
      // 15 or more agencies meet R-APP-3; fewer make a filing the bureau returns.
      validApplication({
        district: park.district,
        parkName: park.parkName,
        agencies: agencies(park.agencies, park.district),
      }),
      key('file'),
    );
    await uploadRequiredPapers(httpStack(API, SECRET), filed.caseId, districtToken); // R-DOC-1, before acceptance
    for (const step of park.steps) await step(filed.caseId, key);
    const now = await call('GET', `/v1/cases/${filed.caseId}`, municipal);
    console.log(`[seed] ${park.district} ${park.parkName}: case ${filed.caseId}, stage ${now.stage}`);
    cases.set(park.district, filed.caseId);
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------------------------
// Waiting for what the guide shows

async function waitFor(what: string, withinMs: number, check: () => Promise<boolean>): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > withinMs) throw new Error(`gave up waiting for ${what}`);
    console.log(`[wait] ${what} (${Math.round((Date.now() - started) / 1000)} s)`);
    await sleep(15_000);
  }
}

async function pendingDeliveryAttempts(client: Client, workflowId: string): Promise<number> {
  const { raw } = await client.workflow.getHandle(workflowId).describe();
  const attempts = (raw.pendingActivities ?? [])
    .filter((activity) => activity.activityType?.name === 'deliverNotices')
    .map((activity) => activity.attempt ?? 0);
  return Math.max(0, ...attempts);
}

// ---------------------------------------------------------------------------------------------------------------
// The Temporal UI

const listUrl = `${UI}/namespaces/${NAMESPACE}/workflows`;

async function shot(page: Page, file: string): Promise<void> {
  await page.waitForTimeout(1500); // let the table settle after a navigation or a query
  // Typing a query scrolls the UI's content pane down a little: every scrolled element back to its top.
  await page.evaluate(`document.querySelectorAll('*').forEach((element) => { element.scrollTop = 0; })`);
  await page.mouse.move(0, VIEWPORT.height - 1); // no hover highlight
  await page.screenshot({ path: join(OUT, file) });
  console.log(`[shot] ${join(OUT, file)}`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const cases = await seed();
  const connection = await Connection.connect({ address: TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: NAMESPACE });
  const stuckWorkflowId = `park-case-${cases.get(STUCK_DISTRICT)}`;
  try {
    await waitFor('a designated park with an overdue yearly report', OVERDUE_WAIT_MS, async () => {
      const { count } = await client.workflow.count(SAVED_VIEWS[0].query);
      return count > 0;
    });
    await waitFor('a deliverNotices activity retried at least 3 times', 5 * 60_000, async () => {
      return (await pendingDeliveryAttempts(client, stuckWorkflowId)) >= 3;
    });
  } finally {
    await connection.close();
  }
  await capture(stuckWorkflowId);
}

/** The columns of the list: status, workflow id (`park-case-<caseId>`) and the case's search attributes. */
const COLUMNS_REMOVED = ['Run ID', 'Type', 'Start', 'End'];
const COLUMNS_ADDED = PARK_CASE_SEARCH_ATTRIBUTES.map((attribute) => attribute.name);

/** Where the UI keeps the column choice and the saved views (ui-server v2.42.1), per namespace. */
const UI_STORAGE_KEYS = ['namespace-workflow-table-columns', 'saved-workflow-queries'];
/** The browser's globals this script reads inside the page (the project's TypeScript lib has no DOM). */
type BrowserGlobals = { localStorage: { getItem(key: string): string | null } };

async function capture(stuckWorkflowId: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(listUrl);
    await page.getByTestId('workflows-summary-table-configuration-button').click();
    for (const column of COLUMNS_REMOVED) await page.getByTestId(`orderable-list-item-${column}-remove-button`).click();
    for (const column of COLUMNS_ADDED) await page.getByTestId(`orderable-list-item-${column}-add-button`).click();
    await shot(page, 'temporal-ui-columns.png');
    await page.getByTestId('drawer-close-button').click();
    await shot(page, 'temporal-ui-all-workflows.png');

    for (const view of SAVED_VIEWS) {
      await page.getByTestId('all').click();
      const input = page.getByTestId('manual-search-input');
      if (!(await input.isVisible())) await page.getByTestId('toggle-manual-query').click();
      await input.fill(view.query);
      await page.getByTestId('manual-search-button').click();
      await page.getByTestId('create-view-button').click();
      await page.getByTestId('save-view-modal-input').fill(view.name);
      await page.locator('dialog[open]').getByRole('button', { name: 'Save' }).click();
      await shot(page, `temporal-ui-view-${view.name.replaceAll(' ', '-')}.png`);
    }
    for (const key of UI_STORAGE_KEYS) {
      const value = await page.evaluate(
        (name) => (globalThis as unknown as BrowserGlobals).localStorage.getItem(name),
        key,
      );
      console.log(`[ui] localStorage ${key} = ${value}`);
    }

    await page.goto(`${UI}/namespaces/${NAMESPACE}/workflows/${stuckWorkflowId}`);
    await page.getByTestId('pending-activities-tab').click();
    await shot(page, 'temporal-ui-pending-activity.png');
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
