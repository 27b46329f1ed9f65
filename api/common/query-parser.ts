import { parse } from 'node:querystring';

/**
 * The query parser of the API (Express's `query parser` setting): `key=a&key=b` gives an array, as Express's simple
 * parser does, and a parameter given empty (`?cursor=`) counts as absent, as HTML forms and many HTTP clients send
 * optional fields they have no value for (issue 10 item 6), instead of failing its format check. Built with
 * `Object.fromEntries`, so a `__proto__` parameter is an own property (refused by the validation pipe like any unknown
 * parameter), never the object's prototype.
 */
export function parseQuery(query: string): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(parse(query)).flatMap(([key, value]) => {
      const values = (Array.isArray(value) ? value : [value ?? '']).filter((v) => v !== '');
      return values.length === 0 ? [] : [[key, values.length === 1 ? values[0] : values]];
    }),
  );
}
