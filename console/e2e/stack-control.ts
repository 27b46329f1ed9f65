import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONSOLE_URL_VARIABLE, DATA_DIR_VARIABLE, TEMPORAL_ADDRESS_VARIABLE } from './dev-stack';

/** The project's root: dev.sh has built `dist/` there. */
const ROOT = join(__dirname, '..', '..');

/** A page of the console on the suite's stack. */
export const consoleUrl = (path = '/'): string => `${process.env[CONSOLE_URL_VARIABLE]}${path}`;

/** The process group dev.sh started `service` in (its `dev.pids`). */
function processGroupOf(service: string): number {
  const pids = readFileSync(join(process.env[DATA_DIR_VARIABLE] as string, 'dev.pids'), 'utf8');
  const line = pids.split('\n').find((entry) => entry.startsWith(`${service} `));
  if (!line) throw new Error(`dev.sh started no ${service}`);
  return Number(line.split(' ')[1]);
}

/**
 * The worker stops taking tasks (SIGSTOP) and goes on (SIGCONT): while it is paused an action is received by Temporal
 * but nobody can apply it, so the API answers 202 — a slow worker, made certain rather than hoped for. Its poller
 * stays fresh for a minute, so the API still sends the action.
 */
export function pauseWorker(): void {
  process.kill(-processGroupOf('worker'), 'SIGSTOP');
}
export function resumeWorker(): void {
  process.kill(-processGroupOf('worker'), 'SIGCONT');
}

/** `npm run policy-clock`: the case's policy clock moves `days` forward (the stack's clock is adjustable). */
export function advancePolicyClock(caseId: string, days: number): string {
  return execFileSync(
    process.execPath,
    ['dist/scripts/policy-clock.cli.js', '--case', caseId, '--days', String(days)],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TEMPORAL_ADDRESS: process.env[TEMPORAL_ADDRESS_VARIABLE] } },
  ).trim();
}

/** An HS256 development token, as `npm run token` mints it (scripts and tests use them beside the provider's). */
export const developmentToken = (...args: string[]): string =>
  execFileSync(process.execPath, ['dist/api/auth/mint-token.cli.js', ...args], { cwd: ROOT, encoding: 'utf8' }).trim();
