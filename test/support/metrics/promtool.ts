import { spawnSync } from 'node:child_process';

/** Debian's promtool (package `prometheus`, 2.42), or the one PROMTOOL names. */
const PROMTOOL = process.env.PROMTOOL ?? 'promtool';

/**
 * `promtool <args>` run in `cwd`; its output when it succeeds, else an error with its output. Never skipped when
 * missing: CI provisions it (scripts/provision.sh), so a missing promtool is a provisioning fault to see, not to hide.
 */
export function promtool(cwd: string, ...args: string[]): string {
  const run = spawnSync(PROMTOOL, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  if (run.error) {
    throw new Error(
      `${PROMTOOL} could not run (${run.error.message}): it comes with Debian's prometheus package, which ` +
        'scripts/provision.sh installs (apt-get install -y --no-install-recommends prometheus); or set PROMTOOL',
    );
  }
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`promtool ${args.join(' ')} failed (${run.status}):\n${output}`);
  return output;
}
