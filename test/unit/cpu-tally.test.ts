import { spawnSync } from 'node:child_process';
import type { ManagedProcess } from '../../tooling/processes/managed-process';
import { CpuTally } from '../../bench/scale/cpu';

/** bench:scale's profile (issue 13): CPU seconds of a process and its descendants, read from Linux /proc. */
const onLinux = process.platform === 'linux' ? it : it.skip;

describe('CpuTally', () => {
  onLinux('counts the CPU a process used, its exited children included (through cutime), and the bench itself', () => {
    const self = { name: 'this test', pid: process.pid } as ManagedProcess;
    const tally = new CpuTally([self]);
    // A child that burns CPU and exits: its time reaches this process's cutime once it is reaped.
    const child = spawnSync(process.execPath, [
      '-e',
      'let x = 0; for (let i = 0; i < 3e8; i++) x += i; console.log(x > 0)',
    ]);
    expect(child.stdout.toString().trim()).toBe('true');
    const seconds = new Map(tally.stop());
    expect(seconds.get('this test')).toBeGreaterThan(0.05);
    expect([...seconds.keys()]).toEqual(['this test', 'bench (this process)']);
  });
});
