import { SignJWT, type JWTPayload } from 'jose';
import { API_ALONE_SECRET, startApiAlone, type ApiAlone } from '../../tooling/stacks/api-alone';

/**
 * Issue 14, "Token rules" (api-contract "Identity"), over HTTP with HS256 development tokens as `npm run dev`
 * takes them: each refusal is a 401 naming the rule it broke, and never echoes the token.
 */
let api: ApiAlone;
beforeAll(async () => {
  api = await startApiAlone();
});
afterAll(async () => {
  await api?.close();
});

const now = (): number => Math.floor(Date.now() / 1_000);
const HOUR = 3_600;

/** An HS256 token with exactly `claims` (jose, so a rule can be broken on purpose). */
const signed = (claims: JWTPayload, secret = API_ALONE_SECRET): Promise<string> =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
const municipal = (claims: JWTPayload): Promise<string> =>
  signed({ sub: 'municipal-officer', role: 'municipal', iat: now(), exp: now() + HOUR, ...claims });

async function answer(token: string): Promise<{ status: number; rule?: string; text: string }> {
  const response = await api.call('GET', '/v1/cases', { token });
  return { status: response.status, rule: response.body?.details?.[0]?.rule, text: JSON.stringify(response.body) };
}

describe('token rules: each refusal is a 401 naming the rule (issue 14 "Token rules")', () => {
  it.each([
    ['a token without exp', { exp: undefined }, 'token.exp-required'],
    ['a token that lives 10 years', { exp: now() + 10 * 365 * 24 * HOUR }, 'token.max-lifetime'],
    ['a token living 12 h and 1 s', { iat: now(), exp: now() + 12 * HOUR + 1 }, 'token.max-lifetime'],
    ['no iat and an exp 13 h ahead', { iat: undefined, exp: now() + 13 * HOUR }, 'token.max-lifetime'],
    ['a 5,000-character sub', { sub: 'x'.repeat(5_000) }, 'token.subject'],
    ['an nbf 2 minutes ahead (beyond the 60 s skew)', { nbf: now() + 120 }, 'token.not-yet-valid'],
    ['an iat 2 minutes ahead', { iat: now() + 120, exp: now() + HOUR }, 'token.not-yet-valid'],
    ['an exp 2 minutes past', { iat: now() - HOUR, exp: now() - 120 }, 'token.expired'],
    ['an HS256 token of another issuer', { iss: 'https://evil.example' }, 'token.issuer'],
  ])('refuses %s', async (_name, claims, rule) => {
    const token = await municipal(claims);
    const refused = await answer(token);
    expect({ status: refused.status, rule: refused.rule }).toEqual({ status: 401, rule });
    expect(refused.text).not.toContain(token.split('.')[1]);
  });

  it.each([
    ['exactly 12 h of life', { iat: now(), exp: now() + 12 * HOUR }],
    ['a 200-character sub', { sub: 'x'.repeat(200) }],
    ['an nbf 30 s ahead (within the skew)', { nbf: now() + 30 }],
    ['an exp 30 s past (within the skew)', { iat: now() - HOUR, exp: now() - 30 }],
    ['the development issuer', { iss: 'parkflow-development' }],
  ])('accepts %s', async (_name, claims) => {
    expect((await answer(await municipal(claims))).status).toBe(200);
  });

  it('refuses alg none, another secret, an RS256 token when no issuer is configured, and a non-JWT', async () => {
    const header = (alg: string): string => Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'x', role: 'municipal', exp: now() + 60 })).toString('base64url');
    const cases: [string, string][] = [
      [`${header('none')}.${body}.`, 'token.algorithm'],
      [`${header('RS256')}.${body}.c2ln`, 'token.algorithm'],
      [await signed({ sub: 'x', role: 'municipal', exp: now() + 60 }, 'another-secret-0123456789'), 'token.signature'],
      ['not-a-jwt', 'token.format'],
    ];
    for (const [token, rule] of cases) expect(await answer(token)).toMatchObject({ status: 401, rule });
  });
});
