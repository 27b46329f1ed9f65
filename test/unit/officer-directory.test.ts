import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { officerOf } from '../../api/officers/officer-profile';
import { RECORD_EVERY_MS, SignInRecorder } from '../../api/officers/sign-in-recorder';
import type { OfficerFacts } from '../../persistence/repositories/officers.repository';
import { realmOfficers, type KeycloakRealm } from '../../worker/officers/keycloak-officers';
import { DEVELOPMENT_OFFICERS } from '../../worker/officers/development-officers';

const KEYCLOAK_NAMES = { emailClaim: 'email', nameClaim: 'name' };
const PROVIDER = 'https://sso.cq.example/realms/parkflow';

describe('the officer directory learns an officer from their token (issue 20 item 2)', () => {
  it("records subject, role, district and the token's email and name, where the provider puts them", () => {
    const actor = { id: 'yubei-officer', role: 'district' as const, district: '500112', issuer: PROVIDER };
    const claims = { profile: { mail: 'yubei@rsj.cq.cn', display: '渝北 经办人' }, email: 'other@x.cn' };
    expect(officerOf(actor, claims, { emailClaim: 'profile.mail', nameClaim: 'profile.display' })).toEqual({
      subject: 'yubei-officer',
      role: 'district',
      district: '500112',
      email: 'yubei@rsj.cq.cn',
      displayName: '渝北 经办人',
    });
  });

  it('development tokens name them email and name whatever the provider’s names are; bad values are dropped', () => {
    const expert = { id: 'expert-1', role: 'expert' as const, issuer: 'parkflow-development' };
    const configured = { emailClaim: 'mail', nameClaim: 'cn' };
    expect(officerOf(expert, { email: 'expert-1@experts.example.cn', name: '张明' }, configured)).toEqual({
      subject: 'expert-1',
      role: 'expert',
      district: null,
      email: 'expert-1@experts.example.cn',
      displayName: '张明',
    });
    for (const claims of [{ email: 'not an address', name: 'x'.repeat(201) }, { email: 42, name: 'a\u0000b' }, {}])
      expect(officerOf({ ...expert, issuer: PROVIDER }, claims, KEYCLOAK_NAMES)).toEqual({
        subject: 'expert-1',
        role: 'expert',
        district: null,
      });
  });
});

describe('sign-ins are recorded cheaply and never fail a request', () => {
  const officer: OfficerFacts = { subject: 'finance-a', role: 'finance', email: 'a@cz.cq.cn' };
  const setUp = (fail = false) => {
    let now = Date.parse('2027-01-04T01:00:00Z');
    const writes: Array<{ officer: OfficerFacts; at: Date }> = [];
    const logged: string[] = [];
    const recorder = new SignInRecorder(
      {
        recordSignIn: async (facts: OfficerFacts, at: Date) => {
          writes.push({ officer: facts, at });
          if (fail) throw new Error('connection refused');
        },
      },
      (line) => logged.push(line),
      () => now,
    );
    return { recorder, writes, logged, pass: (ms: number) => (now += ms) };
  };

  it('writes an officer once per interval, and at once when their token says something new', async () => {
    const { recorder, writes, pass } = setUp();
    await recorder.seen(officer);
    expect(recorder.seen(officer)).toBeUndefined();
    pass(RECORD_EVERY_MS - 1);
    expect(recorder.seen(officer)).toBeUndefined();
    await recorder.seen({ ...officer, email: 'a.new@cz.cq.cn' });
    pass(RECORD_EVERY_MS);
    await recorder.seen({ ...officer, email: 'a.new@cz.cq.cn' });
    await recorder.seen({ ...officer, subject: 'finance-b' });
    expect(writes.map((write) => [write.officer.subject, write.officer.email])).toEqual([
      ['finance-a', 'a@cz.cq.cn'],
      ['finance-a', 'a.new@cz.cq.cn'],
      ['finance-a', 'a.new@cz.cq.cn'],
      ['finance-b', 'a@cz.cq.cn'],
    ]);
    expect(writes[0].at.toISOString()).toBe('2027-01-04T01:00:00.000Z');
  });

  it('a database error is logged, not thrown, and the officer is tried again a minute later', async () => {
    const { recorder, writes, logged, pass } = setUp(true);
    await expect(recorder.seen(officer)).resolves.toBeUndefined();
    expect(logged).toEqual([expect.stringMatching(/could not record the sign-in of finance-a.*connection refused/)]);
    pass(59_000);
    expect(recorder.seen(officer)).toBeUndefined();
    pass(1_000);
    await recorder.seen(officer);
    expect(writes).toHaveLength(2);
  });
});

