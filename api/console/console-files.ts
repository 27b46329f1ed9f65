import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's root: the nearest folder above this file holding a `package.json` — the checkout when run from
 * `api/` (ts-jest) or `dist/api/` (the build), `/app` in the image.
 */
function projectRoot(from: string = __dirname): string {
  let folder = from;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${from}`);
    folder = parent;
  }
  return folder;
}

/** The officers' console: its own package (`console/package.json`), built by Vite into `console/dist`. */
export const CONSOLE_DIR = join(projectRoot(), 'console');
export const CONSOLE_DIST_DIR = join(CONSOLE_DIR, 'dist');
