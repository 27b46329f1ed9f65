import { walkRequestValue } from './request-value-walk';

/**
 * PostgreSQL text cannot hold U+0000 (the NUL character): a request that carries one in any string is refused with
 * 422 naming the field, before it reaches a query that would fail, and the OpenAPI document says so with
 * {@link NO_NUL_PATTERN} on the strings it leaves otherwise unconstrained.
 */
export const NO_NUL_PATTERN = '^[^\\x00]*$';

/** The paths (`contacts.4.name`) of every string in `value` that holds a NUL character, keys included. */
export function fieldsWithNul(value: unknown, path = ''): string[] {
  const fields: string[] = [];
  walkRequestValue(
    value,
    (item, at, key) => {
      if (key?.includes('\u0000')) {
        fields.push(at.split('\u0000').join('\\u0000'));
        return 'skip';
      }
      if (typeof item === 'string' && item.includes('\u0000')) fields.push(at || 'value');
    },
    path,
  );
  return fields;
}
