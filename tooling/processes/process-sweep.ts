import { readdirSync, readFileSync } from 'node:fs';

/**
 * Finding and stopping the processes a run started, by an environment marker (`NAME=value`) they inherited: a child
 * keeps its parent's environment whatever becomes of the parent, so the marker still finds a server whose test timed
 * out, whose harness was force-exited, or which was re-parented to init — where a process tree or a pid file would not.
 */
export interface MarkedProcess {
  pid: number;
  /** Its process group: a detached child leads its own, with the children it started. */
  pgid: number;
  args: string;
}

/** The processes alive now whose environment holds `marker` (`NAME=value`), except `exclude`. */
export function processesMarked(marker: string, exclude: ReadonlySet<number> = new Set()): MarkedProcess[] {
  const found: MarkedProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || exclude.has(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(marker)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      // Fields after the command (in parentheses, which may hold spaces): state, ppid, pgrp, …
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue; // already dead, waiting for its parent to reap it
      const args = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim();
      found.push({ pid, pgid: Number(pgrp), args });
    } catch {
      // gone meanwhile, or another user's process
    }
  }
  return found;
}

/** This process and its ancestors: a sweep never stops the run that asked for it. */
export function selfAndAncestors(): Set<number> {
  const pids = new Set<number>();
  for (let pid = process.pid; pid > 1 && !pids.has(pid);) {
    pids.add(pid);
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      break;
    }
  }
  return pids;
}

/** The direct children of `pid` (e.g. jest's workers, which end on their own once the run is over). */
export function childrenOf(pid: number): Set<number> {
  const children = new Set<number>();
  for (const entry of readdirSync('/proc')) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.add(Number(entry));
    } catch {
      // not a process, or gone
    }
  }
  return children;
}

function groupOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return undefined;
  }
}

function signal(target: MarkedProcess, name: NodeJS.Signals, sparedGroups: ReadonlySet<number | undefined>): void {
  // A group an excluded process belongs to (e.g. jest's, whose workers started the child undetached) is signalled
  // process by process instead.
  const ids = sparedGroups.has(target.pgid) ? [target.pid] : [-target.pgid, target.pid];
  for (const id of ids) {
    try {
      process.kill(id, name);
    } catch {
      // already gone
    }
  }
}

/**
 * Stops every process marked `marker` but `exclude`: SIGTERM to each one's group, then SIGKILL to what is still alive
 * after `graceMs` (polled, never a fixed sleep). Returns what it found, for the caller to report.
 */
export async function sweepMarked(
  marker: string,
  exclude: ReadonlySet<number> = selfAndAncestors(),
  graceMs = 5_000,
): Promise<MarkedProcess[]> {
  const found = processesMarked(marker, exclude);
  const spared = new Set([...exclude].map(groupOf));
  for (const p of found) signal(p, 'SIGTERM', spared);
  const until = Date.now() + graceMs;
  let alive = found;
  while (alive.length > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const still = new Set(processesMarked(marker, exclude).map((p) => p.pid));
    alive = alive.filter((p) => still.has(p.pid));
  }
  for (const p of alive) signal(p, 'SIGKILL', spared);
  return found;
}
