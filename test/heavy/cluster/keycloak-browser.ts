import { createHash, randomBytes } from 'node:crypto';

/**
 * What an officer's browser does at Keycloak when the console signs them in (oidc-client-ts, Authorization Code with
 * PKCE): open the authorization URL, fill in the login form, follow Keycloak back to the console. Plain fetch with
 * the cookies Keycloak sets between its login page and the form's POST.
 */

/** A PKCE pair (RFC 7636, method S256), as oidc-client-ts makes one for each sign-in. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The authorization request the console sends the browser to: its public client, its redirect URI, S256. */
export function authorizationUrl(
  endpoint: string,
  request: { clientId: string; redirectUri: string; challenge: string },
): string {
  const url = new URL(endpoint);
  url.search = new URLSearchParams({
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    response_type: 'code',
    scope: 'openid',
    state: randomBytes(8).toString('hex'),
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** A page as the browser got it (redirects not followed: the sign-in's last step is a redirect to the console). */
export interface Page {
  status: number;
  contentType: string;
  html: string;
  location: string | null;
}

/** One browser: the cookies Keycloak set (one site, so name → value is enough), sent back with each request. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  async get(url: string): Promise<Page> {
    return this.page(await fetch(url, { headers: this.headers(), redirect: 'manual' }));
  }

  /**
   * Fills in and submits Keycloak's login form (`kc-form-login`) on `loginPage`; the page Keycloak answers with: on
   * success a redirect to the client's redirect URI, with the code.
   */
  async signIn(loginPage: Page, username: string, password: string): Promise<Page> {
    const action = loginFormAction(loginPage.html);
    if (!action) throw new Error(`no login form on the page:\n${loginPage.html.slice(0, 2_000)}`);
    const response = await fetch(action, {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password, credentialId: '' }),
      redirect: 'manual',
    });
    return this.page(response);
  }

  private headers(): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    // English pages: the realm's default is Chinese; the checks read status and form, not words, either way.
    return { accept: 'text/html', 'accept-language': 'en', ...(cookie ? { cookie } : {}) };
  }

  private async page(response: Response): Promise<Page> {
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      html: await response.text(),
      location: response.headers.get('location'),
    };
  }
}

/** The action URL of Keycloak's login form (`<form id="kc-form-login" … action="…">`), its `&amp;` decoded. */
export function loginFormAction(html: string): string | undefined {
  const form = /<form\b[^>]*\bid="kc-form-login"[^>]*>/.exec(html)?.[0];
  return form && /\baction="([^"]+)"/.exec(form)?.[1].replace(/&amp;/g, '&');
}
