import { HttpDriver, PANEL } from '../support/http-driver';
import { issuedTokens, startOidcIssuer, type Officer, type OidcIssuer } from '../support/oidc-issuer';
import { startStack, type Stack } from '../support/stack-harness';
import { wholeLife, WHOLE_LIFE, WHOLE_LIFE_BOUND_MS, WHOLE_LIFE_TIME_SCALE } from '../support/whole-life';

/** The officers of the whole life, each signed in through the identity provider (issue 14). */
const OFFICERS: Officer[] = [
  { sub: 'district-500112', role: 'district', district: '500112' },
  { sub: 'municipal-officer', role: 'municipal' },
  { sub: 'finance-officer', role: 'finance' },
  ...PANEL.map((sub): Officer => ({ sub, role: 'expert' })),
];

let issuer: OidcIssuer;
let stack: Stack;
let driver: HttpDriver;
beforeAll(async () => {
  issuer = await startOidcIssuer();
  stack = await startStack({
    env: {
      ...issuer.apiEnv,
      POLICY_TIME_SCALE: String(WHOLE_LIFE_TIME_SCALE),
      // Polling the inbox every 50 ms for ~45 s is more than the default per-caller budget (600/min); the limiter
      // has its own suite (idempotency-and-rate-limit) and stays in the path here.
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_BURST: '10000',
    },
  });
  const token = await issuedTokens(issuer, OFFICERS);
  driver = new HttpDriver({ call: stack.call, token });
});
afterAll(async () => {
  await stack?.teardown();
  await issuer?.close();
});

describe('a park’s whole life through HTTP only, signed in with OpenID Connect (compressed POLICY_TIME_SCALE)', () => {
  it(WHOLE_LIFE, () => wholeLife(driver, issuer.url), WHOLE_LIFE_BOUND_MS);
});
