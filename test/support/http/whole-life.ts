import { civilDateOf, dueDateOf, partsOf } from '../../../workflows/definitions/civil-date';
import { PANEL, reportBody, type HttpDriver } from '../../../tooling/http/http-driver';
import { downloadedSha256, expectEveryRecordedHashStored, uploadPaper } from './papers-in-life';

/**
 * A policy day lasts 0.1 s: the 14-day payment confirmation window passes in 1.4 s of the test.
 *
 * R-RPT-5: the first yearly report can be filed only once the first reporting year has ended — for a park
 * designated after 30 June (as here, today being late 2026) that is the year after designation, so some 13–15
 * policy months pass before it: about 45 s at this scale. The test keeps the real report (the only one filed
 * end to end over HTTP, and what releases tranche 2) rather than skipping it, and waits for it the way the
 * district bureau would: until the R-RPT-1 reminder for that report arrives in its inbox (30 days before
 * 31 March, so the year has ended by then), polled with a bound, never a fixed sleep.
 */
export const WHOLE_LIFE_TIME_SCALE = 864_000;
/** Wall time for ~15 policy months at this scale, with room for a loaded machine. */
const FIRST_REPORTING_YEAR_WAIT_MS = 100_000;
/** The whole life's bound, for the test that runs it. */
export const WHOLE_LIFE_BOUND_MS = FIRST_REPORTING_YEAR_WAIT_MS + 60_000;

export const WHOLE_LIFE =
  'apply → accept → panel → reviews → designate → payments confirmed → yearly report ' +
  '(once its year has ended, R-RPT-5) → evaluation → revoke → refund paid → closed';

/**
 * Issue 20 item 2: each officer of the life signs in (`GET /v1/me`) before the case starts, and the officer directory
 * has them all — with the address their notices are emailed to, when their tokens carry one.
 */
async function signIn(driver: HttpDriver): Promise<void> {
  const tokens = [driver.districtToken(), driver.municipal(), driver.finance(), ...PANEL.map(driver.expert)];
  const subs: string[] = [];
  for (const token of tokens) subs.push((await driver.ok('GET', '/v1/me', { token })).sub);
  await driver.until('/v1/officers?limit=200', driver.municipal(), (page) =>
    subs.every((sub) => page.items.some((officer: { sub: string }) => officer.sub === sub)),
  );
}

/**
 * A park's whole life through HTTP only, as officers live it ({@link WHOLE_LIFE}), against an API whose cases run at
 * {@link WHOLE_LIFE_TIME_SCALE}: every step asserts its answer; the audit trail names each officer and `issuer`, who
 * vouched for them; the experts and the finance desk find their notices in their own inboxes. Run on the dev stack
 * (test/heavy/whole-life-over-http.test.ts) and on the cluster topology
 * (test/heavy/cluster/production-topology.test.ts). Answers the case's id.
 */
