import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root: the nearest directory above `from` with a package.json — the same from a TypeScript source and
 * from its compiled copy under `dist/`.
 */
export function repoRoot(from = __dirname): string {
  if (existsSync(join(from, 'package.json'))) return from;
  if (dirname(from) === from) throw new Error('no package.json above this file');
  return repoRoot(dirname(from));
}
