import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pidAlive } from '../processes/managed-process';

/** The postmaster's pid, from the first line of `<pgDir>/postmaster.pid` (it runs under the launcher node process). */
export function postmasterPid(pgDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 && pidAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Live processes of the cluster in `pgDir`: every PostgreSQL process (postmaster, backends, auxiliaries) works in
 * its data dir, and backends leave the postmaster's process group, so /proc/<pid>/cwd is how to find them all
 * (Linux; none elsewhere). Other clusters on the machine (another test's, `npm run dev`'s) are never matched.
 */
export function clusterProcesses(pgDir: string): number[] {
  if (!existsSync('/proc')) return [];
  const dir = realpathSync(pgDir);
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`) === dir && pidAlive(pid);
      } catch {
        return false; // gone meanwhile, or not ours to look at
      }
    });
}
