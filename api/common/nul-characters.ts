/**
 * PostgreSQL text cannot hold U+0000 (the NUL character): a request that carries one in any string is refused with
 * 422 naming the field, before it reaches a query that would fail, and the OpenAPI document says so with
 * {@link NO_NUL_PATTERN} on the strings it leaves otherwise unconstrained.
 */
export const NO_NUL_PATTERN = '^[^\\x00]*$';

/** The paths (`contacts.4.name`) of every string in `value` that holds a NUL character, keys included. */
export function fieldsWithNul(value: unknown, path = ''): string[] {
  const at = (key: string): string => (path ? `${path}.${key}` : key);
  if (typeof value === 'string') return value.includes('\u0000') ? [path || 'value'] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => fieldsWithNul(item, at(String(i))));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes('\u0000') ? [at(key.split('\u0000').join('\\u0000'))] : fieldsWithNul(item, at(key)),
    );
  }
  return [];
}
