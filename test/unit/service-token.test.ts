import { EventEmitter, once } from 'node:events';
import { openTemporalAccess } from '../../config/temporal-access';
import { ServiceTokenSource } from '../../config/service-token';
import { issued, startTokenEndpoint, type TokenAnswer, type TokenEndpoint } from '../support/identity/token-endpoint';

/**
 * The service token a process signs its Temporal calls with (config/service-token.ts), against a local token endpoint.
 * The renewal schedule runs on jest's fake clock (the HTTP exchanges are real), so no verdict waits on wall time.
 */
const CREDENTIALS = { clientId: 'parkflow-worker', clientSecret: 's3cret' };
const unavailable: TokenAnswer = { status: 503, body: { error: 'temporarily_unavailable' } };
/** A process's settings asking for a token from `url`. */
const tokenSettings = (url: string, secret: string) => ({
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  TEMPORAL_NAMESPACE: 'default',
  TEMPORAL_AUTH_TOKEN_URL: url,
  TEMPORAL_AUTH_CLIENT_ID: CREDENTIALS.clientId,
  TEMPORAL_AUTH_CLIENT_SECRET: secret,
});

let endpoint: TokenEndpoint | undefined;
let source: ServiceTokenSource | undefined;
afterEach(async () => {
  source?.close();
  source = undefined;
  jest.useRealTimers();
  await endpoint?.close();
  endpoint = undefined;
});

/** An endpoint answering the scripted answers in order (the last one again after them). */
async function endpointAnswering(...answers: TokenAnswer[]): Promise<TokenEndpoint> {
  endpoint = await startTokenEndpoint((_form, index) => answers[Math.min(index, answers.length - 1)]);
  return endpoint;
}

/** A source on the fake clock whose warnings and renewals are events to await. */
async function startSource(
  url: string,
): Promise<{ source: ServiceTokenSource; events: EventEmitter; warnings: unknown[] }> {
  // Only the clock and timers are fake: the HTTP exchanges need Node's real I/O callbacks.
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'hrtime', 'performance'] });
  const events = new EventEmitter();
  const warnings: unknown[] = [];
  source = await ServiceTokenSource.start({ tokenUrl: url, ...CREDENTIALS }, (message, fields) => {
    warnings.push({ message, ...fields });
    events.emit('warning');
  });
  source.onRenewed((token) => events.emit('renewed', token));
  return { source, events, warnings };
}

describe('the Temporal service token (OAuth2 client credentials from Keycloak)', () => {
  it('is fetched with the client-credentials grant before the source is returned', async () => {
    const { url, requests } = await endpointAnswering(issued('token-1', 300));
    const started = Date.now();
    const { source } = await startSource(url);
    expect(source.token).toBe('token-1');
    expect(source.expiresAt.getTime()).toBeGreaterThanOrEqual(started + 300_000);
    expect(requests).toHaveLength(1);
    expect(requests[0].contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(requests[0].form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'parkflow-worker',
      client_secret: 's3cret',
    });
  });

  it('is renewed in the background at 70% of its lifetime, before it expires', async () => {
    const { url, requests } = await endpointAnswering(issued('token-1', 300), issued('token-2', 300));
    const { source, events } = await startSource(url);
    await jest.advanceTimersByTimeAsync(209_999);
    expect(requests).toHaveLength(1);
    const renewed = once(events, 'renewed');
    await jest.advanceTimersByTimeAsync(1);
    expect(await renewed).toEqual(['token-2']);
    expect(source.token).toBe('token-2');
    expect(requests).toHaveLength(2);
    expect(source.expiresAt.getTime()).toBe(Date.now() + 300_000);
  });

  it('keeps the current token while a failed renewal is retried with a doubling wait, warning each time', async () => {
    const { url, requests } = await endpointAnswering(
      issued('token-1', 300),
      unavailable,
      unavailable,
      issued('t4', 300),
    );
    const { source, events, warnings } = await startSource(url);
    let warned = once(events, 'warning');
    await jest.advanceTimersByTimeAsync(210_000);
    await warned;
    expect(source.token).toBe('token-1');
    expect(warnings[0]).toMatchObject({
      message: 'renewing the Temporal service token failed; the current one stays in use until it expires',
      error: 'the token endpoint answered 503 (temporarily_unavailable) and no token',
      failures: 1,
      retryInMs: 1_000,
      tokenUrl: url,
      clientId: 'parkflow-worker',
    });
    expect(JSON.stringify(warnings)).not.toContain('s3cret');

    warned = once(events, 'warning');
    await jest.advanceTimersByTimeAsync(999);
    expect(requests).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    await warned;
    expect(warnings[1]).toMatchObject({ failures: 2, retryInMs: 2_000 });
    expect(source.token).toBe('token-1');

    const renewed = once(events, 'renewed');
    await jest.advanceTimersByTimeAsync(2_000);
    expect(await renewed).toEqual(['t4']);
    expect(requests).toHaveLength(4);
  });

  it('says Temporal refuses calls once the token has expired without a renewal', async () => {
    const { url } = await endpointAnswering(issued('token-1', 10), unavailable);
    const { events, warnings } = await startSource(url);
    // Renewal at 7 s, retries at 8 s and 10 s: the last one finds the token expired.
    for (const ms of [7_000, 1_000, 2_000]) {
      const warned = once(events, 'warning');
      await jest.advanceTimersByTimeAsync(ms);
      await warned;
    }
    expect(warnings.map((warning) => (warning as { message: string }).message)).toEqual([
      expect.stringContaining('the current one stays in use'),
      expect.stringContaining('the current one stays in use'),
      'the Temporal service token has expired and could not be renewed: Temporal refuses calls until it is',
    ]);
  });

  it('stops renewing when closed, leaving no timer behind', async () => {
    const { url, requests } = await endpointAnswering(issued('token-1', 300));
    const { source } = await startSource(url);
    expect(jest.getTimerCount()).toBe(1);
    source.close();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(600_000);
    expect(requests).toHaveLength(1);
    expect(source.token).toBe('token-1');
  });

  it("refuses to start with the endpoint's words when the credentials are wrong, naming the variables", async () => {
    const { url } = await endpointAnswering({
      status: 401,
      body: { error: 'unauthorized_client', error_description: 'Invalid client credentials' },
    });
    await expect(openTemporalAccess(tokenSettings(url, 'wrong'), () => undefined)).rejects.toThrow(
      `no Temporal service token from TEMPORAL_AUTH_TOKEN_URL=${url} for TEMPORAL_AUTH_CLIENT_ID=parkflow-worker: ` +
        'the token endpoint answered 401 (unauthorized_client: Invalid client credentials) and no token',
    );
  });

  it('refuses to start when the token endpoint cannot be reached, naming TEMPORAL_AUTH_TOKEN_URL', async () => {
    const { url } = await endpointAnswering(issued('unused', 300));
    await endpoint?.close();
    await expect(openTemporalAccess(tokenSettings(url, 's3cret'), () => undefined)).rejects.toThrow(
      new RegExp(`^no Temporal service token from TEMPORAL_AUTH_TOKEN_URL=${url} .*ECONNREFUSED`),
    );
  });
});
