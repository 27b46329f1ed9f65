import { SmtpNoticeMailer } from '../../activities/notices/mailer';
import { eventually } from '../../tooling/eventually';
import { HttpDriver, PANEL } from '../../tooling/http/http-driver';
import { issuedTokens, startOidcIssuer, type Officer, type OidcIssuer } from '../support/identity/oidc-issuer';
import { createOwnDatabase, type OwnDatabase } from '../../tooling/postgres/own-database';
import { SmtpSink } from '../support/mail/smtp-sink';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';
import { wholeLife, WHOLE_LIFE, WHOLE_LIFE_BOUND_MS, WHOLE_LIFE_TIME_SCALE } from '../support/http/whole-life';

/**
 * The officers of the whole life, each signed in through the identity provider (issue 14); the experts and the finance
 * officer with the email address and name their tokens carry (issue 20 item 2).
 */
const FINANCE: Officer = {
  sub: 'finance-officer',
  role: 'finance',
  email: 'finance@cz.cq.example',
  name: '财务 经办人',
};
const EXPERTS = PANEL.map((sub): Officer => ({ sub, role: 'expert', email: `${sub}@experts.cq.example`, name: sub }));
const OFFICERS: Officer[] = [
  { sub: 'district-500112', role: 'district', district: '500112' },
  { sub: 'municipal-officer', role: 'municipal' },
  FINANCE,
  ...EXPERTS,
];

let database: OwnDatabase;
let issuer: OidcIssuer;
let sink: SmtpSink;
let stack: Stack;
let driver: HttpDriver;
beforeAll(async () => {
  issuer = await startOidcIssuer();
  sink = await SmtpSink.start();
  // The directory is global: its finance officer must not receive the other suites' payment reminders.
  database = await createOwnDatabase('whole_life');
  stack = await startStack({
    env: {
      ...issuer.apiEnv,
      DATABASE_URL: database.url,
      POLICY_TIME_SCALE: String(WHOLE_LIFE_TIME_SCALE),
      // Polling the inbox every 50 ms for ~45 s is more than the default per-caller budget (600/min); the limiter
      // has its own suite (idempotency-and-rate-limit) and stays in the path here.
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_BURST: '10000',
    },
    notices: { mailer: new SmtpNoticeMailer(sink.url, 'parkflow <notices@parkflow.test>'), municipalEmails: [] },
  });
  const token = await issuedTokens(issuer, OFFICERS);
  driver = new HttpDriver({ call: stack.call, token });
});
afterAll(async () => {
  await stack?.teardown();
  await issuer?.close();
  await sink?.stop();
  await database?.drop();
});

describe('a park’s whole life through HTTP only, signed in with OpenID Connect (compressed POLICY_TIME_SCALE)', () => {
  it(
    WHOLE_LIFE,
    async () => {
      const caseId = await wholeLife(driver, issuer.url);
      // Issue 20 item 2: every notice in an expert's or the finance officer's inbox was emailed to them, once.
      const inboxes: Array<[Officer, string]> = [
        ...EXPERTS.map((expert): [Officer, string] => [expert, driver.expert(expert.sub)]),
        [FINANCE, driver.finance()],
      ];
      for (const [officer, token] of inboxes) {
        const inbox = () => driver.ok('GET', `/v1/notifications?caseId=${caseId}`, { token });
        await eventually(
          async () =>
            (await inbox()).items.every((n: { delivery: { status: string } }) => n.delivery.status !== 'pending'),
          `the emails of ${officer.sub}`,
        );
        const { items } = await inbox();
        expect(items.length).toBeGreaterThan(0);
        expect(items.map((n: { delivery: { status: string } }) => n.delivery.status)).toEqual(
          items.map(() => 'delivered'),
        );
        const mails = sink.to(officer.email as string);
        expect(mails).toHaveLength(items.length);
        expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(mails.length);
      }
    },
    WHOLE_LIFE_BOUND_MS,
  );
});
