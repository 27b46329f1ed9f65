import { createHash, randomBytes } from 'node:crypto';
import { startApiAlone, type ApiAlone } from '../../tooling/stacks/api-alone';
import { startOidcIssuer, type Officer, type OidcIssuer } from '../support/identity/oidc-issuer';

/**
 * Issue 20 item 3: Swagger UI at `/docs` signs officers in at the configured OpenID Connect provider — Authorization
 * Code with PKCE through the provider's public client (Keycloak's `parkflow-console`), its pop-up coming back to
 * `/docs/oauth2-redirect.html` — and the token it gets is one the API takes. The test does over HTTP what Swagger UI
 * does in the browser, against a real provider (npm `oidc-provider`): read the document's scheme and the UI's
 * options, read the discovery document, authorize with a code challenge, sign in and consent on the provider's pages,
 * then exchange the code with the verifier and call the API.
 */
const CLIENT_ID = 'parkflow-console';
const OFFICER: Officer = { sub: 'yubei-officer', role: 'district', district: '500112' };

let issuer: OidcIssuer;
let api: ApiAlone;
let redirectUri: string;
beforeAll(async () => {
  issuer = await startOidcIssuer();
  api = await startApiAlone({ ...issuer.apiEnv, AUTH_CONSOLE_CLIENT_ID: CLIENT_ID });
  redirectUri = `${api.baseUrl}/docs/oauth2-redirect.html`;
  issuer.registerPublicClient({ clientId: CLIENT_ID, redirectUris: [redirectUri] }, [OFFICER]);
});
afterAll(async () => {
  await api?.close();
  await issuer?.close();
});

/** The browser's cookies for the provider (its interaction and session cookies), sent back on every request. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  keep(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** A browser's request to the provider: cookies kept, redirects not followed (each step is looked at). */
async function visit(jar: CookieJar, url: string, form?: Record<string, string>): Promise<Response> {
  const response = await fetch(url, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      cookie: jar.header(),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams(form) : undefined,
  });
  return jar.keep(response);
}

/** Follows the provider's redirects until one leaves it (to the client's redirect URI); submits its two pages. */
async function signInAndConsent(jar: CookieJar, authorizationUrl: string, login: string): Promise<URL> {
  let response = await visit(jar, authorizationUrl);
  for (let step = 0; step < 10; step += 1) {
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, issuer.url);
      if (next.origin !== new URL(issuer.url).origin) return next;
      response = await visit(jar, next.href);
      continue;
    }
    const page = await response.text();
    expect({ status: response.status, page: response.status === 200 ? '' : page }).toEqual({ status: 200, page: '' });
    const action = new URL(/<form[^>]*action="([^"]+)"/.exec(page)?.[1] as string, issuer.url).href;
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    response =
      prompt === 'login'
        ? await visit(jar, action, { prompt, login, password: 'any' })
        : await visit(jar, action, { prompt: 'consent' });
  }
  throw new Error('the provider never sent the browser back to the client');
}

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

