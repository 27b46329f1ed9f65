import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { serveConsole } from '../../api/console/serve-console';
import { securityHeaders } from '../../api/common/security-headers';
import { startApiAlone, type ApiAlone } from '../../tooling/stacks/api-alone';

/**
 * Issue 21 item 2: the API serves the officers' console on its own origin — the page for a browser (Accept:
 * text/html) anywhere outside the API's paths, the build's files, and nothing else (api-contract "Identity") — and
 * tells it where officers sign in (`GET /v1/public/console-config`).
 */
const ISSUER = 'https://sso.example.gov.cn/realms/parkflow';
const PAGE = '<!doctype html><title>console</title>';
const SCRIPT = 'console.log("工作台");'.repeat(100);

/** An application with no routes of its own: whatever the console passes on gets Nest's JSON 404. */
@Module({})
class NoRoutes {}

async function serving(dist: string): Promise<{ app: NestExpressApplication; base: string }> {
  const app = await NestFactory.create<NestExpressApplication>(NoRoutes, { logger: false });
  app.use(securityHeaders());
  serveConsole(app, ISSUER, dist);
  await app.listen(0, '127.0.0.1');
  return { app, base: await app.getUrl() };
}

let dist: string;
let app: NestExpressApplication;
let base: string;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'parkflow-console-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), PAGE);
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(dist, 'assets', 'index-abc123.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(dist, 'assets', 'index-abc123.js.gz'), gzipSync(SCRIPT));
  ({ app, base } = await serving(dist));
});
afterAll(async () => {
  await app?.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = async (path: string, accept: string, method = 'GET') => {
  const response = await fetch(`${base}${path}`, { method, headers: { accept } });
  return {
    status: response.status,
    type: response.headers.get('content-type')?.split(';')[0],
    policy: response.headers.get('content-security-policy') ?? '',
    cache: response.headers.get('cache-control'),
    body: await response.text(),
  };
};
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the console on the API’s origin (issue 21)', () => {
  it('a browser gets the page at / and at any console path (it routes itself), never cached', async () => {
    for (const path of ['/', '/cases/5c0ffee0-0000-4000-8000-000000000000', '/signed-in?code=x&state=y']) {
      const answer = await get(path, HTML);
      expect({ path, status: answer.status, type: answer.type, body: answer.body, cache: answer.cache }).toEqual({
        path,
        status: 200,
        type: 'text/html',
        body: PAGE,
        cache: 'no-cache',
      });
    }
  });

  it("the page's policy runs its own scripts only and lets it reach the issuer; it is never framed", async () => {
    const { policy } = await get('/', HTML);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self' https://sso.example.gov.cn");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('upgrade-insecure-requests');
  });

  it('the build’s files are served to anyone, fingerprinted ones cached for a year', async () => {
    const script = await get('/assets/index-abc123.js', '*/*');
    expect({ status: script.status, type: script.type, cache: script.cache }).toEqual({
      status: 200,
      type: 'text/javascript',
      cache: 'public, max-age=31536000, immutable',
    });
  });

  it('an asset goes out precompressed as the browser accepts it (Brotli, else gzip), else as it is', async () => {
    const sent = async (acceptEncoding: string) => {
      const response = await fetch(`${base}/assets/index-abc123.js`, {
        headers: { 'accept-encoding': acceptEncoding },
      });
      return {
        encoding: response.headers.get('content-encoding'),
        type: response.headers.get('content-type')?.split(';')[0],
        vary: response.headers.get('vary'),
        same: (await response.text()) === SCRIPT, // fetch decodes what it was sent
      };
    };
    const asJs = { type: 'text/javascript', vary: 'Accept-Encoding', same: true };
    expect(await sent('gzip, deflate, br')).toEqual({ encoding: 'br', ...asJs });
    expect(await sent('gzip')).toEqual({ encoding: 'gzip', ...asJs });
    expect(await sent('br;q=0, gzip')).toEqual({ encoding: 'gzip', ...asJs });
    expect(await sent('identity')).toEqual({ encoding: null, ...asJs });
  });

  it('the API’s paths, other methods and non-HTML requests go on to the API (JSON)', async () => {
    const passedOn = [
      await get('/v1/cases', HTML),
      await get('/docs', HTML),
      await get('/health/live', HTML),
      await get('/metrics', HTML),
      await get('/', 'application/json'),
      await get('/nothing-here.js', '*/*'),
      await get('/', HTML, 'POST'),
    ];
    for (const answer of passedOn)
      expect({ status: answer.status, type: answer.type }).toEqual({
        status: 404,
        type: 'application/json',
      });
    expect(passedOn[0].policy).toContain("default-src 'none'");
  });

  it('an unbuilt console is no page at all: the API answers', async () => {
    const unbuilt = await serving(join(dist, 'missing'));
    try {
      const response = await fetch(`${unbuilt.base}/`, { headers: { accept: HTML } });
      expect({ status: response.status, type: response.headers.get('content-type')?.split(';')[0] }).toEqual({
        status: 404,
        type: 'application/json',
      });
    } finally {
      await unbuilt.app.close();
    }
  });
});

describe('GET /v1/public/console-config', () => {
  let api: ApiAlone;
  afterEach(async () => api?.close());

  it('names the issuer and the console’s public client, with no token', async () => {
    api = await startApiAlone({ AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: 'parkflow-api' });
    const answer = await api.call('GET', '/v1/public/console-config');
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 200,
      body: { issuer: ISSUER, clientId: 'parkflow-console' },
    });
    // A browser asking the API itself gets the API's answer, not the console's page.
    const cases = await fetch(`${api.baseUrl}/v1/cases`, { headers: { accept: HTML } });
    expect({ status: cases.status, type: cases.headers.get('content-type')?.split(';')[0] }).toEqual({
      status: 401,
      type: 'application/json',
    });
  });

  it('says so when no issuer is configured (HS256 development tokens only): nobody can sign in there', async () => {
    api = await startApiAlone();
    expect((await api.call('GET', '/v1/public/console-config')).body).toEqual({
      issuer: null,
      clientId: 'parkflow-console',
    });
  });
});
