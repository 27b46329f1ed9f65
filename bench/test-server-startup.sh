#!/usr/bin/env bash
# How fast the time-skipping test server accepts connections (the SDK allows 5 s), started plainly and
# through the provisioned wrapper (class-data-sharing archive + C1-only JIT), idle and with both cores busy.
# usage: bash bench/test-server-startup.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/provision.sh 2>/dev/null
runs=${1:-5}
wrapper=$(readlink -f .tools/temporal-test-server)
lib="$(dirname "$wrapper")/lib"

time_to_accept() { # prints ms until the port accepts
  local port; port=$(node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')
  local start; start=$(date +%s%N)
  "$@" "$port" >/dev/null 2>&1 & local pid=$!
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do sleep 0.01; done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
plain() { java -cp "$lib/*" io.temporal.testserver.TestServer "$@"; }
summary() { sort -n | awk '{ a[NR] = $1 } END { printf "median %5d ms   max %5d ms   (n=%d)\n", a[int((NR + 1) / 2)], a[NR], NR }'; }
measure() { local label=$1; shift; printf '%-34s ' "$label"; for _ in $(seq "$runs"); do time_to_accept "$@"; done | summary; }

measure "plain JVM, idle" plain
measure "wrapper (CDS + C1), idle" "$wrapper"
busy=(); for _ in 1 2; do (while :; do :; done) & busy+=($!); done
trap 'kill "${busy[@]}" 2>/dev/null || true' EXIT
measure "plain JVM, both cores busy" plain
measure "wrapper (CDS + C1), both cores busy" "$wrapper"
