#!/usr/bin/env bash
# `npm run mutation [-- shard ...]`: mutation testing of the policy code, shard by shard (test/mutation/shards.json),
# each an incremental Stryker run with its own results — a run cut short keeps every shard it finished, and the next
# run retests only what changed. Then the summary of all shards: the score per file and every surviving mutant
# (scripts/mutation-summary.cli.ts). Names given: only those shards, then the summary. test/MUTATION.md explains.
set -uo pipefail
cd "$(dirname "$0")/.."
mapfile -t all < <(node -e "console.log(Object.keys(require('./test/mutation/shards.json')).join('\n'))")
shards=("$@")
[ ${#shards[@]} -eq 0 ] && shards=("${all[@]}")
status=0
for shard in "${shards[@]}"; do
  started=$SECONDS
  echo "[mutation] shard $shard" >&2
  STRYKER_SHARD="$shard" npx stryker run --incremental || status=1
  echo "[mutation] shard $shard took $((SECONDS - started)) s" >&2
done
npx tsc -p tsconfig.build.json && node dist/scripts/mutation-summary.cli.js || status=1
exit $status
