import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { filesInNoShard, mutationSummary, type ShardReport } from './mutation-summary';
import { repoRoot } from './repo-root';

/**
 * `npm run mutation`'s last step (scripts/mutation.sh): prints the score of every shard that has a report (its
 * committed incremental file, test/mutation/results/<shard>.json) and what no test detected. Fails when a shard has
 * no report yet (the score is partial: run it) or a file of workflows/lifecycle/ is in no shard of
 * test/mutation/shards.json.
 */
function main(): number {
  const root = repoRoot();
  const shards = JSON.parse(readFileSync(`${root}/test/mutation/shards.json`, 'utf8')) as Record<string, string[]>;
  const reportOf = (shard: string) => `${root}/test/mutation/results/${shard}.json`;
  const missing = Object.keys(shards).filter((shard) => !existsSync(reportOf(shard)));
  const reports = Object.keys(shards)
    .filter((shard) => !missing.includes(shard))
    .map((shard) => JSON.parse(readFileSync(reportOf(shard), 'utf8')) as ShardReport);
  console.log(mutationSummary(reports));
  const lifecycle = readdirSync(`${root}/workflows/lifecycle`)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `workflows/lifecycle/${name}`);
  const unsharded = filesInNoShard(shards, lifecycle);
  if (missing.length > 0) console.error(`shards with no report yet (npm run mutation -- ${missing.join(' ')})`);
  if (unsharded.length > 0) console.error(`in no shard of test/mutation/shards.json: ${unsharded.join(', ')}`);
  return missing.length > 0 || unsharded.length > 0 ? 1 : 0;
}

process.exitCode = main();
