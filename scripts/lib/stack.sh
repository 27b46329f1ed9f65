# Process management shared by `npm run dev` (scripts/dev.sh) and `npm run cluster` (scripts/cluster.sh); sourced
# after setting `tag` (the log prefix, e.g. dev) and `data` (the stack's data dir). Every child leads its own
# process group (set -m), so its children go with it; Ctrl-C stops everything within 15 s.
pids=()      # every child started here
app_pids=()  # the workers and the APIs: stopped first, while Temporal and PostgreSQL still answer
mkdir -p "$data"
: > "$data/$tag.pids"
say() { echo "[$tag] $*" >&2; }
start() { # start <name> <log> <command…>: in the background, in a new process group; pid in $data/$tag.pids
  local name=$1 log=$2; shift 2
  set -m; "$@" > "$log" 2>&1 & set +m
  pids+=($!); echo "$name $!" >> "$data/$tag.pids"; say "started $name (pid $!)"
}
start_app() { start "$@"; app_pids+=("${pids[-1]}"); }
group_alive() { kill -0 -- "-$1" 2>/dev/null; }
stop_groups() { # stop_groups <seconds> <pid…>: SIGTERM each group, wait up to <seconds> for all to go
  local seconds=$1; shift
  for pid in "$@"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  local until=$((SECONDS + seconds))
  while [ "$SECONDS" -lt "$until" ]; do
    local left=0; for pid in "$@"; do group_alive "$pid" && left=1; done
    [ "$left" = 0 ] && return 0; sleep 0.2
  done
}
cleanup() { # within 15 s: APIs + workers (≤ 6 s), then the servers (≤ 6 s), then SIGKILL whatever is left
  trap - EXIT INT TERM
  [ ${#pids[@]} -eq 0 ] && return 0
  say "stopping the stack"
  [ ${#app_pids[@]} -eq 0 ] || stop_groups 6 "${app_pids[@]}"
  stop_groups 6 "${pids[@]}"
  for pid in "${pids[@]}"; do
    if group_alive "$pid"; then say "process group $pid did not stop; killing it"; kill -KILL -- "-$pid" 2>/dev/null || true; fi
  done
  wait 2>/dev/null || true
  rm -f "$data/$tag.pids"
  say "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
wait_for() { # wait_for <what> <seconds> <command…>
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  say "$what did not come up within ${seconds}s; see $data/*.log"; exit 1
}

# PostgreSQL: DATABASE_URL when set (migrated here), else the embedded cluster in $PARKFLOW_PG_DIR on
# $PARKFLOW_PG_PORT (migrated by its launcher). Exports DATABASE_URL.
start_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then node dist/persistence/migrate.cli.js; return; fi
  rm -f "$data/postgres.url"
  set -m; node dist/scripts/local-postgres.cli.js > "$data/postgres.url" 2> "$data/postgres.log" & set +m
  pids+=($!); echo "postgres $!" >> "$data/$tag.pids"; say "started postgres (pid $!)"
  for _ in $(seq 1 600); do
    grep -q DATABASE_URL= "$data/postgres.url" && break
    group_alive "${pids[-1]}" || { say "PostgreSQL did not start:"; tail -n 20 "$data/postgres.log" >&2; exit 1; }
    sleep 0.2
  done
  grep -q DATABASE_URL= "$data/postgres.url" || { say "PostgreSQL did not come up within 120s; see $data/postgres.log"; exit 1; }
  export "$(grep DATABASE_URL= "$data/postgres.url")"
}

# The case documents' store: OBJECT_STORE_ENDPOINT set → that store (with its OBJECT_STORE_* credentials), else
# SeaweedFS (.tools/weed, scripts/object-store.cli.ts) with its data in $data/object-store and S3 on
# $PARKFLOW_OBJECT_STORE_PORT (default: the argument). Exports the API's OBJECT_STORE_* variables.
start_object_store() { # start_object_store <default S3 port>
  if [ -n "${OBJECT_STORE_ENDPOINT:-}" ]; then say "object store: $OBJECT_STORE_ENDPOINT (OBJECT_STORE_ENDPOINT)"; return; fi
  [ -x .tools/weed ] || { say "no SeaweedFS in .tools/ (needs Go, see scripts/provision.sh) — set OBJECT_STORE_ENDPOINT"; exit 1; }
  local s3_port=${PARKFLOW_OBJECT_STORE_PORT:-$1} env_file="$data/object-store/api.env"
  require_free_port "$s3_port" PARKFLOW_OBJECT_STORE_PORT
  rm -f "$env_file"
  PARKFLOW_OBJECT_STORE_PORT=$s3_port start object-store "$data/object-store.log" node dist/scripts/object-store.cli.js "$data/object-store"
  for _ in $(seq 1 600); do
    [ -f "$env_file" ] && break
    group_alive "${pids[-1]}" || { say "the object store did not start:"; tail -n 20 "$data/object-store.log" >&2; exit 1; }
    sleep 0.2
  done
  [ -f "$env_file" ] || { say "the object store did not come up within 120s; see $data/object-store.log"; exit 1; }
  set -a; . "$env_file"; set +a
}

port_in_use() { node -e "require('net').connect($1,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))" 2>/dev/null; }
# Another process on an API port would answer /health/ready in our API's place.
require_free_port() { # require_free_port <port> <variable that sets it>
  if port_in_use "$1"; then say "port $1 is already in use by another process: stop it, or set $2"; exit 1; fi
}

# "Running" means an action would be served: /health/ready checks PostgreSQL, Temporal and a polling worker.
wait_ready() { # wait_ready <port>: until the API there is ready, or a started process exits, or the timeout
  local port=$1 ready_timeout=${PARKFLOW_READY_TIMEOUT:-90}
  local ready_until=$((SECONDS + ready_timeout))
  until node -e "fetch('http://127.0.0.1:$port/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$ready_until" ]; then
      say "parkflow is not ready after ${ready_timeout}s; GET /health/ready answers:"
      node -e "fetch('http://127.0.0.1:$port/health/ready').then(r=>r.text()).then(t=>console.error('  '+t),e=>console.error('  (no answer: '+e.message+')'))" || true
      say "see $data/*.log"
      exit 1
    fi
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { say "$(grep " $pid\$" "$data/$tag.pids" | cut -d' ' -f1) (pid $pid) exited; see $data/*.log"; exit 1; }
    done
    sleep 0.5
  done
}

token() { node dist/api/auth/mint-token.cli.js "$@"; }

# Until a process exits or Ctrl-C; then the EXIT trap stops the rest.
stay_up() {
  wait -n "${pids[@]}" || true
  say "a process exited; stopping the stack (see $data/*.log)"
}
