import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OAUTH2_REDIRECT_PATH } from '../../../api/common/security-headers';
import type { KeycloakState } from '../../../scripts/keycloak-server';
import { keycloakProvisioned, startClusterScript, type ClusterScript } from './cluster-script';
import { authorizationUrl, Browser, pkcePair, type Page } from './keycloak-browser';
import { restoreDrill } from './restore-drill.checks';
import { temporalRefusalChecks } from './temporal-refusals.checks';
import { temporalUiBrowserChecks } from './temporal-ui-browser.checks';

/**
 * `npm run cluster` as an officer or an operator starts it (scripts/cluster.sh itself, on free ports, with Keycloak):
 * one cluster for every check of this file, since it holds Temporal's fixed ports.
 *
 * Issue 21: it serves the officers' console
 * through its front door on the API's one origin, and the console signs officers in through Keycloak's
 * `parkflow-console` client (Authorization Code with PKCE): the login page for the console's redirect URI, the code
 * back at `/signed-in`, the token request allowed from the front door's origin, the API knowing the officer.
 */
/** The console's SIGNED_IN_PATH (console/src/auth/session.tsx; compose-sign-in.test.ts holds the realm to it). */
const SIGNED_IN_PATH = '/signed-in';
const CONSOLE_CLIENT = 'parkflow-console';
/** The console's routes (console/src/app.tsx): the API answers each with the console's one page. */
const CONSOLE_ROUTES = ['/', SIGNED_IN_PATH, '/cases', '/cases/some-case/certificate', '/public/parks', '/stats'];

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint: string;
}

/** cluster.sh runs Keycloak only where scripts/provision.sh could build it (Java 17+, Maven); Linux: it reads /proc. */
const withKeycloak = process.platform === 'linux' && keycloakProvisioned() ? describe : describe.skip;

