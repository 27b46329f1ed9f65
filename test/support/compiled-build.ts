import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root (`.tools/`, `node_modules/`, the working directory of every process a test starts). */
export const REPO_ROOT = join(__dirname, '..', '..');

/**
 * The project compiled into a directory of the calling test's own, for the tests that run real processes (drills,
 * the cluster): test/e2e/dev-shutdown.test.ts runs `npm run dev`, which rebuilds dist/ meanwhile. It lives under the
 * git-ignored .data/, so node_modules resolve. Registers the build in `beforeAll` and its removal in `afterAll`.
 */
export function compiledBuild(name: string): string {
  const dir = join(REPO_ROOT, '.data', `${name}-build-${process.pid}`);
  beforeAll(() => {
    const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', dir], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`building the stack failed:\n${build.stdout}\n${build.stderr}`);
  }, 120_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
