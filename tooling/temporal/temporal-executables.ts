import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

type Executable = { type: 'existing-path'; path: string } | { type: 'cached-download' };

/** The project root: the nearest directory above with a package.json (this file also runs compiled, from dist/). */
function projectRoot(from: string): string {
  return existsSync(join(from, 'package.json')) || dirname(from) === from ? from : projectRoot(dirname(from));
}

const TOOLS = join(projectRoot(__dirname), '.tools');

/** The provisioned tool in `.tools/` (scripts/provision.sh), or the SDK's own download where there is none. */
function provisioned(name: string): Executable {
  const path = join(TOOLS, name);
  return existsSync(path) ? { type: 'existing-path', path } : { type: 'cached-download' };
}

/** The Temporal CLI dev server (TEMPORAL_CLI_PATH wins). */
export const devServerExecutable = (): Executable =>
  process.env.TEMPORAL_CLI_PATH
    ? { type: 'existing-path', path: process.env.TEMPORAL_CLI_PATH }
    : provisioned('temporal');

/** The Java time-skipping test server wrapper. */
export const testServerExecutable = (): Executable => provisioned('temporal-test-server');
