import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { processesMarked, selfAndAncestors, sweepMarked } from '../../tooling/processes/process-sweep';
import { eventually } from '../../tooling/eventually';

/**
 * Nothing outlives the suite: the sweep that ends each test file (and the run, and .ci/run's check) finds what a run
 * started by the mark in its environment — also a grandchild whose parent is gone — and stops its whole group.
 */
const onLinux = process.platform === 'linux' ? describe : describe.skip;

/** A shell that starts `sleep` in a group of its own and exits at once: the sleep is an orphan, as a leftover is. */
function orphanedSleep(env: NodeJS.ProcessEnv): void {
  const shell = spawnSync('bash', ['-c', '(setsid sleep 300 & sleep 300 &) >/dev/null 2>&1; echo started'], {
    env,
    encoding: 'utf8',
  });
  expect(shell.stdout.trim()).toBe('started');
}

onLinux('process sweep (tooling/processes/process-sweep.ts)', () => {
  it('finds the orphans that carry the mark, and only those, then stops them and their groups', async () => {
    const mark = `PARKFLOW_SWEEP_PROBE=${randomUUID()}`;
    const [name, value] = mark.split('=');
    orphanedSleep({ ...process.env, [name]: value });
    const unmarked = spawn('sleep', ['300'], { detached: true, stdio: 'ignore' });
    try {
      await eventually(() => processesMarked(mark).length === 2, 'both marked sleeps to be seen', 60_000);
      expect(processesMarked(mark).map((p) => p.args)).toEqual(['sleep 300', 'sleep 300']);

      const stopped = await sweepMarked(mark, selfAndAncestors());
      expect(stopped).toHaveLength(2);
      await eventually(() => processesMarked(mark).length === 0, 'the marked sleeps to be gone', 60_000);
      expect(unmarked.exitCode).toBeNull(); // the sweep left the unmarked process alone
    } finally {
      unmarked.kill('SIGKILL');
    }
  });

  it('scripts/lib/leftovers.sh (npm test, .ci/run) stops the same orphans, sparing the marked shell that asks', () => {
    const mark = `PARKFLOW_SWEEP_PROBE=${randomUUID()}`;
    const [name, value] = mark.split('=');
    orphanedSleep({ ...process.env, [name]: value });
    const lib = join(__dirname, '..', '..', 'scripts', 'lib', 'leftovers.sh');
    const script = `source ${lib}; stop_leftovers ${mark} $$; echo "after:[$(leftovers ${mark} $$)]"`;
    // The asking shell carries the mark too, as .ci/run does: it must survive its own sweep to print the last line.
    const run = spawnSync('bash', ['-c', script], { env: { ...process.env, [name]: value }, encoding: 'utf8' });
    const lines = run.stdout.trim().split('\n');
    expect(lines.filter((line) => line.endsWith('sleep 300 '))).toHaveLength(2);
    expect(lines.at(-1)).toBe('after:[]');
    expect(processesMarked(mark)).toEqual([]);
  });
});
