import { existsSync } from 'node:fs';
import { join } from 'node:path';

type Executable = { type: 'existing-path'; path: string } | { type: 'cached-download' };

const TOOLS = join(__dirname, '..', '..', '.tools');

/** The provisioned tool in `.tools/` (scripts/provision.sh), or the SDK's own download where there is none. */
function provisioned(name: string): Executable {
  const path = join(TOOLS, name);
  return existsSync(path) ? { type: 'existing-path', path } : { type: 'cached-download' };
}

/** The Temporal CLI dev server (TEMPORAL_CLI_PATH wins). */
export const devServerExecutable = (): Executable =>
  process.env.TEMPORAL_CLI_PATH ? { type: 'existing-path', path: process.env.TEMPORAL_CLI_PATH } : provisioned('temporal');

/** The Java time-skipping test server wrapper. */
export const testServerExecutable = (): Executable => provisioned('temporal-test-server');
