import { spawn } from 'node:child_process';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { START_BOUND_MS, waitFor } from '../tooling/processes/managed-process';
import { SEAWEEDFS_STOP_GRACE_MS, seaweedfsLaunch, takesWrites } from '../tooling/object-store/seaweedfs';

/** `npm run dev`'s S3 port (SeaweedFS' own default); PARKFLOW_OBJECT_STORE_PORT overrides it. */
const DEFAULT_PORT = 8333;

/**
 * `node dist/scripts/object-store.cli.js <dir>` (scripts/lib/stack.sh, for npm run dev and npm run cluster): the
 * stack's document store in the foreground until SIGTERM — SeaweedFS (tooling/object-store/seaweedfs.ts), its data in
 * `<dir>`, S3 on 127.0.0.1:PARKFLOW_OBJECT_STORE_PORT (8333), fresh credentials at each start. Once it takes writes
 * (the bucket made), the API's `OBJECT_STORE_*` variables go to `<dir>/api.env` (owner only) for the script to read.
 */
async function main(): Promise<void> {
  const [dir] = process.argv.slice(2);
  if (!dir) throw new Error('usage: object-store.cli.js <dir>');
  const envFile = join(dir, 'api.env');
  rmSync(envFile, { force: true });
  const launch = await seaweedfsLaunch({ dir, s3Port: Number(process.env.PARKFLOW_OBJECT_STORE_PORT ?? DEFAULT_PORT) });
  // In this process's group: the stack stops the group, SeaweedFS with it.
  const child = spawn(launch.command, launch.args, { env: launch.env, stdio: 'inherit' });
  let exited = false;
  child.on('exit', (code, signal) => {
    exited = true;
    process.exit(code ?? (signal ? 0 : 1));
  });
  const stop = (): void => {
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), SEAWEEDFS_STOP_GRACE_MS).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await waitFor(
    'SeaweedFS to take a write',
    () => {
      if (exited) throw new Error('SeaweedFS exited before it took a write');
      return takesWrites(launch.connection);
    },
    START_BOUND_MS,
    200,
  ).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const lines = Object.entries(launch.connection).map(([name, value]) => `${name}=${value}\n`);
  writeFileSync(`${envFile}.partial`, lines.join(''), { mode: 0o600 });
  renameSync(`${envFile}.partial`, envFile); // the script never reads half a file
  process.stderr.write(`[object-store] SeaweedFS takes writes at ${launch.connection.OBJECT_STORE_ENDPOINT}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[object-store] ${(error as Error).message}\n`);
  process.exit(1);
});
