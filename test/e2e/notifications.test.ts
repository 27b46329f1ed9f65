import { MockActivityEnvironment } from '@temporalio/testing';
import { SmtpNoticeMailer } from '../../activities/notices/mailer';
import { createNoticeDeliveryActivities } from '../../activities/notices/notice-delivery.activities';
import { caseWithNotices as seedCase, type NoticeSeed } from '../support/mail/inbox-fixtures';
import { setContacts, SmtpSink } from '../support/mail/smtp-sink';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

let stack: Stack;
let sink: SmtpSink;
beforeAll(async () => {
  stack = await startStack();
  sink = await SmtpSink.start();
});
afterAll(async () => {
  await stack?.teardown();
  await sink?.stop();
});

const caseWithNotices = (district: string, notices: NoticeSeed[]) => seedCase(stack.dataSource, district, notices);

describe('GET /v1/notifications, POST /v1/notifications/{id}/read', () => {
  it(
    "R-RPT-1 a district bureau sees its own district's " + 'notices only, newest first; the municipal bureau its own',
    async () => {
      const { caseId } = await caseWithNotices('500109', [
        { kind: 'annual_report_reminder', role: 'district' },
        { kind: 'annual_report_overdue', role: 'district' },
        { kind: 'annual_report_overdue', role: 'municipal' },
      ]);
      const own = await stack.call('GET', `/v1/notifications?caseId=${caseId}`, {
        token: stack.token('district', '500109'),
      });
      expect(own.status).toBe(200);
      expect(own.body.items.map((n: { kind: string }) => n.kind)).toEqual([
        'annual_report_overdue',
        'annual_report_reminder',
      ]);
      expect(own.body.items[0]).toMatchObject({
        caseId,
        dueAt: '2027-03-31T16:00:00.000Z',
        read: false,
        clause: '§5.3 R-RPT-1',
        parkName: '园区-500109',
        delivery: { status: 'inbox_only', failures: [] },
      });
      expect(
        (await stack.call('GET', `/v1/notifications?caseId=${caseId}`, { token: stack.token('district', '500110') }))
          .body.items,
      ).toEqual([]);
      const municipal = await stack.call('GET', `/v1/notifications?caseId=${caseId}`, {
        token: stack.token('municipal'),
      });
      expect(municipal.body.items.map((n: { kind: string }) => n.kind)).toEqual(['annual_report_overdue']);
      for (const role of ['expert', 'finance'] as const) {
        const other = await stack.call('GET', `/v1/notifications?caseId=${caseId}`, { token: stack.token(role) });
        expect(other.body).toEqual({ items: [], nextCursor: null, unreadCount: 0 }); // theirs only (officer-inboxes)
      }
    },
  );

  it("marks read once and idempotently; unread filter; another caller's notice is 404", async () => {
    const { caseId, keys } = await caseWithNotices('500111', [
      { kind: 'annual_report_reminder', role: 'district' },
      { kind: 'annual_report_reminder', role: 'district' },
    ]);
    const token = stack.token('district', '500111');
    const path = `/v1/notifications/${encodeURIComponent(keys[0])}/read`;
    const first = await stack.call('POST', path, { token });
    expect(first).toMatchObject({ status: 200, body: { id: keys[0], read: true } });
    expect(await stack.call('POST', path, { token })).toMatchObject({ status: 200, body: { id: keys[0], read: true } });
    const unread = await stack.call('GET', `/v1/notifications?caseId=${caseId}&unread=true`, { token });
    expect(unread.body.items.map((n: { id: string }) => n.id)).toEqual([keys[1]]);
    expect((await stack.call('POST', path, { token: stack.token('district', '500112', 'yubei-officer') })).status).toBe(
      404,
    );
    expect((await stack.call('POST', path, { token: stack.token('municipal') })).status).toBe(404);
  });

  it('read marks are per officer; a mark made before (the whole inbox’s) counts for every officer', async () => {
    const { caseId, keys } = await caseWithNotices('500116', [
      { kind: 'annual_report_reminder', role: 'district' },
      { kind: 'annual_report_overdue', role: 'district' },
      { kind: 'annual_report_overdue', role: 'district' },
    ]);
    await stack.dataSource.query('UPDATE notifications SET read_at = now() WHERE key = $1', [keys[0]]);
    const [first, second] = ['officer-1', 'officer-2'].map((sub) => stack.token('district', '500116', sub));
    expect(
      await stack.call('POST', `/v1/notifications/${encodeURIComponent(keys[1])}/read`, { token: first }),
    ).toMatchObject({
      status: 200,
      body: { read: true },
    });
    const inbox = async (token: string) =>
      (await stack.call('GET', `/v1/notifications?caseId=${caseId}`, { token })).body;
    expect(await inbox(first)).toMatchObject({
      unreadCount: 1,
      items: [
        { id: keys[2], read: false },
        { id: keys[1], read: true },
        { id: keys[0], read: true },
      ],
    });
    expect(await inbox(second)).toMatchObject({
      unreadCount: 2,
      items: [
        { id: keys[2], read: false },
        { id: keys[1], read: false },
        { id: keys[0], read: true },
      ],
    });
    const unread = await stack.call('GET', `/v1/notifications?caseId=${caseId}&unread=true`, { token: second });
    expect(unread.body.items.map((n: { id: string }) => n.id)).toEqual([keys[2], keys[1]]);
  });

  it('pages with limit and cursor, newest first, without gaps or repeats', async () => {
    const { caseId, keys } = await caseWithNotices(
      '500113',
      Array.from({ length: 5 }, () => ({ kind: 'annual_report_overdue' as const, role: 'district' as const })),
    );
    const token = stack.token('district', '500113');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } =
        await stack.call('GET', `/v1/notifications?caseId=${caseId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
          token,
        });
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((n) => n.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...keys].reverse());
    expect((await stack.call('GET', '/v1/notifications?cursor=bogus', { token })).status).toBe(422);
  });

  it(
    'R-RPT-1 an address that refuses for good (550) shows ' + 'as a failed delivery; the other address gets its email',
    async () => {
      await setContacts(stack.dataSource, '500114', [{ email: 'ok@rsj.cq.cn' }, { email: 'gone@rsj.cq.cn' }]);
      sink.rejected.add('gone@rsj.cq.cn');
      const { caseId, keys } = await caseWithNotices('500114', [{ kind: 'annual_report_reminder', role: 'district' }]);
      const { deliverNotices } = createNoticeDeliveryActivities({
        dataSource: stack.dataSource,
        mailer: new SmtpNoticeMailer(sink.url, 'notices@parkflow.test'),
        municipalEmails: [],
      });
      expect(await new MockActivityEnvironment().run(deliverNotices, { noticeKeys: keys })).toEqual({
        sent: 1,
        failed: 1,
        pending: 0,
      });
      expect(sink.to('ok@rsj.cq.cn')).toHaveLength(1);
      const { body } = await stack.call('GET', `/v1/notifications?caseId=${caseId}`, {
        token: stack.token('district', '500114'),
      });
      expect(body.items[0].delivery).toEqual({
        status: 'partially_failed',
        failures: [{ address: 'gone@rsj.cq.cn', error: expect.stringContaining('550') }],
      });
    },
  );
});
