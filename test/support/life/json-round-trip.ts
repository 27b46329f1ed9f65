/**
 * JSON round trips of the case state: continue-as-new hands the next run the state's JSON, and every reader
 * (query, read model) sees it as JSON too, so anything JSON does not carry would be lost between runs.
 */
import { isDeepStrictEqual } from 'node:util';

/**
 * Where a value would not come back from JSON.parse(JSON.stringify(value)) deep-strict-equal (undefined, −0, NaN,
 * ±Infinity, a Date or other non-plain object, a sparse array), or undefined when it would. A walk: cheaper than a
 * round trip and a deep comparison after every event.
 */
export function jsonLoss(value: unknown, path: string): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0)
        ? undefined
        : `${path} is ${Object.is(value, -0) ? '-0' : value}`;
    case 'object': {
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i += 1) {
          if (!(i in value)) return `${path}[${i}] is a hole`;
          const lost = jsonLoss(value[i], `${path}[${i}]`);
          if (lost) return lost;
        }
        return undefined;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null)
        return `${path} is a ${(value as object).constructor?.name ?? 'non-plain object'}`;
      for (const key of Object.keys(value)) {
        const lost = jsonLoss((value as Record<string, unknown>)[key], `${path}.${key}`);
        if (lost) return lost;
      }
      return undefined;
    }
    default:
      return `${path} is ${typeof value}`;
  }
}

/** Where two values first differ (a path), for the JSON round-trip message. */
export function firstDifference(a: unknown, b: unknown, path = 'state'): string {
  if (isDeepStrictEqual(a, b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const diff = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (diff) return diff;
    }
    return `${path} (own keys ${JSON.stringify(Object.keys(a))} vs ${JSON.stringify(Object.keys(b))})`;
  }
  return `${path}: ${String(a)} (${typeof a}) became ${JSON.stringify(b)}`;
}
