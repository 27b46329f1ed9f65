import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderTable, seconds } from './report';
import { runDrills } from './run';

/**
 * `npm run drills [-- --short] [-- --keep] [-- --cluster]`: the fault drills of issue 10 item 9 (with `--cluster`:
 * those of issue 12 item 2 on `npm run cluster`'s topology) against a stack of real
 * processes of their own (never `npm run dev`'s), printed as one table — drill, invariant, numbers, verdict.
 * Exit code 0 only when every row passes; the stack's logs are kept when one fails.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      short: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      cluster: { type: 'boolean', default: false },
    },
  });
  const buildDir = resolve(__dirname, '..'); // this file runs compiled: dist/drills/main.js
  const result = await runDrills({
    short: !!values.short,
    keepData: !!values.keep,
    topology: values.cluster ? 'cluster' : 'dev',
    repoRoot: repositoryRoot(buildDir),
    buildDir,
    log: (line) => console.error(line),
  });
  console.log(renderTable(result.rows));
  console.log(`\n${values.short ? 'short' : 'full'} drills: ${seconds(result.ms)}`);
  process.exitCode = result.rows.length > 0 && result.rows.every((r) => r.pass) ? 0 : 1;
}

/** The nearest directory above `from` whose package.json is parkflow's (`.tools/` and `node_modules/` live there). */
function repositoryRoot(from: string): string {
  const file = join(from, 'package.json');
  if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'parkflow')
    return from;
  if (dirname(from) === from) throw new Error('the drills run from a build inside the parkflow repository');
  return repositoryRoot(dirname(from));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
