import { MockActivityEnvironment } from '@temporalio/testing';
import { SmtpNoticeMailer } from '../../activities/notices/mailer';
import { createNoticeDeliveryActivities } from '../../activities/notices/notice-delivery.activities';
import { signDevelopmentToken, type DevelopmentClaims } from '../../api/auth/development-token';
import { OfficersRepository } from '../../persistence/repositories/officers.repository';
import { DEVELOPMENT_OFFICERS } from '../../worker/officers/development-officers';
import { eventually } from '../../tooling/eventually';
import { caseWithNotices } from '../support/mail/inbox-fixtures';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';
import { SmtpSink } from '../support/mail/smtp-sink';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * Issue 20 item 2, every officer reached: the officer directory (recorded at sign-in, imported; `GET /v1/me`,
 * `GET /v1/officers`), the experts' and the finance desk's inboxes (`GET /v1/notifications`, read marks per officer,
 * `unreadCount`) and their emails, at the addresses the directory holds.
 */
let database: OwnDatabase;
let stack: Stack;
let sink: SmtpSink;
beforeAll(async () => {
  // The directory is global: emailable finance officers would receive every other suite's payment reminders.
  database = await createOwnDatabase('officers');
  stack = await startStack({ env: { DATABASE_URL: database.url } });
  sink = await SmtpSink.start();
});
afterAll(async () => {
  await stack?.teardown();
  await sink?.stop();
  await database?.drop();
});

/** A development token carrying the email and name claims, as a provider's does. */
const tokenOf = (claims: DevelopmentClaims): string => signDevelopmentToken(claims, stack.config.AUTH_JWT_SECRET);
const inbox = async (token: string, query: string) =>
  (await stack.call('GET', `/v1/notifications?${query}`, { token })).body;
const markRead = (token: string, key: string) =>
  stack.call('POST', `/v1/notifications/${encodeURIComponent(key)}/read`, { token });

describe('GET /v1/notifications for experts and the finance desk (api-contract "Resources")', () => {
  it('an expert sees the notices addressed to them only; finance the desk’s, each with own marks', async () => {
    const { caseId, keys } = await caseWithNotices(stack.dataSource, '500115', [
      { kind: 'review_reminder', role: 'expert', expertId: 'inbox-expert-a' },
      { kind: 'review_reminder', role: 'expert', expertId: 'inbox-expert-b' },
      { kind: 'payment_confirmation_reminder', role: 'finance' },
      { kind: 'payment_confirmation_reminder', role: 'finance' },
    ]);
    const query = `caseId=${caseId}`;
    const [expertA, expertB] = ['inbox-expert-a', 'inbox-expert-b'].map((sub) => stack.token('expert', undefined, sub));
    expect(await inbox(expertA, query)).toMatchObject({
      items: [{ id: keys[0], kind: 'review_reminder' }],
      unreadCount: 1,
    });
    expect((await inbox(expertB, query)).items.map((n: { id: string }) => n.id)).toEqual([keys[1]]);
    expect((await markRead(expertA, keys[1])).status).toBe(404); // another expert's notice
    expect(await markRead(expertA, keys[0])).toMatchObject({ status: 200, body: { id: keys[0], read: true } });
    expect(await inbox(expertA, query)).toMatchObject({ items: [{ read: true }], unreadCount: 0 });

    const [financeA, financeB] = ['finance-a', 'finance-b'].map((sub) => stack.token('finance', undefined, sub));
    expect(await inbox(financeA, query)).toMatchObject({
      items: [
        { id: keys[3], read: false },
        { id: keys[2], read: false },
      ],
      unreadCount: 2,
    });
    expect((await markRead(financeA, keys[2])).status).toBe(200);
    expect(await inbox(financeA, query)).toMatchObject({ items: [{ read: false }, { read: true }], unreadCount: 1 });
    expect((await inbox(financeA, `${query}&unread=true`)).items.map((n: { id: string }) => n.id)).toEqual([keys[3]]);
    expect(await inbox(financeB, query)).toMatchObject({ items: [{ read: false }, { read: false }], unreadCount: 2 });
    expect((await markRead(financeB, keys[0])).status).toBe(404); // an expert's notice is not the desk's

    for (const token of [stack.token('municipal'), stack.token('district', '500115')])
      expect(await inbox(token, query)).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
  });

  it('unreadCount counts every page, under the kind and caseId filters', async () => {
    const { caseId } = await caseWithNotices(
      stack.dataSource,
      '500115',
      Array.from({ length: 3 }, () => ({ kind: 'payment_confirmation_reminder', role: 'finance' as const })),
    );
    const finance = stack.token('finance', undefined, 'finance-counting');
    expect(await inbox(finance, `caseId=${caseId}&limit=1`)).toMatchObject({ unreadCount: 3, items: [{}] });
    expect(await inbox(finance, `caseId=${caseId}&kind=refund_reminder`)).toMatchObject({ items: [], unreadCount: 0 });
  });
});

