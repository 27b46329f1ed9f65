import { startApiAlone, type ApiAlone } from '../../tooling/stacks/api-alone';

/** Issue 14, "Edge hardening": security headers (helmet), a CSP that lets Swagger UI run, CORS only by allowlist. */
let api: ApiAlone;
let allowing: ApiAlone;
const ALLOWED = 'https://hr.cq.gov.cn';
beforeAll(async () => {
  api = await startApiAlone();
  allowing = await startApiAlone({ CORS_ALLOWED_ORIGINS: `${ALLOWED}, http://localhost:5173` });
});
afterAll(async () => {
  await api?.close();
  await allowing?.close();
});

const get = (base: ApiAlone, path: string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${base.baseUrl}${path}`, { headers });

describe('edge hardening (issue 14)', () => {
  it('every answer carries the security headers and does not announce the framework', async () => {
    for (const path of ['/health', '/v1/cases', '/docs', '/no-such-route']) {
      const { headers } = await get(api, path);
      expect(headers.get('x-powered-by')).toBeNull();
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('content-security-policy')).toBeTruthy();
    }
  });

  it("a JSON answer's CSP lets nothing load; Swagger UI's allows its own scripts and styles only", async () => {
    expect((await get(api, '/v1/cases')).headers.get('content-security-policy')).toBe(
      "default-src 'none';frame-ancestors 'none'",
    );
    const docs = await get(api, '/docs');
    const csp = docs.headers.get('content-security-policy') as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' https: 'unsafe-inline'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    // Swagger UI runs under that policy: every script it needs is a same-origin file (no inline code).
    const html = await docs.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, code] of scripts) {
      expect(code.trim()).toBe('');
      const src = /src="([^"]+)"/.exec(attributes)?.[1] as string;
      expect(src).not.toMatch(/^(https?:)?\/\//);
      const script = await fetch(new URL(src, docs.url));
      expect(script.status).toBe(200);
    }
  });

  it('CORS is off without an allowlist: no origin may read the answers', async () => {
    const plain = await get(api, '/health', { origin: ALLOWED });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${api.baseUrl}/v1/cases`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED, 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('with CORS_ALLOWED_ORIGINS, an allowed origin may call with a bearer token; another may not', async () => {
    const preflight = await fetch(`${allowing.baseUrl}/v1/cases`, {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const answer = await get(allowing, '/v1/cases', {
      origin: ALLOWED,
      authorization: `Bearer ${allowing.token('municipal')}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const other = await get(allowing, '/health', { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('an allowed origin may PUT (district contacts) and read the answer’s language; another may not', async () => {
    const preflight = (origin: string): Promise<Response> =>
      fetch(`${allowing.baseUrl}/v1/districts/500112/contacts`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'authorization,content-type,accept-language',
        },
      });
    const allowed = await preflight(ALLOWED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-methods')?.split(',')).toEqual(['GET', 'POST', 'PUT']);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/Accept-Language/);
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // Without an allowlist, no origin may PUT.
    const closed = await fetch(`${api.baseUrl}/v1/districts/500112/contacts`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED, 'access-control-request-method': 'PUT' },
    });
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();

    const answer = await get(allowing, '/v1/districts/500112/contacts', {
      origin: ALLOWED,
      authorization: `Bearer ${allowing.token('municipal')}`,
      'accept-language': 'en',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-language')).toBe('en');
    expect(answer.headers.get('access-control-expose-headers')).toMatch(/Content-Language/);
  });
});
