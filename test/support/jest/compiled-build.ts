import { repoRoot } from '../../../scripts/repo-root';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { artifactPath, sharedArtifact } from '../../../tooling/run-artifacts/shared-artifacts';

/** The repository root (`.tools/`, `node_modules/`, the working directory of every process a test starts). */
export const REPO_ROOT = repoRoot(__dirname);

/** `tsc -p tsconfig.build.json` into `outDir`, without blocking the test file's event loop. */
function compileInto(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const tsc = spawn(
      process.execPath,
      // Its own build-info file: the configured one (dist/) describes dist/, and would make tsc skip this emit.
      [
        require.resolve('typescript/bin/tsc'),
        ...['-p', 'tsconfig.build.json', '--outDir', outDir, '--tsBuildInfoFile', join(outDir, '.tsbuildinfo')],
      ],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    tsc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    tsc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    tsc.on('error', reject);
    tsc.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`building the project failed:\n${output}`))));
  });
}

/**
 * The project compiled (`tsconfig.build.json`), for the tests that run real processes (the worker, the CLIs, drills,
 * the cluster): compiled once per jest run, by the first file that needs it, into the run's directory under the
 * git-ignored .data/ (so node_modules resolve) — never dist/, which `npm run dev` rebuilds while tests run. The path is
 * known at once; the build is there from the file's `beforeAll` on.
 */
export function compiledBuild(): string {
  beforeAll(() => sharedArtifact('build', compileInto), 600_000);
  return artifactPath('build');
}