export async function wholeLife(driver: HttpDriver, issuer: string): Promise<string> {
  const { municipal, finance } = driver;
  const district = driver.districtToken();
  await signIn(driver);
  const caseId = await driver.file();
  await driver.reviewed(caseId); // the three papers R-DOC-1 wants uploaded before acceptance
  // Issue 25: an expert on the panel opens the district government's letter the review rests on — the same bytes.
  const papers = await driver.ok('GET', `/v1/cases/${caseId}/documents`, { token: driver.expert(PANEL[0]) });
  const letter = papers.items.find((p: { purpose: string }) => p.purpose === 'district_government_letter');
  expect(await downloadedSha256(driver, letter.documentId, driver.expert(PANEL[0]))).toBe(letter.sha256);
  // §5.1, issue 20 item 2: each expert named on the panel is invited, in an inbox of their own.
  for (const expert of PANEL) {
    const invited = await driver.until(`/v1/notifications?caseId=${caseId}`, driver.expert(expert), (page) =>
      page.items.some((notice: { kind: string }) => notice.kind === 'panel_invitation'),
    );
    // Only review reminders may join it (a slow review on a loaded machine): nothing addressed to anyone else.
    for (const notice of invited.items) expect(['panel_invitation', 'review_reminder']).toContain(notice.kind);
  }

  // §5.1–§5.2, R-SUB-1: designation instructs tranche 1 (50%).
  const designated = await driver.ok('POST', `/v1/cases/${caseId}/designation`, {
    token: municipal(),
    body: { decision: 'designate', reason: '评审通过', subsidyAmount: 2_000_000 },
  });
  expect(designated.stage).toBe('designated');
  const tranche1 = designated.payments.find((p: { kind: string }) => p.kind === 'subsidy_tranche_1');
  expect(tranche1).toMatchObject({ amount: 1_000_000, status: 'instructed' });
  // The 14 days end at confirmBy; when that day is a rest day the deadline moves to the next working day (R-CAL-3).
  const confirmation = designated.deadlines.find((d: { kind: string }) => d.kind === 'payment_confirmation');
  expect(confirmation.shiftedFrom ?? confirmation.dueDate).toBe(dueDateOf(tranche1.confirmBy));
  expect(confirmation.dueAt >= tranche1.confirmBy).toBe(true);

  // Policy time runs: once the 14 policy days pass, the confirmation is overdue in the lists.
  const overdue = await driver.until(`/v1/deadlines?overdue=true&kind=payment_confirmation`, municipal(), (page) =>
    page.items.some((d: { caseId: string }) => d.caseId === caseId),
  );
  expect(overdue.items.find((d: { caseId: string }) => d.caseId === caseId)).toMatchObject({
    kind: 'payment_confirmation',
    overdue: true,
    dueAt: confirmation.dueAt,
  });
  const overdueCases = await driver.ok('GET', '/v1/cases?overdue=true&stage=designated', { token: district });
  expect(overdueCases.items.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
  // §5.2, issue 20 item 2: the finance desk is reminded of the late confirmation in its inbox.
  const reminded = await driver.until(
    `/v1/notifications?caseId=${caseId}&kind=payment_confirmation_reminder`,
    finance(),
    (page) => page.items.length > 0,
  );
  expect(reminded.unreadCount).toBeGreaterThan(0);

  const confirmed = await driver.ok(
    'POST',
    `/v1/cases/${caseId}/payments/${encodeURIComponent(tranche1.paymentId)}/confirmation`,
    { token: finance(), body: { paidAt: '2026-12-01T10:00:00+08:00', bankReference: 'CQ-T-0001' } },
  );
  expect(confirmed.payments).toEqual([
    expect.objectContaining({ kind: 'subsidy_tranche_1', status: 'paid', bankReference: 'CQ-T-0001' }),
  ]);

  // R-RPT-5: the first reporting year is the designation year only for a park designated by 30 June (Chongqing).
  const { year: designationYear, month, day } = partsOf(civilDateOf(designated.designation.designatedAt));
  const year = month * 100 + day <= 630 ? designationYear : designationYear + 1;
  expect(designated.designation.firstReportingYear).toBe(year);
  // No report for a year before the first reporting year, nor for a year that has not ended (422 naming `year`).
  for (const early of [year - 1, year]) {
    const refused = await driver.stack.call('POST', `/v1/cases/${caseId}/annual-reports`, {
      token: district,
      body: reportBody(early),
    });
    expect(refused).toMatchObject({
      status: 422,
      body: { error: 'validation_failed', details: [expect.objectContaining({ field: 'year', rule: 'R-RPT-5' })] },
    });
  }

  // R-RPT-1: the district bureau is reminded of the first reporting year's report once that year has ended.
  const reminders = await driver.until(
    `/v1/notifications?caseId=${caseId}&kind=annual_report_reminder`,
    district,
    (page) => page.items.length > 0,
    FIRST_REPORTING_YEAR_WAIT_MS,
  );
  // The reminder is about the report for `year`, due in the spring of the next year (§5.3 default: 31 March).
  expect(dueDateOf(reminders.items[0].dueAt).startsWith(`${year + 1}-`)).toBe(true);

  // §5.2, R-RPT-5: the first reporting year's report releases tranche 2 (the rest of the subsidy).
  const statement = await uploadPaper(driver, caseId, district, 'annual_report'); // R-DOC-1: its statements
  const reported = await driver.ok('POST', `/v1/cases/${caseId}/annual-reports`, {
    token: district,
    body: { ...reportBody(year), documentIds: [statement.documentId] },
  });
  expect(reported.reports).toEqual([expect.objectContaining({ year, revenue: 420_000_000 })]);
  const tranche2 = reported.payments.find((p: { kind: string }) => p.kind === 'subsidy_tranche_2');
  expect(tranche2).toMatchObject({ amount: 1_000_000, status: 'instructed' });
  await driver.ok('POST', `/v1/cases/${caseId}/payments/${encodeURIComponent(tranche2.paymentId)}/confirmation`, {
    token: finance(),
    body: { paidAt: `${year + 1}-03-05T10:00:00+08:00`, bankReference: 'CQ-T-0002' },
  });

  // R-EVL-1/2 / R-REF-1: revoked on stated grounds with a refund demand of 1,500,000 CNY, paid in two parts →
  // closed.
  const revoked = await driver.ok('POST', `/v1/cases/${caseId}/evaluations`, {
    token: municipal(),
    body: { outcome: 'revoke', findings: '名存实亡', grounds: ['nominal_only'], refundAmount: 1_500_000 },
  });
  expect(revoked).toMatchObject({
    stage: 'revoked',
    refundDemand: { amount: 1_500_000, paidAmount: 0, status: 'open' },
  });
  // R-DOC-1 / R-REF-1: finance keeps each refund's bank slip with the case.
  const slip = async () => [(await uploadPaper(driver, caseId, finance(), 'refund_receipt')).documentId];
  const partly = await driver.ok('POST', `/v1/cases/${caseId}/refund-payments`, {
    token: finance(),
    body: { amount: 500_000, paidAt: '2027-02-01T09:00:00+08:00', bankReference: 'CQ-R-1', documentIds: await slip() },
  });
  expect(partly).toMatchObject({ stage: 'revoked', refundDemand: { paidAmount: 500_000, status: 'open' } });
  const closed = await driver.ok('POST', `/v1/cases/${caseId}/refund-payments`, {
    token: finance(),
    body: {
      amount: 1_000_000,
      paidAt: '2027-02-08T09:00:00+08:00',
      bankReference: 'CQ-R-2',
      documentIds: await slip(),
    },
  });
  expect(closed).toMatchObject({
    stage: 'closed',
    refundDemand: { paidAmount: 1_500_000, status: 'settled' },
    deadlines: [],
  });

  // The read model has caught up, and the audit trail has every officer action, in order.
  await driver.until(`/v1/cases/${caseId}`, municipal(), (c) => c.stage === 'closed');
  const history = await driver.ok('GET', `/v1/cases/${caseId}/history`, { token: district });
  const officerActions = history.items
    .filter((e: { actor: { role: string } }) => e.actor.role !== 'system')
    .map((e: { action: string }) => e.action);
  expect(officerActions).toEqual([
    'application_filed',
    ...['document_attached', 'document_attached', 'document_attached'],
    'application_accepted',
    'panel_formed',
    'review_submitted',
    'review_submitted',
    'review_submitted',
    'document_downloaded',
    'designated',
    'payment_confirmed',
    'document_attached',
    'annual_report_submitted',
    'payment_confirmed',
    'evaluated_revoke',
    ...['document_attached', 'refund_received', 'document_attached', 'refund_received'],
  ]);
  await expectEveryRecordedHashStored(driver, caseId, municipal());
  // Every officer's entry names the subject and who vouched for it (issue 14, "Audit").
  const actors = history.items.filter((e: { actor: { role: string } }) => e.actor.role !== 'system');
  expect(actors.find((e: { action: string }) => e.action === 'designated').actor).toEqual({
    id: 'municipal-officer',
    role: 'municipal',
    issuer,
  });
  for (const { actor } of actors) expect(actor).toEqual(expect.objectContaining({ id: expect.any(String), issuer }));
  // Designation statistics (§3): counted while designated, no longer after the revocation.
  const stats = await driver.ok(
    'GET',
    `/v1/stats/designations?at=${encodeURIComponent(designated.designation.designatedAt)}`,
    { token: municipal() },
  );
  expect(stats.parks.map((p: { caseId: string }) => p.caseId)).toContain(caseId);
  const now = await driver.ok('GET', '/v1/stats/designations', { token: municipal() });
  expect(now.parks.map((p: { caseId: string }) => p.caseId)).not.toContain(caseId);
  return caseId;
}