describe('emails to experts and finance, at the directory’s addresses (issue 20 item 2)', () => {
  it(
    'an expert’s notice reaches their address once, finance’s every finance officer with one; ' +
      'an expert with none is flagged',
    async () => {
      const officers: DevelopmentClaims[] = [
        { sub: 'mail-expert', role: 'expert', email: 'mail-expert@experts.cq.cn', name: '张明' },
        { sub: 'mail-expert-without', role: 'expert' },
        { sub: 'mail-finance-a', role: 'finance', email: 'finance-a@cz.cq.cn', name: '财务 甲' },
        { sub: 'mail-finance-b', role: 'finance', email: 'finance-b@cz.cq.cn' },
      ];
      for (const officer of officers)
        expect((await stack.call('GET', '/v1/me', { token: tokenOf(officer) })).status).toBe(200);
      const municipal = stack.token('municipal');
      // Signing in records them in the directory, beside the request.
      await eventually(async () => {
        const { items } = (await stack.call('GET', '/v1/officers?limit=200', { token: municipal })).body;
        const subs = new Set(items.map((officer: { sub: string }) => officer.sub));
        return officers.every((officer) => subs.has(officer.sub));
      }, 'the sign-ins in the directory');

      const { caseId, keys } = await caseWithNotices(stack.dataSource, '500115', [
        { kind: 'review_reminder', role: 'expert', expertId: 'mail-expert' },
        { kind: 'review_reminder', role: 'expert', expertId: 'mail-expert-without' },
        { kind: 'payment_confirmation_reminder', role: 'finance' },
      ]);
      const { deliverNotices } = createNoticeDeliveryActivities({
        dataSource: stack.dataSource,
        mailer: new SmtpNoticeMailer(sink.url, 'notices@parkflow.test'),
        municipalEmails: [],
      });
      const environment = new MockActivityEnvironment();
      await environment.run(deliverNotices, { noticeKeys: keys });
      await environment.run(deliverNotices, { noticeKeys: keys }); // a retried activity sends nothing twice
      expect(sink.to('mail-expert@experts.cq.cn')).toHaveLength(1);
      expect(sink.to('finance-a@cz.cq.cn')).toHaveLength(1);
      expect(sink.to('finance-b@cz.cq.cn')).toHaveLength(1);
      expect(sink.to('mail-expert@experts.cq.cn')[0].text).toContain('园区-500115');

      const delivery = async (token: string) =>
        (await inbox(token, `caseId=${caseId}`)).items.map((n: { delivery: { status: string } }) => n.delivery.status);
      expect(await delivery(tokenOf(officers[0]))).toEqual(['delivered']);
      expect(await delivery(tokenOf(officers[1]))).toEqual(['no_contacts']);
      expect(await delivery(tokenOf(officers[2]))).toEqual(['delivered']);
      // The municipal bureau sees whom notices cannot reach by email.
      const unreachable = await stack.call('GET', '/v1/officers?emailable=false&role=expert&limit=200', {
        token: municipal,
      });
      expect(unreachable.body.items).toContainEqual(
        expect.objectContaining({ sub: 'mail-expert-without', role: 'expert', emailable: false }),
      );
      expect(unreachable.body.items.map((officer: { sub: string }) => officer.sub)).not.toContain('mail-expert');
    },
  );
});

