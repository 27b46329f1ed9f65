import { MockActivityEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { SmtpNoticeMailer } from '../../activities/notices/mailer';
import { createNoticeDeliveryActivities } from '../../activities/notices/notice-delivery.activities';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { newCase } from '../../workflows/lifecycle/intake';
import { setContacts, SmtpSink } from '../support/smtp-sink';
import { startStack, type Stack } from '../support/stack-harness';

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

/** A case in the read model with notices issued one minute apart, as the case workflow writes them. */
async function caseWithNotices(
  district: string,
  notices: Array<{ kind: string; role: 'district' | 'municipal' }>,
): Promise<{ caseId: string; keys: string[] }> {
  const caseId = randomUUID();
  const at = Date.parse('2027-03-01T00:00:00Z');
  const parkName = `园区-${district}`;
  const snapshot = {
    ...newCase(
      { caseId, district, parkName, policy: DEFAULT_POLICY, policyTimeScale: 1 },
      Date.now(),
      new Date().toISOString(),
    ),
    stage: 'designated',
  };
  await stack.dataSource.query(
    `INSERT INTO park_cases (case_id, district, park_name, stage, version, snapshot, ` +
      `opened_at, updated_at) VALUES ($1, $2, $3, 'designated', 1, $4, now(), now())`,
    [caseId, district, parkName, JSON.stringify(snapshot)],
  );
  const keys: string[] = [];
  for (const [i, notice] of notices.entries()) {
    const key = `${caseId}:report:2026:${notice.kind}:${i}:0`;
    keys.push(key);
    await stack.dataSource.query(
      `INSERT INTO notifications (key, case_id, kind, recipient_role, recipient_district, due_at, issued_at, ` +
        `clause, message)
       VALUES ($1, $2, $3, $4, $5, '2027-03-31T16:00:00Z', $6, '§5.3 R-RPT-1', 'the 2026 yearly report is due')`,
      [
        key,
        caseId,
        notice.kind,
        notice.role,
        notice.role === 'district' ? district : null,
        new Date(at + i * 60_000).toISOString(),
      ],
    );
  }
  return { caseId, keys };
}

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
      for (const role of ['expert', 'finance'] as const)
        expect((await stack.call('GET', '/v1/notifications', { token: stack.token(role) })).status).toBe(403);
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
