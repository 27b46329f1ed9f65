import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { creditCodeCheckCharacter } from '../../api/applications/credit-code';
import { encodeCursor } from '../../api/common/paging';
import { HttpDriver } from '../../tooling/http/http-driver';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';
import { runSchemathesis, type FuzzSummary } from '../support/fuzzing/schemathesis';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * issue 10, item 6 ("Fuzzing finds 5xx" / "Fuzzing in CI"): schemathesis, with all its checks, against the served
 * OpenAPI document (`/docs-json`) as a municipal, a district and an expert officer, within 3 minutes in all:
 * - **shape** runs use made-up case ids: every request is judged against the document alone — no 5xx, every
 *   status documented, responses matching their schemas, no schema-valid request refused, no invalid one accepted
 *   (an empty query parameter counts as absent and is documented so);
 * - **state** runs send the ids of real cases in every stage, ended ones included (where the 210 × 500 were): the
 *   same checks, except that a schema-valid body may be refused with 422 there, because rules that read the case
 *   (R-SUB-1 amounts, R-RPT-5 years, R-PAY-1 ceilings, …) judge it.
 * Rate limits are raised so the fuzzer reaches the logic (429 itself is covered in idempotency-and-rate-limit).
 */
let stack: Stack;
let driver: HttpDriver;
let work: string;
/** The fuzzer rewrites district contacts and files cases at random: in a database of its own, not the suites'. */
let database: OwnDatabase | undefined;
beforeAll(async () => {
  database = await createOwnDatabase('parkflow_fuzzing');
  stack = await startStack({
    env: { DATABASE_URL: database.url, RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_BURST: '100000' },
  });
  driver = new HttpDriver(stack);
  work = mkdtempSync(join(tmpdir(), 'parkflow-fuzz-'));
});
afterAll(async () => {
  await stack?.teardown();
  await database?.drop();
});

/** Valid unified social credit codes (R-APP-3), so filings get past the check character to the policy rules. */
const creditCodes = ['91500112MA5U0000', '91500105MA60ABCD', '52500000MJP12345'].map(
  (first16, i) => `${first16}${i}${creditCodeCheckCharacter(`${first16}${i}`)}`,
);

/** Cases in every stage the fuzzer should meet: submitted, under review, designated, revoked (ended). */
async function seedCases(): Promise<string[]> {
  const submitted = await driver.file();
  const underReview = await driver.underReview();
  const designated = (await driver.designated()).caseId as string;
  const revoked = (await driver.designated()).caseId as string;
  const body = { outcome: 'revoke', findings: '园区有名无实', grounds: ['nominal_only'] };
  await driver.ok('POST', `/v1/cases/${revoked}/evaluations`, { token: driver.municipal(), body });
  return [submitted, underReview, designated, revoked];
}

/**
 * Cursors are opaque and checked (a made-up one is 422 by design, as the document says): each list gets a real one,
 * the key of a page's last item, so the fuzzer pages past the first page instead.
 */
const cursors = {
  '/v1/cases': encodeCursor([new Date().toISOString(), 'ffffffff-ffff-4fff-bfff-ffffffffffff']),
  '/v1/notifications': encodeCursor([new Date().toISOString(), 'zzzz']),
  '/v1/deadlines': encodeCursor(['2026-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000', 'review']),
  '/v1/officers': encodeCursor(['zzzz']),
};

const toml = (values: string[]): string => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;

