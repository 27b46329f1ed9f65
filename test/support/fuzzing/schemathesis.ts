import { repoRoot } from '../../../scripts/repo-root';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The fuzzer provisioned by scripts/provision.sh (PyPI, in a cached virtualenv). */
export const SCHEMATHESIS = join(repoRoot(__dirname), '.tools', 'schemathesis');

/** One fuzzing run against a live API. */
export interface FuzzRun {
  baseUrl: string;
  token: string;
  /** A schemathesis.toml (test data, overrides), see test/heavy/api-fuzzing.test.ts. */
  configFile: string;
  maxTimeSeconds: number;
  ndjsonPath: string;
  seed: number;
}

/** What a run did: requests by status, failed checks by name (with one reproducing request each). */
export interface FuzzSummary {
  exitCode: number | null;
  output: string;
  requests: number;
  byStatus: Record<string, number>;
  failures: Record<string, string[]>;
}

/**
 * Runs schemathesis' `run` against `/docs-json` of the API (all phases and checks). One worker: with several,
 * CPython 3.11 (this machine's python3) can crash in Hypothesis' `ast.parse` ("AST constructor recursion depth
 * mismatch"), a run error rather than a finding.
 */
export function runSchemathesis(run: FuzzRun): Promise<FuzzSummary> {
  if (!existsSync(SCHEMATHESIS)) {
    throw new Error(`${SCHEMATHESIS} is missing: run scripts/provision.sh (needs python3 and PyPI)`);
  }
  const args = [
    ...['--config-file', run.configFile, 'run', `${run.baseUrl}/docs-json`],
    ...['--header', `Authorization: Bearer ${run.token}`, '--max-time', String(run.maxTimeSeconds)],
    ...['--workers', '1', '--seed', String(run.seed), '--report', 'ndjson', '--report-ndjson-path', run.ndjsonPath],
  ];
  return new Promise((resolve, reject) => {
    // cwd: schemathesis keeps a cache directory (.schemathesis) where it runs
    // Hooks (schemathesis_hooks.py beside this file): a well-formed Idempotency-Key is made unique per request.
    const hooks = { SCHEMATHESIS_HOOKS: 'schemathesis_hooks', PYTHONPATH: __dirname };
    const child = spawn(SCHEMATHESIS, args, {
      cwd: dirname(run.ndjsonPath),
      env: { ...process.env, ...hooks, NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, output, ...summarize(run.ndjsonPath) }));
  });
}

interface Recorder {
  interactions?: Record<string, { request: { method: string; uri: string }; response?: { status_code: number } }>;
  checks?: Record<string, Array<{ name: string; status: string }>>;
}

/** Reads schemathesis' NDJSON event stream: every recorded interaction and check of every scenario. */
export function summarize(ndjsonPath: string): Omit<FuzzSummary, 'exitCode' | 'output'> {
  const summary = { requests: 0, byStatus: {} as Record<string, number>, failures: {} as Record<string, string[]> };
  if (!existsSync(ndjsonPath)) return summary;
  for (const line of readFileSync(ndjsonPath, 'utf8').split('\n')) {
    if (!line.startsWith('{"ScenarioFinished"')) continue;
    const recorder: Recorder = JSON.parse(line).ScenarioFinished.recorder;
    for (const interaction of Object.values(recorder.interactions ?? {})) {
      summary.requests += 1;
      const status = String(interaction.response?.status_code ?? 'no response');
      summary.byStatus[status] = (summary.byStatus[status] ?? 0) + 1;
    }
    for (const [caseId, checks] of Object.entries(recorder.checks ?? {})) {
      for (const check of checks.filter((c) => c.status === 'failure')) {
        const request = recorder.interactions?.[caseId]?.request;
        const failures = (summary.failures[check.name] ??= []);
        if (failures.length < 5) failures.push(request ? `${request.method} ${request.uri}` : caseId);
      }
    }
  }
  return summary;
}
