import type { LogLevel } from '@nestjs/common';
import { JsonLogger } from '../../api/common/json-logger';
import { decodeCursor, encodeCursor, toPage } from '../../api/common/paging';
import { ApiError } from '../../api/common/api-error';
import { fieldsWithNul } from '../../api/common/nul-characters';
import { prototypeKeyFields } from '../../api/common/prototype-keys';
import { MAX_JSON_DEPTH } from '../../api/common/request-value-walk';
import { bodyHash } from '../../api/idempotency/idempotency.interceptor';
import { TokenBuckets } from '../../api/rate-limit/token-buckets';

describe('TokenBuckets (rate limiting per caller)', () => {
  it('allows a burst, then refuses with the wait until the next token, and refills at the sustained rate', () => {
    const buckets = new TokenBuckets(60, 3); // one token per second
    expect([0, 1, 2].map(() => buckets.take('a', 0))).toEqual([0, 0, 0]);
    expect(buckets.take('a', 0)).toBe(1000);
    expect(buckets.take('a', 400)).toBe(600);
    expect(buckets.take('a', 1000)).toBe(0);
    expect(buckets.take('b', 1000)).toBe(0); // callers are independent
  });

  it('forgets the least recently seen caller beyond its bound (a forgotten caller starts with a full bucket)', () => {
    const buckets = new TokenBuckets(60, 1, 2);
    buckets.take('a', 0);
    buckets.take('b', 0);
    buckets.take('c', 0);
    expect(buckets.take('a', 0)).toBe(0);
    expect(buckets.take('c', 0)).toBe(1000);
  });
});

describe('cursor paging', () => {
  it('round-trips the sort key and cuts a page, with a cursor only when more rows follow', () => {
    const key = ['2026-11-26T00:00:00.000Z', 'case-1'];
    expect(decodeCursor(encodeCursor(key), ['instant', 'text'])).toEqual(key);
    const rows = [1, 2, 3];
    expect(
      toPage(
        rows,
        2,
        (n) => [n],
        (n) => n * 10,
      ),
    ).toEqual({ items: [10, 20], nextCursor: encodeCursor([2]) });
    expect(
      toPage(
        rows,
        3,
        (n) => [n],
        (n) => n,
      ),
    ).toEqual({ items: [1, 2, 3], nextCursor: null });
  });

  it(
    'refuses a cursor of another list, none of ours, or a tampered one ' +
      'whose values its columns cannot hold, with 422 naming the cursor field',
    () => {
      const tampered = [
        encodeCursor(['not-a-date', 'case-1']),
        encodeCursor(['2026-11-26T00:00:00Z', 7]),
        encodeCursor(['2026-11-26T00:00:00Z', 'a\u0000b']),
      ];
      for (const bad of [
        'garbage',
        encodeCursor(['only-one']),
        Buffer.from('{"a":1}').toString('base64url'),
        ...tampered,
      ]) {
        expect(() => decodeCursor(bad, ['instant', 'text'])).toThrow(
          expect.objectContaining({
            response: expect.objectContaining({ details: [expect.objectContaining({ field: 'cursor' })] }),
          }),
        );
      }
    },
  );
});

describe('idempotency body hash', () => {
  it('is the same for the same body in any key order and differs for any other value', () => {
    expect(bodyHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(bodyHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(bodyHash({ a: 1 })).not.toBe(bodyHash({ a: 2 }));
    expect(bodyHash({ a: [1, 2] })).not.toBe(bodyHash({ a: [2, 1] }));
  });
});

describe('every walk over a request value is bounded in depth (no stack overflow, whatever the input)', () => {
  /** `levels` arrays one inside the other, parsed (`JSON.parse` does not recurse, so any depth parses). */
  const nested = (levels: number): unknown => JSON.parse('['.repeat(levels) + ']'.repeat(levels));
  const refusal = (walk: () => unknown): unknown => {
    try {
      walk();
      return 'walked';
    } catch (error) {
      return error instanceof ApiError ? { status: error.getStatus(), details: error.getResponse() } : error;
    }
  };
  const tooDeep = (field: string) => ({
    status: 422,
    details: expect.objectContaining({ details: [{ field, message: expect.anything() }] }),
  });

  it.each([
    ['the idempotency body hash', (value: unknown) => bodyHash(value), 'body'], // the hash is of the whole body
    ['the NUL scan', (value: unknown) => fieldsWithNul(value), 'deep'],
    ['the prototype-key scan', (value: unknown) => prototypeKeyFields(value), 'deep'],
  ])(`%s walks ${MAX_JSON_DEPTH} levels and refuses 100,000 with 422 naming the field`, (_name, walk, field) => {
    expect(refusal(() => walk(nested(MAX_JSON_DEPTH)))).toBe('walked');
    expect(refusal(() => walk(nested(100_000)))).toEqual(tooDeep('body'));
    expect(refusal(() => walk({ ok: 1, deep: nested(100_000) }))).toEqual(tooDeep(field));
  });
});

describe('JsonLogger (structured logs)', () => {
  it('writes one JSON object per line with level, context and fields, and drops disabled levels', () => {
    const lines: Array<[string, LogLevel]> = [];
    const logger = new JsonLogger(new Set<LogLevel>(['log', 'error']), (line, level) => lines.push([line, level]));
    logger.log({ message: 'request', status: 201 }, 'Http');
    logger.error('boom', 'Error: boom\n    at x', 'HttpError');
    logger.debug('ignored');
    expect(lines.map(([, level]) => level)).toEqual(['log', 'error']);
    expect(JSON.parse(lines[0][0])).toEqual({
      time: expect.any(String),
      level: 'log',
      context: 'Http',
      message: 'request',
      status: 201,
    });
    expect(JSON.parse(lines[1][0])).toMatchObject({
      level: 'error',
      context: 'HttpError',
      message: 'boom',
      stack: 'Error: boom\n    at x',
    });
  });
});
