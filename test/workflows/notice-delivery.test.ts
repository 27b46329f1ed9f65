import { expectedDeadline, installedCalendar } from '../support/workflows/holiday-calendar';
import { isWorkingDay, noticeFrom, reminderAt } from '../../workflows/lifecycle/working-days';
import { civilDateOf } from '../../workflows/definitions/civil-date';
import { SmtpNoticeMailer } from '../../activities/notices/mailer';
import { reportDueAt } from '../../workflows/lifecycle/reports';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { addPolicyDays } from '../../workflows/definitions/policy-time';
import { CaseDriver, goodReport } from '../../tooling/stacks/case-driver';
import { validApplication } from '../../tooling/fixtures/applications';
import { deliveriesOf, setContacts, SmtpSink, type ReceivedEmail } from '../support/mail/smtp-sink';
import { eventually } from '../../tooling/eventually';
import { startWorkflowHarness, type WorkflowHarness } from '../../tooling/stacks/workflow-harness';

const MUNICIPAL = 'notices@rlsbj.cq.gov.cn';
const DAY_MS = 86_400_000;

let sink: SmtpSink;
let h: WorkflowHarness;
beforeAll(async () => {
  sink = await SmtpSink.start();
  h = await startWorkflowHarness({
    taskQueuePrefix: 'mail',
    notices: {
      mailer: new SmtpNoticeMailer(sink.url, 'parkflow <notices@parkflow.test>'),
      municipalEmails: [MUNICIPAL],
    },
  });
});
afterAll(async () => {
  await h?.teardown();
  await sink?.stop();
});

/**
 * Each test's case is ended after it, so that later tests' time skips do not drive its weekly notices on — once its
 * last change is recorded (see caseRecorded).
 */
const started: CaseDriver[] = [];
afterEach(async () => {
  for (const driver of started.splice(0)) {
    await driver.recorded();
    await driver.handle.terminate('test finished').catch(() => undefined);
  }
});
const designated = async (subsidy = 2_000_000, application = validApplication()): Promise<CaseDriver> => {
  const driver = await CaseDriver.designated(h, subsidy, application);
  started.push(driver);
  return driver;
};

/** The emails the sink accepted for the case's notices. */
async function mailsOf(caseId: string): Promise<ReceivedEmail[]> {
  const ids = new Set((await deliveriesOf(h.dataSource, caseId)).map((row) => row.message_id));
  return sink.received.filter((mail) => ids.has(mail.messageId));
}

