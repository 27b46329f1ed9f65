#!/usr/bin/env bash
# Provisions the Temporal servers this project runs against, without Docker and without downloads from
# anywhere but package registries. Idempotent: built tools live in a per-user cache keyed by version
# (so fresh clones reuse them) and are linked into the git-ignored .tools/ of this checkout.
#   .tools/temporal               Temporal CLI (dev server with UI, SQLite), built from source with Go
#   .tools/temporal-test-server   Java time-skipping test server behind a fast-starting wrapper
#   .tools/schemathesis           the API fuzzer (PyPI) in a virtualenv, for test/heavy/api-fuzzing.test.ts
#   .tools/temporal-server, .tools/temporal-sql-tool, .tools/temporal-schema (the module's SQL schemas): the
#                                 Temporal server on PostgreSQL, built from its Go module (npm run cluster, the
#                                 cluster tests)
#   .tools/temporal-ui            the Temporal UI server (the temporalio/ui image's binary and configs), built from
#                                 its Go module (npm run cluster)
#   /usr/bin/chromium             Debian's chromium and its Chinese fonts (apt-get, when missing and apt is usable): the
#                                 console's browser tests drive it with Playwright, which downloads no browser of its own
#   /usr/bin/promtool, /usr/bin/prometheus  Debian's prometheus (apt-get, when missing and apt is usable): the alert
#                                 rules' tests run promtool; npm run cluster runs Prometheus
#   /usr/lib/postgresql/15/bin    Debian's postgresql-15 (apt-get, when missing): npm run cluster's PostgreSQL, whose
#                                 pg_dump/pg_restore npm run backup and restore use
#   .tools/weed                   SeaweedFS (`weed server -s3`): the S3 object store holding case documents, built from
#                                 its Go module (npm run dev, npm run cluster, the tests of the document store)
#   .tools/keycloak               Keycloak (Maven Central's org.keycloak:keycloak-quarkus-dist, compose's version), built
#                                 for PostgreSQL, run on this machine's Java 17+ (npm run cluster)
# A tool that cannot be provisioned (no Go / no Java here) is left out; the tests then fall back to the
# SDK's own download (see tooling/temporal/temporal-executables.ts).
set -euo pipefail

TEMPORAL_CLI_VERSION=v1.5.1        # later tags carry a replace directive that `go install` rejects
TEST_SERVER_VERSION=1.38.0
SCHEMATHESIS_VERSION=4.32.5
TEMPORAL_SERVER_VERSION=v1.29.1    # docker-compose.yml runs the same version (test/unit/docker-compose.test.ts)
TEMPORAL_UI_VERSION=v2.42.1        # the CLI's own UI; docker-compose.yml's temporalio/ui image has the same version
# SeaweedFS for the case documents' object store (issue 25): Apache-2.0, an S3 API with server-side encryption (SSE-S3),
# written in Go like the Temporal server built here. MinIO's community server is source-only now, and Zenko CloudServer
# is not served from npm here. The one version the module proxy serves (a commit, not a tag), and the release its source
# names, which docker-compose.yml's chrislusf/seaweedfs image runs (test/unit/compose-object-store.test.ts).
SEAWEEDFS_VERSION=v0.0.0-20261109003541-7506e5f91cd6
SEAWEEDFS_RELEASE=4.53
KEYCLOAK_VERSION=26.4.7            # docker-compose.yml's quay.io/keycloak/keycloak image (test/unit/compose-sign-in.test.ts)

root=$(cd "$(dirname "$0")/.." && pwd)
cache=${PARKFLOW_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/parkflow}
tools="$root/.tools"
mkdir -p "$cache" "$tools"
log() { printf '[provision] %s\n' "$*" >&2; }

provision_temporal_cli() {
  if [ -n "${TEMPORAL_CLI_PATH:-}" ]; then
    [ -x "$TEMPORAL_CLI_PATH" ] || { log "TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH is not executable"; exit 1; }
    ln -sfn "$TEMPORAL_CLI_PATH" "$tools/temporal"; log "temporal CLI: $TEMPORAL_CLI_PATH (TEMPORAL_CLI_PATH)"; return
  fi
  local dir="$cache/temporal-cli-$TEMPORAL_CLI_VERSION"
  if [ ! -x "$dir/temporal" ]; then
    if ! command -v go >/dev/null; then log "no Go toolchain: the SDK will download the dev server"; return; fi
    log "building temporal CLI $TEMPORAL_CLI_VERSION from source (a few minutes, once per machine)"
    mkdir -p "$dir.partial"
    GOBIN="$dir.partial" GOFLAGS="${GOFLAGS:-} -trimpath" go install -ldflags='-s -w' \
      "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION"
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  ln -sfn "$dir/temporal" "$tools/temporal"; log "temporal CLI: $dir/temporal"
}

