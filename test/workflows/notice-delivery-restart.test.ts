import { expectedDeadline, installedCalendar } from '../support/workflows/holiday-calendar';
import { reminderAt } from '../../workflows/lifecycle/working-days';
import { reportDueAt } from '../../workflows/lifecycle/reports';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { createParkflowWorker } from '../../worker/create-worker';
import { CaseDriver } from '../../tooling/stacks/case-driver';
import { validApplication } from '../../tooling/fixtures/applications';
import { deliveriesOf, setContacts, SmtpSink } from '../support/mail/smtp-sink';
import { eventually } from '../../tooling/eventually';
import { startWorkflowHarness, type WorkflowHarness } from '../../tooling/stacks/workflow-harness';

let sink: SmtpSink;
let h: WorkflowHarness;
beforeAll(async () => {
  sink = await SmtpSink.start();
  h = await startWorkflowHarness({ taskQueuePrefix: 'mail-restart' });
});
afterAll(async () => {
  await h?.teardown();
  await sink?.stop();
});

it(
  'R-RPT-1 a worker shut down while the SMTP server has not yet answered ' +
    'DATA aborts the send; the new worker delivers the reminder once',
  async () => {
    await h.stopSharedWorker(); // its sticky cache would hold on to the case; these workers keep none
    const common = h.uncachedWorkerDeps(sink.url);
    await setContacts(h.dataSource, '500108', [{ email: 'shapingba@rsj.spb.cq.cn' }]);
    const first = await createParkflowWorker(common);
    const firstRun = first.run();
    const driver = await CaseDriver.designated(h, 2_000_000, validApplication({ district: '500108' }));
    // Finance's reminders of an unconfirmed payment would be emailed to whichever finance officers the shared
    // directory knows (issue 20): only the district's reminder is in this test's flight.
    await driver.confirmAllPayments();
    const { dueDate } = expectedDeadline(
      'annual_report',
      reportDueAt(await driver.firstReportingYear(), DEFAULT_POLICY),
    );
    const reply = sink.holdNextReply();
    const skipping = driver.sleepUntil(reminderAt(installedCalendar(), dueDate as string, 30)); // T-30, R-CAL-3
    await reply.held; // the T-30 reminder's message is in, its 250 not yet out
    first.shutdown();
    await firstRun;
    expect(sink.abandoned).toBe(1);
    expect(sink.received).toEqual([]);
    const [inFlight] = await deliveriesOf(h.dataSource, driver.caseId);
    expect(inFlight).toMatchObject({ status: 'pending', attempts: 0 }); // the aborted attempt left the row as it was

    const second = await createParkflowWorker(common);
    await second.runUntil(async () => {
      await skipping;
      await h.env.sleep(60 * 60_000); // past the retry of the aborted attempt
      await eventually(
        async () => (await deliveriesOf(h.dataSource, driver.caseId))[0].status === 'sent',
        'the delivery on the new worker',
      );
    });
    expect(sink.received.map((mail) => [mail.to, mail.messageId])).toEqual([
      ['shapingba@rsj.spb.cq.cn', inFlight.message_id],
    ]);
    expect(await deliveriesOf(h.dataSource, driver.caseId)).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 1, delivery_status: 'delivered' }),
    ]);
  },
);
