import { CATALOGUES } from '../../i18n/catalogue';
import { LOCALES } from '../../workflows/definitions/message-ref';

/**
 * api-contract "Language" / issue 20: every person-facing text exists in every language, with the same parameters.
 * (A missing key also fails to compile: `CatalogueOf`; this test holds the parameters and empty texts too.)
 */
function leaves(node: unknown, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') found.set(path, value);
    else for (const [leaf, text] of leaves(value, `${path}.`)) found.set(leaf, text);
  }
  return found;
}

/** `{{name}}` and `{{name, format}}` parameters, and `$t(key)` nestings, of one text. */
const parametersOf = (text: string): string[] => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();

const reference = leaves(CATALOGUES['zh-CN']);

describe('the language catalogues', () => {
  it.each(LOCALES.map((locale) => [locale]))('%s has exactly the reference keys, none empty', (locale) => {
    const texts = leaves(CATALOGUES[locale]);
    expect([...texts.keys()].sort()).toEqual([...reference.keys()].sort());
    expect([...texts].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it.each(LOCALES.map((locale) => [locale]))('%s uses the same parameters in every text as zh-CN', (locale) => {
    const texts = leaves(CATALOGUES[locale]);
    const differing = [...reference]
      .filter(([key, text]) => parametersOf(text).join() !== parametersOf(texts.get(key) ?? '').join())
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('nests only keys that exist', () => {
    const nested = [...reference.values(), ...leaves(CATALOGUES.en).values()].flatMap((text) =>
      [...text.matchAll(/\$t\(([\w.]+)(?:\{\{\w+\}\})?/g)].map((m) => m[1]),
    );
    const prefixes = [...reference.keys()];
    expect(nested.filter((key) => !prefixes.some((k) => k.startsWith(key)))).toEqual([]);
  });
});