withKeycloak('npm run cluster', () => {
  let cluster: ClusterScript;
  let discovery: Discovery;
  const get = (path: string, accept = 'text/html'): Promise<Response> =>
    fetch(`${cluster.frontDoor}${path}`, { headers: { accept } });
  /** Keycloak's answer to the console's authorization request with `redirectUri`. */
  const authorize = (browser: Browser, redirectUri: string, challenge = pkcePair().challenge): Promise<Page> =>
    browser.get(
      authorizationUrl(discovery.authorization_endpoint, { clientId: CONSOLE_CLIENT, redirectUri, challenge }),
    );

  beforeAll(async () => {
    const started = Date.now();
    cluster = await startClusterScript();
    process.stdout.write(`[cluster] npm run cluster running in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }, 480_000);
  afterAll(() => cluster?.stop());

  it('GET / and the console’s routes through the front door answer its page, its scripts from /assets/', async () => {
    for (const path of CONSOLE_ROUTES) {
      const page = await get(path);
      expect({ path, status: page.status, type: page.headers.get('content-type') }).toEqual({
        path,
        status: 200,
        type: expect.stringMatching(/^text\/html/),
      });
      expect(await page.text()).toContain('<div id="root"></div>');
    }
    const html = await (await get('/')).text();
    const script = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const file = await get(String(script), '*/*');
    expect({ script, status: file.status, type: file.headers.get('content-type') }).toEqual({
      script: expect.stringMatching(/^\/assets\//),
      status: 200,
      type: expect.stringMatching(/javascript/),
    });
    expect((await get('/v1/public/designated-parks')).headers.get('content-type')).toMatch(/json/); // still the API
  });

  it('console-config names Keycloak’s issuer and the parkflow-console client; the page may reach it', async () => {
    const config = (await (await get('/v1/public/console-config', 'application/json')).json()) as {
      issuer: string;
      clientId: string;
    };
    expect(config).toEqual({
      issuer: `http://localhost:${cluster.keycloakPort}/realms/parkflow`,
      clientId: CONSOLE_CLIENT,
    });
    discovery = (await (await fetch(`${config.issuer}/.well-known/openid-configuration`)).json()) as Discovery;
    expect(discovery.issuer).toBe(config.issuer);
    // The console fetches the discovery document and the token endpoint from the page: its CSP allows that origin.
    const policy = (await get('/')).headers.get('content-security-policy') ?? '';
    expect(/connect-src ([^;]*)/.exec(policy)?.[1].split(' ')).toContain(new URL(config.issuer).origin);
  });

  it('Keycloak’s authorization endpoint shows its login form for the console’s /signed-in only', async () => {
    for (const path of [SIGNED_IN_PATH, OAUTH2_REDIRECT_PATH]) {
      // Swagger UI's Authorize uses the same client: its redirect page stays allowed.
      const login = await authorize(new Browser(), `${cluster.frontDoor}${path}`);
      expect({ path, status: login.status, type: login.contentType }).toEqual({
        path,
        status: 200,
        type: expect.stringMatching(/^text\/html/),
      });
      expect(login.html).toMatch(/<form\b[^>]*\bid="kc-form-login"/);
    }
    const refused = await authorize(new Browser(), `${cluster.frontDoor}/elsewhere`);
    expect({ status: refused.status, form: /kc-form-login/.test(refused.html) }).toEqual({ status: 400, form: false });
    expect(refused.html).toMatch(/redirect_uri/);
  });

  it('an officer signs in at /signed-in, the API knows them, signing out returns to /', async () => {
    const state: KeycloakState = JSON.parse(readFileSync(join(cluster.dataDir, 'keycloak', 'state.json'), 'utf8'));
    const browser = new Browser();
    const { verifier, challenge } = pkcePair();
    const redirectUri = `${cluster.frontDoor}${SIGNED_IN_PATH}`;
    const back = await browser.signIn(
      await authorize(browser, redirectUri, challenge),
      'yubei-officer',
      state.officerPassword,
    );
    expect({ status: back.status, location: back.location }).toEqual({
      status: 302,
      location: expect.stringMatching(new RegExp(`^${redirectUri}\\?`)),
    });
    const code = new URL(String(back.location)).searchParams.get('code');
    const landing = await fetch(String(back.location), { headers: { accept: 'text/html' } }); // the console's page
    expect(await landing.text()).toContain('<div id="root"></div>');

    // oidc-client-ts's token request, from the console's page: a CORS request from the front door's origin.
    const tokens = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { origin: cluster.frontDoor, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: CONSOLE_CLIENT,
        code: String(code),
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
    });
    expect({ status: tokens.status, cors: tokens.headers.get('access-control-allow-origin') }).toEqual({
      status: 200,
      cors: cluster.frontDoor,
    });
    // The token request is a CORS request from the front door's origin, answered for it (the realm's web origins).
    const { access_token: accessToken, id_token: idToken } = (await tokens.json()) as Record<string, string>;
    const me = await fetch(`${cluster.frontDoor}/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect({ status: me.status, body: await me.json() }).toMatchObject({
      status: 200,
      body: { sub: 'yubei-officer', role: 'district', district: '500112' },
    });

    const signedOut = await browser.get(
      `${discovery.end_session_endpoint}?${new URLSearchParams({
        client_id: CONSOLE_CLIENT,
        id_token_hint: idToken,
        post_logout_redirect_uri: `${cluster.frontDoor}/`,
      })}`,
    );
    expect({ status: signedOut.status, location: signedOut.location }).toEqual({
      status: 302,
      location: expect.stringMatching(new RegExp(`^${cluster.frontDoor}/`)),
    });
  });

  describe('Temporal behind mutual TLS and token authorization, the UI read only (issue 22)', () =>
    temporalRefusalChecks(() => cluster));
  describe('ops staff in the Temporal UI, in a browser (issue 22)', () => temporalUiBrowserChecks(() => cluster));
});

// After the cluster above has stopped (its afterAll runs before this block): the drill starts clusters of its own.
describe('npm run cluster: the restore drill (issue 22 item 3)', restoreDrill);
