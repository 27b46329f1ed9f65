import { SmtpNoticeMailer } from '../../activities/notices/mailer';
import { OfficersRepository } from '../../persistence/repositories/officers.repository';
import { CaseDriver, morningAfter } from '../support/case-driver';
import { eventually } from '../support/eventually';
import { expectedDeadline } from '../support/holiday-calendar';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { deliveriesOf, SmtpSink } from '../support/smtp-sink';
import { startWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

/**
 * Issue 20 item 2, exactly-once delivery as for districts, under the same fault (notice-delivery.test.ts): the SMTP
 * server is down when an expert's review reminders and the finance desk's payment reminders are issued;
 * once it is back, each reaches each of its addresses in the officer directory once, with its Message-ID.
 */
const PANEL = ['drill-expert-a', 'drill-expert-b', 'drill-expert-c'];
const EXPERT_C = 'expert-c@experts.cq.cn';
const FINANCE = ['finance-1@cz.cq.cn', 'finance-2@cz.cq.cn'];
const HOUR_MS = 3_600_000;

let database: OwnDatabase;
let sink: SmtpSink;
let h: WorkflowHarness;
beforeAll(async () => {
  database = await createOwnDatabase('officer_mail'); // a directory of its own: finance officers get every reminder
  sink = await SmtpSink.start();
  h = await startWorkflowHarness({
    taskQueuePrefix: 'officer-mail',
    notices: { mailer: new SmtpNoticeMailer(sink.url, 'parkflow <notices@parkflow.test>'), municipalEmails: [] },
    databaseUrl: database.url,
  });
  await new OfficersRepository(h.dataSource).importOfficers([
    { subject: PANEL[2], role: 'expert', email: EXPERT_C, displayName: '王芳' },
    { subject: 'drill-finance-1', role: 'finance', email: FINANCE[0] },
    { subject: 'drill-finance-2', role: 'finance', email: FINANCE[1] },
    { subject: 'drill-finance-without', role: 'finance' },
  ]);
});
afterAll(async () => {
  await h?.teardown();
  await sink?.stop();
  await database?.drop();
});

/** Lets the delivery activity fail while the SMTP server is down, then brings it back and waits for the outbox. */
async function throughOutage(h: WorkflowHarness, caseId: string, issue: () => Promise<void>): Promise<void> {
  const rows = () => deliveriesOf(h.dataSource, caseId, ['expert', 'finance']);
  await sink.stop();
  await issue();
  const failing = async () => (await rows()).some((row) => row.status === 'pending' && (row.attempts ?? 0) >= 1);
  await eventually(failing, 'a failed attempt');
  await h.env.sleep(5 * 60_000); // retries 30 s, 1 min, 2 min after the first attempt, failing too
  await sink.restart();
  await h.env.sleep(7 * HOUR_MS); // past the next retry (backoff up to 6 h: the outage lasted days)
  await eventually(async () => (await rows()).every((row) => row.status !== 'pending'), 'the deliveries');
}

it('§5.1 §5.2 an expert’s and finance’s reminders, issued while SMTP is down, arrive once each', async () => {
  const driver = await CaseDriver.file(h);
  await driver.accept();
  await driver.formPanel(PANEL);
  for (const expert of PANEL.slice(0, 2)) await driver.review(expert);
  const review = expectedDeadline('review', (await driver.snapshot()).panel!.reviewDueAt);
  // §5.1: reminders at D−7 and D−1 to the expert who has not reviewed (before 12:00 Chongqing of day D).
  const beforeNoon = new Date(Date.parse(review.dueAt) - 12 * HOUR_MS).toISOString();
  await throughOutage(h, driver.caseId, () => driver.sleepUntil(beforeNoon));
  await driver.review(PANEL[2]);
  await driver.designate(2_000_000);
  const [tranche1] = (await driver.snapshot()).payments;
  const confirmation = expectedDeadline('payment_confirmation', tranche1.confirmBy);
  // §5.2: weekly reminders to the finance desk once the confirmation is late.
  await throughOutage(h, driver.caseId, () =>
    driver.sleepUntil(morningAfter(new Date(Date.parse(confirmation.dueAt) + 8 * 24 * HOUR_MS).toISOString())),
  );
  await driver.confirmAllPayments();

  const rows = await deliveriesOf(h.dataSource, driver.caseId, ['expert', 'finance']);
  const sent = (kind: string) => rows.filter((row) => row.kind === kind && row.status === 'sent');
  const reviewReminders = sent('review_reminder');
  expect(reviewReminders.map((row) => row.address)).toEqual([EXPERT_C, EXPERT_C]);
  const paymentReminders = sent('payment_confirmation_reminder');
  expect(paymentReminders.length).toBeGreaterThanOrEqual(2);
  expect(new Set(paymentReminders.map((row) => row.address))).toEqual(new Set(FINANCE));
  expect(
    rows.filter((row) => row.recipient_role === 'finance').every((row) => row.delivery_status === 'delivered'),
  ).toBe(true);
  // Exactly once: every sent row was received once, under its own Message-ID, and nothing else reached them.
  for (const row of [...reviewReminders, ...paymentReminders])
    expect(sink.received.filter((mail) => mail.messageId === row.message_id)).toEqual([
      expect.objectContaining({ to: row.address }),
    ]);
  expect(sink.to(EXPERT_C).length + FINANCE.reduce((n, address) => n + sink.to(address).length, 0)).toBe(
    rows.filter((row) => row.status === 'sent').length,
  );
  expect([...reviewReminders, ...paymentReminders].some((row) => (row.attempts ?? 0) >= 2)).toBe(true);
  await driver.handle.terminate('test finished');
});
