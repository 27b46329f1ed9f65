import { startApiAlone, type ApiAlone } from '../../tooling/stacks/api-alone';
import { startOidcIssuer, type Officer, type OidcIssuer } from '../support/identity/oidc-issuer';
import { freePort } from '../../scripts/free-port';

/**
 * Issue 14, "OIDC/JWKS sign-in" with a real OpenID provider (npm `oidc-provider`) in this process: officers sign
 * in through it, its key rotates mid-test, and tokens of another issuer or for another audience are refused.
 */
let issuer: OidcIssuer;
let api: ApiAlone;
beforeAll(async () => {
  issuer = await startOidcIssuer();
  // No cooldown: the rotation below is seen at the first token signed with the new key, not 30 s later.
  api = await startApiAlone({ ...issuer.apiEnv, AUTH_JWKS_COOLDOWN_SECONDS: '0' });
});
afterAll(async () => {
  await api?.close();
  await issuer?.close();
});

const OFFICERS: Officer[] = [
  { sub: 'yubei-officer', role: 'district', district: '500112' },
  { sub: 'bureau-officer', role: 'municipal' },
  { sub: 'expert-li', role: 'expert' },
  { sub: 'finance-desk', role: 'finance' },
];
const casesAs = async (token: string, base: ApiAlone = api): Promise<{ status: number; rule?: string }> => {
  const response = await base.call('GET', '/v1/cases', { token });
  return { status: response.status, rule: response.body?.details?.[0]?.rule };
};

describe('sign-in through the OpenID Connect provider (issue 14)', () => {
  it('each role signs in with a token from the provider (Keycloak-shaped claims, found by discovery)', async () => {
    for (const officer of OFFICERS) expect(await casesAs(await issuer.token(officer))).toEqual({ status: 200 });
    // The district officer's list is scoped by the district claim: another district's list is refused.
    const district = await issuer.token(OFFICERS[0]);
    expect((await api.call('GET', '/v1/cases?district=500103', { token: district })).status).toBe(403);
  });

  it('a rotated signing key is picked up without a restart; old-key tokens stay good while published', async () => {
    const before = await issuer.token(OFFICERS[1]);
    expect(await casesAs(before)).toEqual({ status: 200 });
    await issuer.rotateKey();
    const after = await issuer.token(OFFICERS[1]);
    expect(JSON.parse(Buffer.from(after.split('.')[0], 'base64url').toString()).alg).toBe('ES256');
    expect(await casesAs(after)).toEqual({ status: 200 });
    expect(await casesAs(before)).toEqual({ status: 200 });
  });

  it('refuses tokens of another issuer, for another audience, or signed with a key never published', async () => {
    const impostor = await startOidcIssuer();
    try {
      expect(await casesAs(await impostor.token(OFFICERS[1]))).toEqual({ status: 401, rule: 'token.issuer' });
      // The impostor's key with our issuer's name on it.
      const forged = await impostor.sign({
        iss: issuer.url,
        aud: 'parkflow-api',
        sub: 'x',
        exp: Date.now() / 1e3 + 60,
      });
      expect(await casesAs(forged)).toEqual({ status: 401, rule: 'token.signature' });
    } finally {
      await impostor.close();
    }
    expect(await casesAs(await issuer.token(OFFICERS[1], 'other'))).toEqual({ status: 401, rule: 'token.audience' });
  });

  it('the token rules hold for the provider’s tokens too: exp required, lifetime bounded', async () => {
    const claims = {
      iss: issuer.url,
      aud: 'parkflow-api',
      sub: 'bureau-officer',
      realm_access: { roles: ['municipal'] },
    };
    const iat = Math.floor(Date.now() / 1_000);
    expect(await casesAs(await issuer.sign({ ...claims, iat, exp: iat + 600 }))).toEqual({ status: 200 });
    expect(await casesAs(await issuer.sign({ ...claims, iat }))).toEqual({ status: 401, rule: 'token.exp-required' });
    const tenYears = { ...claims, iat, exp: iat + 10 * 365 * 86_400 };
    expect(await casesAs(await issuer.sign(tenYears))).toEqual({ status: 401, rule: 'token.max-lifetime' });
  });

  it('in production HS256 development tokens are refused once an issuer signs officers in', async () => {
    const production = await startApiAlone({ ...issuer.apiEnv, NODE_ENV: 'production' });
    try {
      expect(await casesAs(production.token('municipal'), production)).toEqual({
        status: 401,
        rule: 'token.algorithm',
      });
      expect(await casesAs(await issuer.token(OFFICERS[1]), production)).toEqual({ status: 200 });
    } finally {
      await production.close();
    }
  });

  it('an unreachable provider is a 503 with Retry-After (nobody can tell the token is good), not a 401', async () => {
    const gone = `http://127.0.0.1:${await freePort()}`;
    const orphan = await startApiAlone({ ...issuer.apiEnv, AUTH_ISSUER: gone });
    try {
      const token = await issuer.sign({ iss: gone, aud: 'parkflow-api', sub: 's', exp: Date.now() / 1e3 + 60 });
      const response = await orphan.call('GET', '/v1/cases', { token });
      expect(response.status).toBe(503);
      expect(response.body.error).toBe('dependency_unavailable');
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await orphan.close();
    }
  });
});
