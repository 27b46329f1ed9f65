import { parse } from 'node:querystring';

/**
 * The query parser of the API (Express's `query parser` setting): `key=a&key=b` gives an array, as Express's simple
 * parser does, and a parameter given empty (`?cursor=`) counts as absent, as HTML forms and many HTTP clients send
 * optional fields they have no value for (issue 10 item 6), instead of failing its format check.
 */
export function parseQuery(query: string): Record<string, string | string[]> {
  const parsed: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(parse(query))) {
    const values = (Array.isArray(value) ? value : [value ?? '']).filter((v) => v !== '');
    if (values.length > 0) parsed[key] = values.length === 1 ? values[0] : values;
  }
  return parsed;
}