describe('the officer directory: GET /v1/me (every role), GET /v1/officers (municipal bureau)', () => {
  const municipal = () => stack.token('municipal');
  const officers = async (query: string) =>
    (await stack.call('GET', `/v1/officers?${query}`, { token: municipal() })).body;
  const entryOf = async (sub: string, query = 'limit=200') =>
    (await officers(query)).items.find((officer: { sub: string }) => officer.sub === sub);

  it('a signed-in officer is recorded with the token’s email and name; GET /v1/me answers them', async () => {
    const claims: DevelopmentClaims = {
      sub: 'dir-district',
      role: 'district',
      district: '500112',
      name: '渝北 经办人',
    };
    const me = await stack.call('GET', '/v1/me', { token: tokenOf({ ...claims, email: 'dir@rsj.yb.cq.cn' }) });
    expect(me).toMatchObject({ status: 200, body: { ...claims, email: 'dir@rsj.yb.cq.cn' } });
    await eventually(async () => (await entryOf('dir-district')) !== undefined, 'the sign-in in the directory');
    expect(await entryOf('dir-district')).toEqual({
      sub: 'dir-district',
      role: 'district',
      district: '500112',
      name: '渝北 经办人',
      email: 'dir@rsj.yb.cq.cn',
      emailable: true,
      lastSignInAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      source: 'sign_in',
    });
    const bare = await stack.call('GET', '/v1/me', { token: stack.token('finance', undefined, 'dir-nobody-knows') });
    expect(bare.body).toEqual({ sub: 'dir-nobody-knows', role: 'finance' });
  });

  it('imported officers who never signed in are listed; a token without an email gets the directory’s', async () => {
    await new OfficersRepository(stack.dataSource).importOfficers(DEVELOPMENT_OFFICERS);
    expect(await entryOf('expert-2', 'role=expert&limit=200')).toEqual({
      sub: 'expert-2',
      role: 'expert',
      name: '李华',
      email: 'expert-2@experts.example.cn',
      emailable: true,
      lastSignInAt: null,
      source: 'import',
    });
    const me = await stack.call('GET', '/v1/me', { token: stack.token('expert', undefined, 'expert-1') });
    expect(me.body).toEqual({ sub: 'expert-1', role: 'expert', name: '张明', email: 'expert-1@experts.example.cn' });
    await eventually(async () => (await entryOf('expert-1'))?.source === 'sign_in', 'the sign-in of expert-1');
    expect(await entryOf('expert-1')).toMatchObject({
      email: 'expert-1@experts.example.cn',
      lastSignInAt: expect.any(String),
    });
  });

  it('pages by subject, filters by role and emailable; bad filters are 422, other roles 403', async () => {
    await new OfficersRepository(stack.dataSource).importOfficers(DEVELOPMENT_OFFICERS);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ sub: string; role: string }>; nextCursor: string | null } = await officers(
        `role=expert&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.items.every((officer) => officer.role === 'expert')).toBe(true);
      seen.push(...page.items.map((officer) => officer.sub));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...new Set(seen)].sort());
    expect(seen).toEqual(expect.arrayContaining(['expert-1', 'expert-2', 'expert-3']));
    const emailable = await officers('emailable=true&limit=200');
    expect(emailable.items.every((officer: { emailable: boolean }) => officer.emailable)).toBe(true);
    for (const query of ['role=mayor', 'emailable=maybe', 'cursor=bogus'])
      expect((await stack.call('GET', `/v1/officers?${query}`, { token: municipal() })).status).toBe(422);
    for (const token of [stack.token('district', '500112'), stack.token('expert'), stack.token('finance')])
      expect((await stack.call('GET', '/v1/officers', { token })).status).toBe(403);
  });
});
