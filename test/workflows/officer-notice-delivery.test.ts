import { SmtpNoticeMailer } from '../../activities/notices/mailer';
import { OfficersRepository } from '../../persistence/repositories/officers.repository';
import { createParkflowWorker } from '../../worker/create-worker';
import { CaseDriver, morningAfter } from '../../tooling/stacks/case-driver';
import { eventually } from '../../tooling/eventually';
import { expectedDeadline } from '../support/workflows/holiday-calendar';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';
import { deliveriesOf, SmtpSink } from '../support/mail/smtp-sink';
import { startWorkflowHarness, type WorkflowHarness } from '../../tooling/stacks/workflow-harness';

/**
 * Issue 20 item 2, exactly-once delivery as for districts, under the same faults (notice-delivery.test.ts,
 * notice-delivery-restart.test.ts): the SMTP server down when an expert's review reminders and the finance desk's
 * payment reminders are issued, and a worker shut down while the server holds its reply to an expert's reminder; each
 * reaches each of its addresses in the officer directory once, with its Message-ID.
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
async function throughOutage(driver: CaseDriver, issue: () => Promise<void>): Promise<void> {
  const rows = () => deliveriesOf(h.dataSource, driver.caseId, ['expert', 'finance']);
  await driver.recorded(); // what was issued before is out before the outage
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
  await throughOutage(driver, () => driver.sleepUntil(beforeNoon));
  await driver.review(PANEL[2]);
  await driver.designate(2_000_000);
  const [tranche1] = (await driver.snapshot()).payments;
  const confirmation = expectedDeadline('payment_confirmation', tranche1.confirmBy);
  // §5.2: weekly reminders to the finance desk once the confirmation is late.
  await throughOutage(driver, () =>
    driver.sleepUntil(morningAfter(new Date(Date.parse(confirmation.dueAt) + 8 * 24 * HOUR_MS).toISOString())),
  );
  await driver.confirmAllPayments();
  await driver.recorded(); // and never terminated under a running activity (see caseRecorded)

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

it('§5.1 a worker shut down before SMTP answers DATA for an expert’s reminder: the next sends it once', async () => {
  await h.stopSharedWorker(); // its sticky cache would hold on to the case; these workers keep none
  const common = h.uncachedWorkerDeps(sink.url);
  const first = await createParkflowWorker(common);
  const firstRun = first.run();
  const driver = await CaseDriver.file(h);
  await driver.accept();
  await driver.formPanel(PANEL);
  for (const expert of PANEL.slice(0, 2)) await driver.review(expert);
  const rows = () => deliveriesOf(h.dataSource, driver.caseId, ['expert']);
  await driver.recorded(); // the invitations' rows are written (answered first, recorded right after)
  await eventually(async () => (await rows()).every((row) => row.status !== 'pending'), 'the panel’s invitations');
  const before = { received: sink.received.length, abandoned: sink.abandoned };
  const review = expectedDeadline('review', (await driver.snapshot()).panel!.reviewDueAt);
  const reply = sink.holdNextReply();
  // Past the reminder at D−7 (09:00 of D−7, or of the last working day before it), before the one at D−1.
  const skipping = driver.sleepUntil(new Date(Date.parse(review.dueAt) - 5 * 24 * HOUR_MS).toISOString());
  await reply.held; // the D−7 reminder's message is in, its 250 not yet out
  first.shutdown();
  await firstRun;
  expect(sink.abandoned - before.abandoned).toBe(1);
  expect(sink.received.length).toBe(before.received);

  const second = await createParkflowWorker(common);
  await second.runUntil(async () => {
    await skipping;
    await h.env.sleep(HOUR_MS); // past the retry of the aborted attempt
    await eventually(async () => (await rows()).every((row) => row.status !== 'pending'), 'the reminder');
    await driver.recorded();
  });
  const [reminder] = (await rows()).filter((row) => row.kind === 'review_reminder');
  expect(reminder).toMatchObject({ address: EXPERT_C, status: 'sent', attempts: 1, delivery_status: 'delivered' });
  expect(sink.received.filter((mail) => mail.messageId === reminder.message_id)).toEqual([
    expect.objectContaining({ to: EXPERT_C }),
  ]);
  await driver.handle.terminate('test finished');
});
