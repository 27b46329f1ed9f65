import { readdirSync, readFileSync } from 'node:fs';
import type { ManagedProcess } from '../../tooling/processes/managed-process';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds used so far by each of `roots` with all its descendants (Linux /proc, walked by parent pid: PostgreSQL's
 * backends call setsid, so a process group would miss them). Children that exited count through their parent's
 * cutime/cstime.
 */
function cpuSecondsOfTrees(roots: number[]): Map<number, number> {
  const processes = new Map<number, { parent: number; seconds: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after "(comm)": state ppid pgrp … utime(14) stime(15) cutime(16) cstime(17), numbered from 1 = pid.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
      processes.set(Number(entry), { parent: Number(fields[1]), seconds: ticks / TICKS_PER_SECOND });
    } catch {
      // the process ended while the directory was read
    }
  }
  const rootOf = (pid: number): number | undefined => {
    for (let at: number | undefined = pid, hops = 0; at !== undefined && at > 1 && hops < 64; hops += 1) {
      if (roots.includes(at)) return at;
      at = processes.get(at)?.parent;
    }
    return undefined;
  };
  const byRoot = new Map<number, number>();
  for (const [pid, { seconds }] of processes) {
    const root = rootOf(pid);
    if (root !== undefined) byRoot.set(root, (byRoot.get(root) ?? 0) + seconds);
  }
  return byRoot;
}

/** CPU seconds per stack process over a run: where the machine's two cores went (the run's profile). */
export class CpuTally {
  private readonly start: Map<string, number>;
  private readonly benchStart = process.cpuUsage();

  constructor(private readonly processes: ManagedProcess[]) {
    this.start = this.read();
  }

  private read(): Map<string, number> {
    const roots = this.processes.flatMap((p) => (p.pid === undefined ? [] : [p.pid]));
    const byRoot = cpuSecondsOfTrees(roots);
    return new Map(this.processes.map((p) => [p.name, p.pid === undefined ? 0 : (byRoot.get(p.pid) ?? 0)]));
  }

  /** Seconds of CPU each process (and the bench itself) used since the tally began. */
  stop(): Array<[name: string, seconds: number]> {
    const end = this.read();
    const bench = process.cpuUsage(this.benchStart);
    return [
      ...this.processes.map((p): [string, number] => [p.name, (end.get(p.name) ?? 0) - (this.start.get(p.name) ?? 0)]),
      ['bench (this process)', (bench.user + bench.system) / 1e6],
    ];
  }
}