describe("Swagger UI's sign-in through the OpenID Connect provider (issue 20 item 3)", () => {
  it('the document offers the provider (discovery) beside the bearer scheme; Swagger UI is set for PKCE', async () => {
    const document = (await (await fetch(`${api.baseUrl}/docs-json`)).json()) as {
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, { security?: unknown }>>;
    };
    expect(document.components.securitySchemes.oidc).toEqual({
      type: 'openIdConnect',
      openIdConnectUrl: `${issuer.url}/.well-known/openid-configuration`,
      description: expect.any(String),
    });
    expect(document.paths['/v1/cases'].get.security).toEqual([{ bearer: [] }, { oidc: [] }]);
    expect(document.paths['/health/live'].get.security).toBeUndefined();

    const init = await (await fetch(`${api.baseUrl}/docs/swagger-ui-init.js`)).text();
    const initOAuth = JSON.parse(/"initOAuth": (\{[^}]*\})/.exec(init)?.[1] as string);
    expect(initOAuth).toEqual({
      clientId: CLIENT_ID,
      usePkceWithAuthorizationCodeGrant: true,
      scopes: ['openid', 'profile', 'email'],
    });
    // The pop-up comes back to the page's own origin, whichever address the API was reached at.
    expect(init).toContain('"oauth2RedirectUrl": window.location.origin + "/docs/oauth2-redirect.html"');
  });

  it('the docs may reach the issuer, and the pop-up can hand the code back to Swagger UI', async () => {
    const docs = await fetch(`${api.baseUrl}/docs`);
    const csp = docs.headers.get('content-security-policy') as string;
    expect(csp).toContain(`connect-src 'self' ${new URL(issuer.url).origin}`);
    expect(docs.headers.get('cross-origin-opener-policy')).toBe('same-origin-allow-popups');

    const redirect = await fetch(redirectUri);
    expect(redirect.status).toBe(200);
    expect(redirect.headers.get('content-type')).toMatch(/^text\/html/);
    // The pop-up keeps its opener (no browsing context group switch) and runs only its own same-origin script.
    expect(redirect.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
    expect(redirect.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await redirect.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const [, attributes, inline] = scripts[0];
    expect(inline.trim()).toBe('');
    const src = /src="([^"]+)"/.exec(attributes)?.[1] as string;
    expect(src).not.toMatch(/^(https?:)?\/\//);
    const script = await fetch(new URL(src, redirectUri));
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('swaggerUIRedirectOauth2');
  });

  it('Authorization Code with PKCE through the public client gives a token the API takes', async () => {
    const discovery = (await (await fetch(`${issuer.url}/.well-known/openid-configuration`)).json()) as {
      authorization_endpoint: string;
      token_endpoint: string;
      code_challenge_methods_supported: string[];
    };
    expect(discovery.code_challenge_methods_supported).toContain('S256');

    const verifier = base64url(randomBytes(32));
    const challenge = base64url(createHash('sha256').update(verifier).digest());
    const state = base64url(randomBytes(12));
    const authorize = (extra: Record<string, string>): string =>
      `${discovery.authorization_endpoint}?${new URLSearchParams({
        response_type: 'code',
        client_id: CLIENT_ID,
        redirect_uri: redirectUri,
        scope: 'openid profile email',
        state,
        ...extra,
      })}`;

    // Without a code challenge the provider refuses: the public client must use PKCE.
    const refused = await signInAndConsent(new CookieJar(), authorize({}), OFFICER.sub);
    expect(`${refused.origin}${refused.pathname}`).toBe(redirectUri);
    expect(refused.searchParams.get('error')).toBe('invalid_request');

    const back = await signInAndConsent(
      new CookieJar(),
      authorize({ code_challenge: challenge, code_challenge_method: 'S256' }),
      OFFICER.sub,
    );
    expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
    expect(back.searchParams.get('state')).toBe(state);
    const code = back.searchParams.get('code') as string;
    expect(code).toBeTruthy();

    // Swagger UI's token request from the docs page: the code, the verifier, the client id — no secret.
    const exchange = (codeVerifier: string): Promise<Response> =>
      fetch(discovery.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: api.baseUrl },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          client_id: CLIENT_ID,
          code_verifier: codeVerifier,
        }),
      });
    const wrong = await exchange(base64url(randomBytes(32)));
    expect({ status: wrong.status, error: ((await wrong.json()) as { error?: string }).error }).toEqual({
      status: 400,
      error: 'invalid_grant',
    });
    const tokens = await exchange(verifier);
    expect(tokens.status).toBe(200);
    const { access_token: accessToken } = (await tokens.json()) as { access_token: string };
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ iss: issuer.url, aud: 'parkflow-api', sub: OFFICER.sub, district: '500112' });

    const cases = await api.call('GET', '/v1/cases', { token: accessToken });
    expect(cases.status).toBe(200);
    // The district claim scopes the officer signed in this way, too.
    expect((await api.call('GET', '/v1/cases?district=500103', { token: accessToken })).status).toBe(403);
  });
});
