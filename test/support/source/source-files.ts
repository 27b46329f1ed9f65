import { repoRoot } from '../../../scripts/repo-root';
import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';

/** The repository's root, which the source scans of test/unit read from. */
export const REPOSITORY_ROOT = repoRoot(__dirname);

/**
 * Every file under `dir` whose extension is one of `extensions`, skipping `excluded` paths and node_modules; none
 * for a folder this checkout does not have. Shared by the tests that hold the tree to a rule by reading it
 * (SQL homes, enums once, decorators stacked).
 */
export function sourceFiles(dir: string, extensions: ReadonlySet<string>, excluded: readonly string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (excluded.includes(path) || entry.name === 'node_modules') return [];
    if (entry.isDirectory()) return sourceFiles(path, extensions, excluded);
    return extensions.has(extname(entry.name)) ? [path] : [];
  });
}
