import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../../scripts/repo-root';

/** The console's build (console/dist), as the API serves it. */
const DIST = join(repoRoot(__dirname), 'console', 'dist');

/** One script of the first page: its name, raw bytes and gzip bytes (level 9, as the build precompresses). */
export interface ScriptSize {
  file: string;
  bytes: number;
  gzip: number;
}

/**
 * The JavaScript the first page loads before it can paint: the entry script and every module the page preloads
 * (`index.html`'s `<script type="module">` and `<link rel="modulepreload">`). Lazily loaded pages are not counted.
 */
export function firstPageScripts(dist = DIST): ScriptSize[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  return [...new Set(files)].map((file) => {
    const content = readFileSync(join(dist, file));
    return { file, bytes: statSync(join(dist, file)).size, gzip: gzipSync(content, { level: 9 }).length };
  });
}