provision_test_server() {
  if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
    log "no Java/Maven: the SDK will download the time-skipping test server"; return
  fi
  local java_id; java_id=$(java -version 2>&1 | head -1 | tr -cd '[:alnum:]._-')
  local dir="$cache/temporal-test-server-$TEST_SERVER_VERSION-$java_id"
  if [ ! -x "$dir/temporal-test-server" ]; then
    log "resolving io.temporal:temporal-test-server:$TEST_SERVER_VERSION with Maven"
    rm -rf "$dir.partial" && mkdir -p "$dir.partial"
    mvn -q -B -f "$root/scripts/provision/test-server-pom.xml" -DtestServerVersion="$TEST_SERVER_VERSION" \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$dir.partial/lib"
    write_test_server_wrapper "$dir.partial" "$dir"
    record_class_data_archive "$dir.partial"
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  ln -sfn "$dir/temporal-test-server" "$tools/temporal-test-server"; log "test server: $dir/temporal-test-server"
}

# The SDK gives a spawned server 5 s to accept connections. A cold JVM loading ~40 jars takes 1-2 s on an
# idle core and more under load, so the wrapper uses an application class-data-sharing archive (classes
# pre-parsed once) and C1-only compilation, which roughly halves start-up (bench/test-server-startup.sh).
write_test_server_wrapper() {
  local build_dir=$1 final_dir=$2
  cat > "$build_dir/temporal-test-server" <<WRAPPER
#!/usr/bin/env bash
# usage: temporal-test-server <port> — Temporal's Java time-skipping test server (io.temporal:temporal-test-server:$TEST_SERVER_VERSION)
exec java -XX:SharedArchiveFile="$final_dir/classes.jsa" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \\
  -Xss512k -Xlog:disable -Xlog:all=error:stderr \${PARKFLOW_TEST_SERVER_JAVA_OPTS:-} \\
  -cp "$final_dir/lib/*" io.temporal.testserver.TestServer "\$@"
WRAPPER
  chmod +x "$build_dir/temporal-test-server"
}

