import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';

/**
 * One OS process of the drill stack (issue 10 item 9): started detached, so it leads its own process group
 * and can be killed with -9 (alone or with its children) exactly as an operator or the kernel would, without
 * touching the drill script itself. Its output goes to a log file that outlives it and every restart appends to.
 */
export class ManagedProcess {
  private child: ChildProcess | undefined;
  /** How many times this process was started (the first start included). */
  starts = 0;

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    /** Read at each start: e.g. the worker's DATABASE_URL is known only once PostgreSQL has printed it. */
    private readonly env: () => NodeJS.ProcessEnv,
    readonly logFile: string,
    private readonly cwd: string,
  ) {}

  /** The pid of the current child (which is also its process group id); undefined before the first start. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process (again); the previous child must be gone. */
  start(): void {
    const log = openSync(this.logFile, 'a');
    try {
      this.child = spawn(this.command, this.args, {
        cwd: this.cwd,
        env: this.env(),
        detached: true,
        stdio: ['ignore', log, log],
      });
    } finally {
      closeSync(log); // the child holds its own descriptor
    }
    this.child.on('error', () => undefined); // a failed spawn shows as a dead process to the waits
    this.starts += 1;
  }

  /** True while the current child runs (a zombie or a stopped-and-reaped child is not alive). */
  alive(): boolean {
    return (
      this.pid !== undefined && this.child?.exitCode === null && this.child.signalCode === null && pidAlive(this.pid)
    );
  }

  /** The fault: SIGKILL to the process itself (not its group — what a crash of that one process looks like). */
  kill9(): void {
    signal(this.pid, 'SIGKILL');
  }

  /** SIGSTOP / SIGCONT: the process freezes (no polls, no heartbeats) and later resumes where it was. */
  pause(): void {
    signal(this.pid, 'SIGSTOP');
  }

  resume(): void {
    signal(this.pid, 'SIGCONT');
  }

  /** Resolves once the current child has exited (at once when there is none). */
  exited(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** Kills the whole process group with -9 (leftovers such as PostgreSQL backends go too) and waits for the exit. */
  async killGroup(): Promise<void> {
    if (this.pid !== undefined) signal(-this.pid, 'SIGKILL');
    await this.exited();
  }

  /** Stops the process group politely (SIGTERM), then with -9 after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (!this.alive()) return this.killGroup();
    signal(-(this.pid as number), 'SIGCONT'); // a paused process cannot act on SIGTERM
    signal(-(this.pid as number), 'SIGTERM');
    const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs).unref());
    if ((await Promise.race([this.exited().then(() => 'done' as const), timer])) === 'late') await this.killGroup();
    else signal(-(this.pid as number), 'SIGKILL'); // children the leader left behind
  }

  /** The log as written so far (every start of this process), from byte `from` on. */
  log(from = 0): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile).subarray(from).toString('utf8') : '';
  }

  /** The log's length in bytes: taken before a start, it marks where that start's output begins. */
  logSize(): number {
    return existsSync(this.logFile) ? statSync(this.logFile).size : 0;
  }
}

/** Sends `name` to `pid` (negative: a process group); a process that is already gone is not an error. */
export function signal(pid: number | undefined, name: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** True while `pid` exists and is not a zombie (Linux /proc; elsewhere signal 0). */
export function pidAlive(pid: number): boolean {
  try {
    if (existsSync('/proc')) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
    }
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Polls `probe` every `everyMs` until it returns a value other than undefined/false, for at most `withinMs`;
 * the drills never sleep a fixed time where a state can be observed instead. Throws naming `what` on timeout.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  withinMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${withinMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * Waits `ms`: a fault's own duration (an outage, a pause) or a client's pause between retries — never to wait for a
 * state.
 */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How long each process of a drill stack may take to come up (first start or restart). */
export const START_BOUND_MS = 120_000;

/** Waits for `probe`, failing at once (with the log's tail) when `proc` exits instead. */
export function untilAlive<T>(
  proc: ManagedProcess,
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
): Promise<T> {
  return waitFor(
    what,
    async () => {
      if (!proc.alive())
        throw new Error(`${proc.name} exited while waiting for ${what}; its log ends:\n${proc.log().slice(-3_000)}`);
      return probe();
    },
    START_BOUND_MS,
    100,
  );
}

/** `GET path` on `baseUrl`: the status, or undefined without an answer. */
export async function status(baseUrl: string, path: string): Promise<number | undefined> {
  try {
    return (await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return undefined;
  }
}
