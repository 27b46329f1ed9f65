import { EventEmitter } from 'node:events';
import { ConflictException, type ExecutionContext, ServiceUnavailableException } from '@nestjs/common';
import { lastValueFrom, type Observable, Subject } from 'rxjs';
import type { AppConfig } from '../../api/config/app-config';
import { IdempotencyInterceptor } from '../../api/idempotency/idempotency.interceptor';
import { IdempotencyStore } from '../../api/idempotency/idempotency.store';
import { LeaseHeartbeat } from '../../api/idempotency/lease-heartbeat';
import type { IdempotencyKeysRepository } from '../../persistence/repositories/idempotency-keys.repository';

/**
 * issue 22 item 5: a claimed `Idempotency-Key`'s lease is short and renewed by its running request (every third of
 * the lease), so a crashed request's key is free within one lease while a live one keeps it; no renewal outlives the
 * request, whichever way it ends. Fake timers: no verdict depends on the machine's speed.
 */
const LEASE_MS = 3_000;
const BEAT_MS = LEASE_MS / 3;

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** A promise and the functions that settle it, for a renewal the test answers when it likes. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('LeaseHeartbeat', () => {
  it('renews every third of the lease until stopped, and leaves no timer behind', async () => {
    const renew = jest.fn().mockResolvedValue(true);
    const heartbeat = new LeaseHeartbeat(renew, LEASE_MS, "key 'k'");
    await jest.advanceTimersByTimeAsync(BEAT_MS - 1);
    expect(renew).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1 + 3 * BEAT_MS);
    expect(renew).toHaveBeenCalledTimes(4); // a request four times as long as its lease kept renewing it
    await heartbeat.stop();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(10 * LEASE_MS);
    expect(renew).toHaveBeenCalledTimes(4);
  });

  it('stop waits for a renewal under way, so none lands after the request stored its answer', async () => {
    const pending = deferred<boolean>();
    const heartbeat = new LeaseHeartbeat(() => pending.promise, LEASE_MS, "key 'k'");
    await jest.advanceTimersByTimeAsync(BEAT_MS);
    let stopped = false;
    const stopping = heartbeat.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    pending.resolve(true);
    await stopping;
    expect(jest.getTimerCount()).toBe(0); // the answered renewal did not schedule another
  });

  it('ends once the key is no longer its own (taken over), and retries a failed renewal at the next beat', async () => {
    const renew = jest
      .fn()
      .mockRejectedValueOnce(new Error('Connection terminated unexpectedly'))
      .mockResolvedValueOnce(true)
      .mockResolvedValueOnce(false);
    new LeaseHeartbeat(renew, LEASE_MS, "key 'k'");
    await jest.advanceTimersByTimeAsync(10 * BEAT_MS);
    expect(renew).toHaveBeenCalledTimes(3);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('IdempotencyInterceptor keeps its lease while the request runs', () => {
  const keys = {
    claim: jest.fn(),
    renew: jest.fn(),
    complete: jest.fn(),
    release: jest.fn(),
  };
  let interceptor: IdempotencyInterceptor;
  beforeEach(() => {
    for (const fn of Object.values(keys)) fn.mockReset();
    keys.claim.mockResolvedValue(1);
    keys.renew.mockResolvedValue(true);
    const config = { IDEMPOTENCY_LEASE_MS: LEASE_MS } as AppConfig;
    interceptor = new IdempotencyInterceptor(
      new IdempotencyStore(keys as unknown as IdempotencyKeysRepository, config),
    );
  });

  /** A keyed POST whose handler answers when the test says; `response` emits 'close' as Express's does. */
  function keyedPost(): { handler: Subject<unknown>; response: EventEmitter; intercepted: Observable<unknown> } {
    const request = {
      method: 'POST',
      originalUrl: '/v1/cases/c/acceptance',
      body: { accepted: true },
      actor: { role: 'municipal', id: 'officer' },
      header: () => 'slow-key',
    };
    const response = Object.assign(new EventEmitter(), { statusCode: 200, setHeader: jest.fn(), status: jest.fn() });
    const context = {
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
    } as unknown as ExecutionContext;
    const handler = new Subject<unknown>();
    return { handler, response, intercepted: interceptor.intercept(context, { handle: () => handler }) };
  }

  /** A request running four leases long: it renewed its lease at every beat, fenced by its attempt. */
  async function runFourLeases(): Promise<ReturnType<typeof keyedPost> & { answer: Promise<unknown> }> {
    const post = keyedPost();
    const answer = lastValueFrom(post.intercepted);
    answer.catch(() => undefined); // awaited by the test that makes it fail
    await jest.advanceTimersByTimeAsync(4 * LEASE_MS);
    expect(keys.renew).toHaveBeenCalledTimes(12);
    expect(keys.renew).toHaveBeenCalledWith('municipal:officer', 'slow-key', 1, LEASE_MS);
    return { ...post, answer };
  }

  it('on success: renewed throughout, then stopped before the answer is stored', async () => {
    const { handler, answer } = await runFourLeases();
    handler.next({ stage: 'accepted' });
    handler.complete();
    await expect(answer).resolves.toEqual({ stage: 'accepted' });
    expect(keys.complete).toHaveBeenCalledWith('municipal:officer', 'slow-key', 1, 200, { stage: 'accepted' });
    expect(keys.renew.mock.invocationCallOrder.at(-1)).toBeLessThan(keys.complete.mock.invocationCallOrder[0]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('on an error: stopped whether the answer is stored (4xx) or the key freed (5xx)', async () => {
    for (const [error, write] of [
      [new ConflictException(), keys.complete],
      [new ServiceUnavailableException(), keys.release],
    ] as const) {
      keys.renew.mockClear();
      const { handler, answer } = await runFourLeases();
      handler.error(error);
      await expect(answer).rejects.toBe(error);
      expect(write.mock.calls[0].slice(0, 3)).toEqual(['municipal:officer', 'slow-key', 1]); // its own claim
      expect(jest.getTimerCount()).toBe(0);
    }
  });

  it('when the caller goes away: stopped at once, though the action still runs', async () => {
    const { response } = await runFourLeases();
    response.emit('close'); // the client closed its connection mid-request
    await jest.advanceTimersByTimeAsync(4 * LEASE_MS);
    expect(keys.renew).toHaveBeenCalledTimes(12);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('when its answer is no longer awaited (unsubscribed): stopped, no timer outlives the request', async () => {
    const subscription = keyedPost().intercepted.subscribe();
    await jest.advanceTimersByTimeAsync(BEAT_MS);
    expect(keys.renew).toHaveBeenCalledTimes(1);
    subscription.unsubscribe();
    await jest.advanceTimersByTimeAsync(4 * LEASE_MS);
    expect(keys.renew).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
  });
});