record_class_data_archive() {
  local dir=$1 port
  port=$(node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')
  java -XX:ArchiveClassesAtExit="$dir/classes.jsa" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable \
    -cp "$dir/lib/*" io.temporal.testserver.TestServer "$port" >/dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  sleep 1 # let the gRPC services finish loading their classes before the archive is written
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [ -s "$dir/classes.jsa" ] || log "warning: no class-data archive recorded; the test server starts slower"
}

provision_schemathesis() {
  local dir="$cache/schemathesis-$SCHEMATHESIS_VERSION"
  # A virtualenv cannot be moved (its scripts name its path), so it is built in place; .complete marks it done.
  if [ ! -f "$dir/.complete" ]; then
    if ! command -v python3 >/dev/null; then log "no python3: the API fuzzing test cannot run"; return; fi
    log "installing schemathesis $SCHEMATHESIS_VERSION from PyPI into a virtualenv (once per machine)"
    rm -rf "$dir" && python3 -m venv "$dir/venv"
    "$dir/venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
    touch "$dir/.complete"
  fi
  ln -sfn "$dir/venv/bin/schemathesis" "$tools/schemathesis"; log "schemathesis: $dir/venv/bin/schemathesis"
}

provision_temporal_server() {
  local dir="$cache/temporal-server-$TEMPORAL_SERVER_VERSION"
  if [ ! -x "$dir/server" ] || [ ! -x "$dir/sql" ] || [ ! -d "$dir/schema" ]; then
    command -v go >/dev/null || { log "no Go toolchain: no Temporal server for npm run cluster and its tests"; return; }
    log "building the Temporal server and temporal-sql-tool $TEMPORAL_SERVER_VERSION from source (about 3 minutes, once)"
    rm -rf "$dir.partial" && mkdir -p "$dir.partial"
    GOBIN="$dir.partial" GOFLAGS="${GOFLAGS:-} -trimpath" go install -ldflags='-s -w' \
      "go.temporal.io/server/cmd/server@$TEMPORAL_SERVER_VERSION" "go.temporal.io/server/cmd/tools/sql@$TEMPORAL_SERVER_VERSION"
    cp -R "$(go env GOMODCACHE)/go.temporal.io/server@$TEMPORAL_SERVER_VERSION/schema/postgresql/v12" "$dir.partial/schema"
    chmod -R u+w "$dir.partial/schema"
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  ln -sfn "$dir/server" "$tools/temporal-server"
  ln -sfn "$dir/sql" "$tools/temporal-sql-tool"
  ln -sfn "$dir/schema" "$tools/temporal-schema"
  log "temporal server: $dir/server"
}

# SeaweedFS' go.mod has replace directives, which `go install module@version` refuses: the module is downloaded and
# built in place (its own go.mod and go.sum then apply).
provision_seaweedfs() {
  local dir="$cache/seaweedfs-$SEAWEEDFS_VERSION" module="github.com/seaweedfs/seaweedfs"
  if [ ! -x "$dir/weed" ]; then
    command -v go >/dev/null || { log "no Go toolchain: no SeaweedFS, so no document store for npm run dev and its tests"; return; }
    log "building SeaweedFS $SEAWEEDFS_RELEASE ($SEAWEEDFS_VERSION) from its Go module (10-25 minutes, once per machine)"
    local source
    source=$(go mod download -json "$module@$SEAWEEDFS_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
    [ -d "$source" ] || { log "go mod download $module@$SEAWEEDFS_VERSION gave no source directory"; exit 1; }
    rm -rf "$dir.partial" && mkdir -p "$dir.partial"
    (cd "$source" && GOFLAGS="${GOFLAGS:-} -trimpath" go build -ldflags='-s -w' -o "$dir.partial/weed" ./weed)
    "$dir.partial/weed" version 2>/dev/null | grep -q " $SEAWEEDFS_RELEASE " \
      || { log "the SeaweedFS built is not release $SEAWEEDFS_RELEASE: $("$dir.partial/weed" version)"; exit 1; }
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  ln -sfn "$dir/weed" "$tools/weed"; log "seaweedfs: $dir/weed"
}

# The UI server's module carries the built UI and the image's config files (config/docker.yaml reads TEMPORAL_*).
provision_temporal_ui() {
  local dir="$cache/temporal-ui-$TEMPORAL_UI_VERSION" module="github.com/temporalio/ui-server/v2"
  if [ ! -x "$dir/ui-server" ] || [ ! -d "$dir/config" ]; then
    command -v go >/dev/null || { log "no Go toolchain: no Temporal UI for npm run cluster"; return; }
    log "building the Temporal UI server $TEMPORAL_UI_VERSION from source (once)"
    rm -rf "$dir.partial" && mkdir -p "$dir.partial/bin"
    GOBIN="$dir.partial/bin" GOFLAGS="${GOFLAGS:-} -trimpath" go install -ldflags='-s -w' "$module/cmd/server@$TEMPORAL_UI_VERSION"
    mv "$dir.partial/bin/server" "$dir.partial/ui-server" && rmdir "$dir.partial/bin"
    cp -R "$(go env GOMODCACHE)/$module@$TEMPORAL_UI_VERSION/config" "$dir.partial/config"
    chmod -R u+w "$dir.partial/config"
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  ln -sfn "$dir" "$tools/temporal-ui"; log "temporal UI: $dir/ui-server"
}

# Keycloak's distribution from Maven Central, unpacked into the cache and built once (`kc.sh build`: PostgreSQL, the
# health endpoints), so `kc.sh start --optimized` skips Quarkus' build at each start. It runs with a home of its own
# per stack (scripts/keycloak-server.cli.ts), so the cached copy is never written to.
provision_keycloak() {
  local dir="$cache/keycloak-$KEYCLOAK_VERSION"
  if [ ! -f "$dir/.parkflow-built" ]; then
    if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
      log "no Java/Maven: npm run cluster runs without Keycloak"; return
    fi
    local major; major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "${major%%.*}" -lt 17 ] 2>/dev/null; then
      log "Keycloak $KEYCLOAK_VERSION needs Java 17 or later (java is $major): npm run cluster runs without Keycloak"
      return
    fi
    log "resolving org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION with Maven and building it (about a minute, once)"
    rm -rf "$dir" "$dir.partial" && mkdir -p "$dir.partial"
    mvn -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$dir.partial"
    local zip="$dir.partial/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    if command -v unzip >/dev/null; then unzip -q "$zip" -d "$dir.partial"; else python3 -m zipfile -e "$zip" "$dir.partial"; fi
    chmod +x "$dir.partial/keycloak-$KEYCLOAK_VERSION/bin/"*.sh
    mv "$dir.partial/keycloak-$KEYCLOAK_VERSION" "$dir" && rm -rf "$dir.partial"
    "$dir/bin/kc.sh" build --db=postgres --health-enabled=true > "$dir.build.log" 2>&1 \
      || { log "building Keycloak failed; see $dir.build.log"; return; }
    touch "$dir/.parkflow-built"
  fi
  ln -sfn "$dir" "$tools/keycloak"; log "keycloak: $dir ($(java -version 2>&1 | head -1))"
}

# Debian's packages are installed as the system's own: by root, or through a password-less sudo (as_root).
as_root=()
can_be_root() {
  [ "$(id -u)" = 0 ] && return 0
  command -v sudo >/dev/null && sudo -n true 2>/dev/null && as_root=(sudo -n)
}
apt_install() { # apt_install <what goes without them> <apt-get install arguments…>; says so when it cannot
  local without=$1; shift
  if ! can_be_root || ! command -v apt-get >/dev/null; then
    log "no root or no apt-get for apt-get install $*: $without"; return 0
  fi
  log "apt-get install $* (once per machine)"
  "${as_root[@]}" apt-get update -qq >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# Debian's chromium for the console's browser tests (console/e2e, run by npm test), with Noto CJK so that its pages
# (and their screenshots) show Chinese; otherwise the browser tests report that it is missing.
provision_chromium() {
  local font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
  if [ -x /usr/bin/chromium ] && [ -f "$font" ]; then log "chromium: /usr/bin/chromium"; return; fi
  apt_install "the browser tests cannot run" chromium fonts-noto-cjk
}

# Debian's prometheus: promtool for the alert rules' tests (test/unit/alert-rules.test.ts fails without it) and
# /usr/bin/prometheus for npm run cluster (scripts/prometheus-server.cli.ts). The package enables a service of its own
# on :9090; it is disabled and stopped, so that only the cluster's listens there (in a container none starts).
provision_prometheus() {
  if [ -x /usr/bin/promtool ] && [ -x /usr/bin/prometheus ]; then log "prometheus: /usr/bin/prometheus"; return; fi
  apt_install "the alert rules' tests fail; npm run cluster runs without Prometheus" \
    --no-install-recommends prometheus
  [ -x /usr/bin/prometheus ] || return 0
  if [ -d /run/systemd/system ]; then
    "${as_root[@]}" systemctl disable --now prometheus.service >&2 || true
  else
    "${as_root[@]}" update-rc.d prometheus disable >/dev/null 2>&1 || true
    "${as_root[@]}" invoke-rc.d prometheus stop >/dev/null 2>&1 || true
  fi
}

# Debian's PostgreSQL 15 (server and client tools): npm run cluster runs its server (PARKFLOW_PG_BIN), whose major
# matches the pg_dump and pg_restore of npm run backup and restore. The package's own cluster on :5432 is not wanted:
# postgresql-common is told so (createcluster.d) before the install.
provision_postgresql() {
  local bin=/usr/lib/postgresql/15/bin
  if [ -x "$bin/initdb" ] && [ -x "$bin/pg_dump" ]; then log "postgresql 15: $bin"; return; fi
  if can_be_root; then
    local conf=/etc/postgresql-common/createcluster.d
    "${as_root[@]}" mkdir -p "$conf"
    echo 'create_main_cluster = false' | "${as_root[@]}" tee "$conf/parkflow.conf" >/dev/null
  fi
  apt_install "npm run cluster runs the embedded PostgreSQL 18, which no pg_dump here can back up" postgresql-15
}

provision_temporal_cli
provision_test_server
provision_chromium
provision_prometheus
provision_schemathesis
provision_temporal_server
provision_seaweedfs
if [ "${1:-}" = --cluster ]; then provision_temporal_ui; provision_keycloak; provision_postgresql; fi
