import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The dev server's tuning arguments (`scripts/dev-server-tuning.args`, one per line, `#` comments): what
 * `npm run dev` gives `temporal server start-dev`, so that the drills and the latency bench run the same server.
 */
export function devServerTuning(repoRoot: string): string[] {
  return readFileSync(join(repoRoot, 'scripts', 'dev-server-tuning.args'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