describe('npm run officers -- import: the development officers and a Keycloak realm', () => {
  it('the development stack has every role, and four emailable experts (a panel is a choice)', () => {
    const experts = DEVELOPMENT_OFFICERS.filter((officer) => officer.role === 'expert');
    expect(experts.map((expert) => [expert.subject, expert.email])).toEqual([
      ['expert-1', 'expert-1@experts.example.cn'],
      ['expert-2', 'expert-2@experts.example.cn'],
      ['expert-3', 'expert-3@experts.example.cn'],
      ['expert-4', 'expert-4@experts.example.cn'],
    ]);
    expect(new Set(DEVELOPMENT_OFFICERS.map((officer) => officer.role))).toEqual(
      new Set(['district', 'municipal', 'expert', 'finance']),
    );
    expect(DEVELOPMENT_OFFICERS.every((officer) => officer.email && officer.displayName)).toBe(true);
  });

  /** Keycloak's admin API as far as the import uses it: a token, the users (paged), each user's realm roles. */
  let keycloak: Server;
  let baseUrl: string;
  const seen: string[] = [];
  const users = [
    { id: 'u1', username: 'expert-li', firstName: '李', lastName: '专家', email: 'li@experts.cq.cn', enabled: true },
    { id: 'u2', username: 'yubei-officer', email: 'yubei@rsj.cq.cn', attributes: { district: ['500112'] } },
    { id: 'u3', username: 'finance-desk', enabled: true },
    { id: 'u4', username: 'nobody', enabled: true },
    { id: 'u5', username: 'gone', enabled: false },
    { id: 'u6', username: 'district-without-one' },
  ];
  const roles: Record<string, string[]> = {
    u1: ['offline_access', 'expert'],
    u2: ['hr-district-officer', 'uma_authorization'],
    u3: ['finance'],
    u4: ['offline_access'],
    u6: ['hr-district-officer'],
  };
  const body = (request: IncomingMessage): Promise<string> =>
    new Promise((resolve) => {
      let text = '';
      request.on('data', (chunk) => (text += chunk)).on('end', () => resolve(text));
    });
  beforeAll(async () => {
    keycloak = createServer((request, response) => {
      void (async () => {
        const url = new URL(request.url ?? '/', 'http://keycloak');
        seen.push(`${request.method} ${url.pathname}`);
        const json = (status: number, value: unknown) =>
          response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
        if (url.pathname === '/realms/parkflow/protocol/openid-connect/token') {
          const form = new URLSearchParams(await body(request));
          return form.get('grant_type') === 'client_credentials' && form.get('client_secret') === 's3cret'
            ? json(200, { access_token: 'admin-token' })
            : json(401, { error: 'unauthorized_client', error_description: 'Invalid client credentials' });
        }
        if (request.headers.authorization !== 'Bearer admin-token') return json(401, {});
        if (url.pathname === '/admin/realms/parkflow/users') {
          const first = Number(url.searchParams.get('first'));
          return json(200, first === 0 ? users : []);
        }
        const mapping = /^\/admin\/realms\/parkflow\/users\/(\w+)\/role-mappings\/realm\/composite$/.exec(url.pathname);
        if (mapping)
          return json(
            200,
            (roles[mapping[1]] ?? []).map((name) => ({ name })),
          );
        json(404, {});
      })();
    });
    await new Promise<void>((resolve) => keycloak.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(keycloak.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => keycloak.close(() => resolve())));

  const realm = (): KeycloakRealm => ({
    baseUrl,
    realm: 'parkflow',
    credentials: { clientId: 'parkflow-directory', clientSecret: 's3cret' },
    subjectClaim: 'preferred_username',
    roleMap: { 'hr-district-officer': 'district' },
    districtAttribute: 'district',
  });

  it('imports each user the API would admit, with their effective role, district, email and full name', async () => {
    const { officers, skipped } = await realmOfficers(realm());
    expect(officers).toEqual([
      { subject: 'expert-li', role: 'expert', district: null, email: 'li@experts.cq.cn', displayName: '李 专家' },
      { subject: 'yubei-officer', role: 'district', district: '500112', email: 'yubei@rsj.cq.cn', displayName: null },
      { subject: 'finance-desk', role: 'finance', district: null, email: null, displayName: null },
    ]);
    expect(skipped).toEqual([
      expect.stringMatching(/^nobody: .*must be one of/),
      'gone: disabled',
      expect.stringMatching(/^district-without-one: .*district/),
    ]);
    expect(seen).toContain('POST /realms/parkflow/protocol/openid-connect/token');
    expect(seen).toContain('GET /admin/realms/parkflow/users');
  });

  it('names the subject as the API does (the Keycloak user id for sub); refused credentials, no server', async () => {
    const { officers } = await realmOfficers({ ...realm(), subjectClaim: 'sub' });
    expect(officers.map((officer) => officer.subject)).toEqual(['u1', 'u2', 'u3']);
    await expect(
      realmOfficers({ ...realm(), credentials: { clientId: 'parkflow-directory', clientSecret: 'wrong' } }),
    ).rejects.toThrow(/gave no token \(401: Invalid client credentials\)/);
    await expect(realmOfficers({ ...realm(), subjectClaim: 'upn' })).rejects.toThrow(/AUTH_SUBJECT_CLAIM 'upn'/);
    await expect(realmOfficers({ ...realm(), baseUrl: 'http://127.0.0.1:1' })).rejects.toThrow(
      /^http:\/\/127\.0\.0\.1:1\/realms\/parkflow\/.* could not be reached/,
    );
  });
});
