import { chongqingYear } from '../../workflows/civil-date';
import { reportBody, HttpDriver } from '../support/http-driver';
import { startStack, type Stack } from '../support/stack-harness';

/** A policy day lasts 0.1 s: the 14-day payment confirmation window passes in 1.4 s of the test. */
const POLICY_TIME_SCALE = 864_000;

let stack: Stack;
let driver: HttpDriver;
beforeAll(async () => {
  stack = await startStack({ env: { POLICY_TIME_SCALE: String(POLICY_TIME_SCALE) } });
  driver = new HttpDriver(stack);
});
afterAll(async () => {
  await stack?.teardown();
});

describe('a park’s whole life through HTTP only (compressed POLICY_TIME_SCALE)', () => {
  it('apply → accept → panel → reviews → designate → payments confirmed → yearly report → evaluation → revoke → refund paid → closed', async () => {
    const { municipal, finance } = driver;
    const district = driver.districtToken();
    const caseId = await driver.file();
    await driver.reviewed(caseId);

    // §5.1–§5.2, R-SUB-1: designation instructs tranche 1 (50%).
    const designated = await driver.ok('POST', `/v1/cases/${caseId}/designation`, { token: municipal(), body: { decision: 'designate', reason: '评审通过', subsidyAmount: 2_000_000 } });
    expect(designated.stage).toBe('designated');
    const tranche1 = designated.payments.find((p: { kind: string }) => p.kind === 'subsidy_tranche_1');
    expect(tranche1).toMatchObject({ amount: 1_000_000, status: 'instructed' });

    // Policy time runs: once the 14 policy days pass, the confirmation is overdue in the lists.
    const overdue = await driver.until(`/v1/deadlines?overdue=true&kind=payment_confirmation`, municipal(), (page) => page.items.some((d: { caseId: string }) => d.caseId === caseId));
    expect(overdue.items.find((d: { caseId: string }) => d.caseId === caseId)).toMatchObject({ kind: 'payment_confirmation', overdue: true, dueAt: tranche1.confirmBy });
    const overdueCases = await driver.ok('GET', '/v1/cases?overdue=true&stage=designated', { token: district });
    expect(overdueCases.items.map((c: { caseId: string }) => c.caseId)).toContain(caseId);

    const confirmed = await driver.ok('POST', `/v1/cases/${caseId}/payments/${encodeURIComponent(tranche1.paymentId)}/confirmation`, { token: finance(), body: { paidAt: '2026-12-01T10:00:00+08:00', bankReference: 'CQ-T-0001' } });
    expect(confirmed.payments).toEqual([expect.objectContaining({ kind: 'subsidy_tranche_1', status: 'paid', bankReference: 'CQ-T-0001' })]);

    // §5.3 R-RPT-1: the first yearly report releases tranche 2 (the rest of the subsidy).
    const year = chongqingYear(designated.designation.designatedAt);
    const reported = await driver.ok('POST', `/v1/cases/${caseId}/annual-reports`, { token: district, body: reportBody(year) });
    expect(reported.reports).toEqual([expect.objectContaining({ year, revenue: 420_000_000 })]);
    const tranche2 = reported.payments.find((p: { kind: string }) => p.kind === 'subsidy_tranche_2');
    expect(tranche2).toMatchObject({ amount: 1_000_000, status: 'instructed' });
    await driver.ok('POST', `/v1/cases/${caseId}/payments/${encodeURIComponent(tranche2.paymentId)}/confirmation`, { token: finance(), body: { paidAt: '2027-01-05T10:00:00+08:00', bankReference: 'CQ-T-0002' } });

    // R-EVL-1 / R-REF-1: revoked with a refund demand of 1,500,000 CNY, paid in two parts → closed.
    const revoked = await driver.ok('POST', `/v1/cases/${caseId}/evaluations`, { token: municipal(), body: { outcome: 'revoke', findings: '名存实亡', refundAmount: 1_500_000 } });
    expect(revoked).toMatchObject({ stage: 'revoked', refundDemand: { amount: 1_500_000, paidAmount: 0, status: 'open' } });
    const partly = await driver.ok('POST', `/v1/cases/${caseId}/refund-payments`, { token: finance(), body: { amount: 500_000, paidAt: '2027-02-01T09:00:00+08:00', bankReference: 'CQ-R-1' } });
    expect(partly).toMatchObject({ stage: 'revoked', refundDemand: { paidAmount: 500_000, status: 'open' } });
    const closed = await driver.ok('POST', `/v1/cases/${caseId}/refund-payments`, { token: finance(), body: { amount: 1_000_000, paidAt: '2027-02-08T09:00:00+08:00', bankReference: 'CQ-R-2' } });
    expect(closed).toMatchObject({ stage: 'closed', refundDemand: { paidAmount: 1_500_000, status: 'settled' }, deadlines: [] });

    // The read model has caught up, and the audit trail has every officer action, in order.
    await driver.until(`/v1/cases/${caseId}`, municipal(), (c) => c.stage === 'closed');
    const history = await driver.ok('GET', `/v1/cases/${caseId}/history`, { token: district });
    const officerActions = history.items.filter((e: { actor: { role: string } }) => e.actor.role !== 'system').map((e: { action: string }) => e.action);
    expect(officerActions).toEqual([
      'application_filed', 'application_accepted', 'panel_formed', 'review_submitted', 'review_submitted', 'review_submitted', 'designated',
      'payment_confirmed', 'annual_report_submitted', 'payment_confirmed', 'evaluated_revoke', 'refund_received', 'refund_received',
    ]);
    // Designation statistics (§3): counted while designated, no longer after the revocation.
    const stats = await driver.ok('GET', `/v1/stats/designations?at=${encodeURIComponent(designated.designation.designatedAt)}`, { token: municipal() });
    expect(stats.parks.map((p: { caseId: string }) => p.caseId)).toContain(caseId);
    const now = await driver.ok('GET', '/v1/stats/designations', { token: municipal() });
    expect(now.parks.map((p: { caseId: string }) => p.caseId)).not.toContain(caseId);
  });
});