describe('notice emails (§5.3 R-RPT-1): outbox drained by a retried activity, once per address', () => {
  it(
    "R-RPT-1 reminders at T-30, T-7, T-1 and weekly overdue notices reach the district's addresses " +
      'once each, the municipal bureau its own, no other district anything; a 550 address fails alone',
    async () => {
      await setContacts(h.dataSource, '500112', [
        { email: 'yubei@rsj.yb.cq.cn' },
        { email: 'yubei-en@rsj.yb.cq.cn', locale: 'en' },
        { email: 'gone@rsj.yb.cq.cn' },
      ]);
      await setContacts(h.dataSource, '500103', [{ email: 'yuzhong@rsj.yz.cq.cn' }]);
      sink.rejected.add('gone@rsj.yb.cq.cn');
      const driver = await designated();
      const year = await driver.firstReportingYear();
      // R-CAL-3: the deadline moved off a rest day; reminders at 09:00 of D−30, D−7, D−1 or the last working day
      // before each; overdue notices weekly from the deadline, each at 09:00 of a working day.
      const calendar = installedCalendar();
      const { dueAt: due, dueDate } = expectedDeadline('annual_report', reportDueAt(year, DEFAULT_POLICY));
      const remindersAt = [30, 7, 1].map((days) => reminderAt(calendar, dueDate as string, days));
      const overdueAt = [0, 7, 14].map((days) => noticeFrom(calendar, addPolicyDays(due, days)));
      await driver.sleepUntil(addPolicyDays(overdueAt[2], 1 / 24));
      await eventually(
        async () => (await mailsOf(driver.caseId)).length === 6 + 6 + 3,
        'the emails of three reminders and three overdue notices',
      );
      await eventually(
        async () => (await deliveriesOf(h.dataSource, driver.caseId)).every((row) => row.status !== 'pending'),
        'the failed deliveries',
      );

      const mails = await mailsOf(driver.caseId);
      const subjectsTo = (address: string) =>
        mails.filter((mail) => mail.to === address).map((mail) => mail.subject.replace(/[:：】].*/, ''));
      expect(subjectsTo('yubei@rsj.yb.cq.cn')).toEqual([
        ...Array(3).fill('【年度报告报送提醒'),
        ...Array(3).fill('【年度报告逾期未报'),
      ]);
      expect(subjectsTo('yubei-en@rsj.yb.cq.cn')).toEqual([
        ...Array(3).fill('Yearly report due'),
        ...Array(3).fill('Yearly report overdue'),
      ]);
      expect(subjectsTo(MUNICIPAL)).toEqual(Array(3).fill('【年度报告逾期未报'));
      expect(subjectsTo('yuzhong@rsj.yz.cq.cn')).toEqual([]); // another district's bureau hears nothing of this park
      expect(sink.to('gone@rsj.yb.cq.cn')).toEqual([]);
      expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(mails.length);

      const rows = await deliveriesOf(h.dataSource, driver.caseId);
      const sent = rows.filter((row) => row.status === 'sent');
      const issued = (kind: string, address: string) =>
        sent
          .filter((row) => row.kind === kind && row.address === address)
          .map((row) => row.issued_at.toISOString().slice(0, 19)); // recorded the moment the timer fired
      const toSecond = (instants: string[]) => instants.map((at) => at.slice(0, 19));
      expect(issued('annual_report_reminder', 'yubei@rsj.yb.cq.cn')).toEqual(toSecond(remindersAt));
      expect(issued('annual_report_overdue', MUNICIPAL)).toEqual(toSecond(overdueAt));
      for (const at of [...remindersAt, ...overdueAt]) {
        expect(at).toMatch(/T01:00:00\.000Z$/); // 09:00 Chongqing
        expect(isWorkingDay(calendar, civilDateOf(at))).toBe(true);
      }
      expect(Math.round((Date.parse(remindersAt[0]) - Date.parse(due)) / DAY_MS)).toBeLessThanOrEqual(-30);
      const bounced = rows.filter((row) => row.address === 'gone@rsj.yb.cq.cn');
      expect(bounced).toHaveLength(6);
      expect(
        bounced.every((row) => row.status === 'failed' && row.attempts === 1 && /550/.test(row.last_error ?? '')),
      ).toBe(true);
      expect(
        new Set(rows.filter((row) => row.recipient_role === 'district').map((row) => row.delivery_status)),
      ).toEqual(new Set(['partially_failed']));
      expect(
        new Set(rows.filter((row) => row.recipient_role === 'municipal').map((row) => row.delivery_status)),
      ).toEqual(new Set(['delivered']));
      await driver.report(goodReport(year)); // ends the overdue series
    },
  );

  it('R-RPT-1 a reminder issued while the SMTP server is down is delivered once after it restarts', async () => {
    await setContacts(h.dataSource, '500105', [{ email: 'jiangbei@rsj.jb.cq.cn' }]);
    const driver = await designated(2_000_000, validApplication({ district: '500105' }));
    const { dueDate } = expectedDeadline(
      'annual_report',
      reportDueAt(await driver.firstReportingYear(), DEFAULT_POLICY),
    );
    await driver.recorded(); // the designation's notices are out before the server goes down
    await sink.stop();
    await driver.sleepUntil(reminderAt(installedCalendar(), dueDate as string, 30)); // T-30, 09:00 (R-CAL-3)
    await h.env.sleep(5 * 60_000); // retries 30 s, 1 min, 2 min after the first attempt
    await eventually(
      async () => (await deliveriesOf(h.dataSource, driver.caseId)).some((row) => (row.attempts ?? 0) >= 2),
      'failed attempts',
    );
    const [down] = await deliveriesOf(h.dataSource, driver.caseId);
    expect(down).toMatchObject({
      kind: 'annual_report_reminder',
      status: 'pending',
      delivery_status: 'pending',
      last_error: expect.stringMatching(/ECONNREFUSED/),
    });

    await sink.restart();
    await h.env.sleep(60 * 60_000); // past the next retry
    await eventually(async () => (await mailsOf(driver.caseId)).length > 0, 'the reminder after the restart');
    await h.env.sleep(24 * 60 * 60_000); // later retries, had there been any, would have run by now
    const mails = await mailsOf(driver.caseId);
    expect(mails.map((mail) => [mail.to, mail.messageId])).toEqual([['jiangbei@rsj.jb.cq.cn', down.message_id]]);
    const [after] = await deliveriesOf(h.dataSource, driver.caseId);
    expect(after).toMatchObject({ status: 'sent', delivery_status: 'delivered' });
    expect(after.attempts).toBeGreaterThan(down.attempts!);
  });

  it('R-RPT-1 a reminder to a district without contacts stays in the inbox, flagged no_contacts', async () => {
    const driver = await designated(2_000_000, validApplication({ district: '500106' }));
    const { dueDate } = expectedDeadline(
      'annual_report',
      reportDueAt(await driver.firstReportingYear(), DEFAULT_POLICY),
    );
    await driver.sleepUntil(reminderAt(installedCalendar(), dueDate as string, 30)); // T-30 (R-CAL-3)
    await eventually(
      async () =>
        (await deliveriesOf(h.dataSource, driver.caseId)).some((row) => row.delivery_status === 'no_contacts'),
      'the flag',
    );
    expect(await deliveriesOf(h.dataSource, driver.caseId)).toEqual([
      expect.objectContaining({ kind: 'annual_report_reminder', delivery_status: 'no_contacts', address: null }),
    ]);
    expect(await mailsOf(driver.caseId)).toEqual([]);
  });
});
