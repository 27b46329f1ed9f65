import { walkRequestValue } from './request-value-walk';

/**
 * Keys class-transformer drops without a word (it skips them so that they cannot reach an object's prototype), so
 * class-validator's whitelist never sees them and a body carrying one used to be accepted where any other unknown
 * field is 422. `JSON.parse` makes `"__proto__"` an own property (never the prototype), so finding them is safe.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor']);

/** The paths (`agencies.0.__proto__`) of every `__proto__` or `constructor` key in `value`, at any depth. */
export function prototypeKeyFields(value: unknown, path = ''): string[] {
  const fields: string[] = [];
  walkRequestValue(
    value,
    (_item, at, key) => {
      if (key === undefined || !PROTOTYPE_KEYS.has(key)) return;
      fields.push(at);
      return 'skip';
    },
    path,
  );
  return fields;
}