/** The run's schemathesis.toml: test data, and (state runs) 422 as an answer a case's rules may give. */
function writeConfig(mode: 'shape' | 'state', caseIds: string[]): string {
  const lines = [
    '[dictionaries.creditCodes]',
    `values = ${toml(creditCodes)}`,
    '[dictionaries.districts]',
    `values = ${toml(['500112', '500105', '500103'])}`,
    ...(mode === 'state' ? ['[dictionaries.cases]', `values = ${toml(caseIds)}`] : []),
    '[parameters]',
    '"body.agencies[*].creditCode" = { dictionary = "creditCodes", probability = 1.0 }',
    '"path.code" = { dictionary = "districts", probability = 0.8 }',
    ...(mode === 'state' ? ['"path.caseId" = { dictionary = "cases", probability = 1.0 }'] : []),
    ...(mode === 'state'
      ? ['[checks.positive_data_acceptance]', 'expected-statuses = ["2XX", 401, 403, 404, 409, 422]']
      : // made-up ids only: not the ids of cases seen in responses, and no chains of calls through them
        ['[phases.fuzzing.extra-data-sources]', 'responses = false', '[phases.stateful]', 'enabled = false']),
    ...Object.entries(cursors).flatMap(([path, cursor]) => [
      '[[operations]]',
      `include-name = "GET ${path}"`,
      `parameters = { "query.cursor" = ${JSON.stringify(cursor)} }`,
      // `from` after `to` is 422 naming `to`: a rule across two parameters, which OpenAPI 3.0 cannot state
      ...(path === '/v1/deadlines'
        ? ['checks.positive_data_acceptance.expected-statuses = ["2XX", 401, 403, 404, 409, 422]']
        : []),
    ]),
    // The calendar's order and its 366-day span (R-CAL-1/3) are rules across `from` and `to`, as above.
    '[[operations]]',
    'include-name = "GET /v1/calendar"',
    'checks.positive_data_acceptance.expected-statuses = ["2XX", 401, 403, 404, 409, 422]',
    // R-DOC-1: a paper's type is judged by its bytes (415) and its size bounded (413), which OpenAPI cannot state.
    '[[operations]]',
    'include-name = "POST /v1/cases/{caseId}/documents"',
    'checks.positive_data_acceptance.expected-statuses = ["2XX", 401, 403, 404, 409, 413, 415, 422]',
    // A download link is a credential signed by the API: any query it did not sign is 403 (malformed: 400 / 422).
    '[[operations]]',
    'include-name = "GET /v1/documents/{documentId}/content"',
    'checks.positive_data_acceptance.expected-statuses = ["2XX", 400, 403, 404, 422]',
  ];
  const file = join(work, `schemathesis-${mode}.toml`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const report = (label: string, summary: FuzzSummary): string =>
  `${label}: ${summary.requests} requests, by status ${JSON.stringify(summary.byStatus)}, ` +
  `failed checks ${JSON.stringify(summary.failures)}`;

describe('API fuzzing (issue 10, item 6): schemathesis finds no 5xx, no undocumented status, no wrong refusal', () => {
  it('as municipal, district and expert officers, on made-up and on real cases of every stage', async () => {
    const caseIds = await seedCases();
    const configs = { shape: writeConfig('shape', caseIds), state: writeConfig('state', caseIds) };
    const callers = [
      { name: 'municipal', token: driver.municipal(), seconds: 35 },
      { name: 'district', token: driver.districtToken(), seconds: 25 },
      { name: 'expert', token: driver.expert('expert-li'), seconds: 15 },
    ];
    const summaries: string[] = [];
    let serverErrors = 0;
    let failedChecks = 0;
    let requests = 0;
    const perRun: number[] = [];
    for (const mode of ['shape', 'state'] as const) {
      for (const [i, caller] of callers.entries()) {
        const summary = await runSchemathesis({
          baseUrl: stack.baseUrl,
          token: caller.token,
          configFile: configs[mode],
          maxTimeSeconds: caller.seconds,
          ndjsonPath: join(work, `${mode}-${caller.name}.ndjson`),
          seed: 10 + i,
        });
        summaries.push(report(`${mode} ${caller.name}`, summary));
        requests += summary.requests;
        perRun.push(summary.requests);
        serverErrors += Object.entries(summary.byStatus)
          .filter(([s]) => /^5\d\d$/.test(s))
          .reduce((n, [, c]) => n + c, 0);
        failedChecks += Object.keys(summary.failures).length + (summary.exitCode === 0 ? 0 : 1);
        if (summary.exitCode !== 0) summaries.push(summary.output.slice(-6000));
      }
    }
    console.log(`schemathesis: ${requests} requests\n${summaries.join('\n')}`);
    expect({ serverErrors, failedChecks, summaries }).toEqual({ serverErrors: 0, failedChecks: 0, summaries });
    // Each run fuzzed for real. How many requests fit in its time budget is the machine's speed (about 10,000 in all
    // on an idle CI machine, under 1,000 with both cores saturated), which a test does not judge.
    for (const sent of perRun) expect(sent).toBeGreaterThanOrEqual(50);
  });
});
