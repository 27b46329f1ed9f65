import { randomUUID } from 'node:crypto';
import { API_SERIES, REQUEST_METRICS, UNMATCHED_ROUTE } from '../../api/metrics/series';
import { declaredHelps, declaredTypes, sampleValue, samplesOf, scrape } from '../support/metrics/prometheus-text';
import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

/**
 * Issue 12 item 3: the API's `GET /metrics` counts and times requests by method, route template (never the raw
 * path) and status, beside Node's process metrics; it needs no token, is not rate-limited and is not in the OpenAPI
 * document.
 */
let stack: Stack;
beforeAll(async () => {
  // A bucket of 2: were /metrics rate-limited, the scrapes below would be refused.
  stack = await startStack({ withWorker: false, env: { RATE_LIMIT_BURST: '2', RATE_LIMIT_PER_MINUTE: '1' } });
});
afterAll(async () => {
  await stack?.teardown();
});

const requests = (text: string, labels: Record<string, string>): number =>
  sampleValue(text, REQUEST_METRICS.requests, labels) ?? 0;

describe('GET /metrics on the API', () => {
  it('labels each request with its route template, unmatched paths with one label', async () => {
    const caseId = randomUUID();
    const before = (await scrape(`${stack.baseUrl}/metrics`)).text;
    const token = stack.token('municipal');
    expect((await stack.call('GET', `/v1/cases/${caseId}`, { token })).status).toBe(404);
    expect((await stack.call('GET', `/v1/cases/${caseId}`, { token })).status).toBe(404);
    expect((await stack.call('GET', '/health/live')).status).toBe(200);
    expect((await stack.call('GET', `/no/such/path/${caseId}`)).status).toBe(404);
    // Answered before routing: 405 by the documented-path handler, 400 by the JSON parser.
    expect((await stack.call('DELETE', `/v1/cases/${caseId}`, { token })).status).toBe(405);
    const malformed = await stack.call('POST', '/v1/applications', { token, rawBody: '{"not json' });
    expect(malformed.status).toBe(400);

    const { text, contentType } = await scrape(`${stack.baseUrl}/metrics`);
    expect(contentType).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const delta = (labels: Record<string, string>): number => requests(text, labels) - requests(before, labels);
    expect(delta({ method: 'GET', route: '/v1/cases/:caseId', status: '404' })).toBe(2);
    expect(delta({ method: 'GET', route: '/health/live', status: '200' })).toBe(1);
    expect(delta({ method: 'GET', route: UNMATCHED_ROUTE, status: '404' })).toBe(1);
    expect(delta({ method: 'DELETE', route: '/v1/cases/:caseId', status: '405' })).toBe(1);
    expect(delta({ method: 'POST', route: '/v1/applications', status: '400' })).toBe(1);
    // The first scrape itself was counted once it was answered.
    expect(requests(text, { method: 'GET', route: '/metrics', status: '200' })).toBeGreaterThanOrEqual(1);
    const durations = `${REQUEST_METRICS.duration}_count`;
    expect(sampleValue(text, durations, { method: 'GET', route: '/v1/cases/:caseId', status: '404' })).toBe(2);

    // No raw path in any label: one series per route, never one per case.
    expect(text).not.toContain(caseId);
    const routes = new Set(samplesOf(text).flatMap((sample) => sample.labels.route ?? []));
    for (const route of routes) expect(route === UNMATCHED_ROUTE || route.startsWith('/')).toBe(true);
  });

  it('serves the request metrics and process metrics, each family declared once', async () => {
    const { text } = await scrape(`${stack.baseUrl}/metrics`);
    const types = declaredTypes(text);
    expect(types).toEqual(expect.arrayContaining([...API_SERIES]));
    expect(types.length).toBe(new Set(types).size);
    expect(declaredHelps(text).length).toBe(new Set(declaredHelps(text)).size);
  });

  it('needs no token, is never rate-limited, and stays out of the OpenAPI document and the 405 handler', async () => {
    // A caller's token does not make it a rate-limited route either.
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${stack.baseUrl}/metrics`, {
        headers: { authorization: `Bearer ${stack.token('municipal')}` },
      });
      expect(response.status).toBe(200);
      await response.text();
    }
    const document = await stack.call('GET', '/docs-json');
    expect(Object.keys(document.body.paths).filter((path) => path.includes('metrics'))).toEqual([]);
    const post = await fetch(`${stack.baseUrl}/metrics`, { method: 'POST' });
    expect(post.status).toBe(404);
    await post.text();
  });
});
