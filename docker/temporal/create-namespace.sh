#!/bin/sh
# Waits for the Temporal server, creates the namespace and registers parkflow's search attributes
# (workflows/definitions/search-attributes.ts) so ops can filter cases by them in the UI.
# On a secured server (docker/temporal/secured.yaml) it shows the admin's certificate (TEMPORAL_TLS_CA,
# TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY, TEMPORAL_TLS_SERVER_NAME) and, when TEMPORAL_TOKEN_URL is set, a token of the
# realm's temporal-admin client (its secret in TEMPORAL_ADMIN_CLIENT_SECRET_FILE): namespaces and search attributes are
# the cluster administrator's calls.
set -eu
namespace=${DEFAULT_NAMESPACE:-default}
address=${TEMPORAL_ADDRESS:-temporal:7233}
here=$(dirname "$0")

connection="--address $address"
if [ -n "${TEMPORAL_TLS_CERT:-}" ]; then
  connection="$connection --tls-ca-path $TEMPORAL_TLS_CA --tls-cert-path $TEMPORAL_TLS_CERT --tls-key-path $TEMPORAL_TLS_KEY"
  connection="$connection --tls-server-name ${TEMPORAL_TLS_SERVER_NAME:-localhost}"
fi
# Runs the CLI with the connection's flags and, on a server with token authorization, a fresh admin token (they live
# minutes: fetched per call, as the retries below may outlast one).
cli() {
  if [ -n "${TEMPORAL_TOKEN_URL:-}" ]; then
    set -- "$@" --api-key "$(sh "$here/service-token.sh" "$TEMPORAL_TOKEN_URL" temporal-admin "$TEMPORAL_ADMIN_CLIENT_SECRET_FILE")"
  fi
  # shellcheck disable=SC2086 # the connection's flags are words
  temporal "$@" $connection
}

until cli operator cluster health >/dev/null 2>&1; do echo "waiting for Temporal at $address"; sleep 3; done
# The server fetches the realm's keys every 15 s: until it has them, a token is refused; describe is retried.
tries=0
until cli operator namespace describe -n "$namespace" >/dev/null 2>&1 || cli operator namespace create -n "$namespace" >/dev/null 2>&1; do
  tries=$((tries + 1))
  [ "$tries" -le 30 ] || { echo "namespace $namespace could not be created"; cli operator namespace describe -n "$namespace"; exit 1; }
  sleep 2
done

# A new namespace reaches every service of the server only after its cache refreshes (about 10 s): until then
# registering an attribute fails with "Namespace … is not found". Each attribute is retried until it is listed.
for attribute in CaseStage:Keyword District:Keyword NextDeadline:Datetime OverdueReports:Int; do
  name=${attribute%%:*} type=${attribute#*:} tries=0
  until cli operator search-attribute list -n "$namespace" 2>/dev/null | grep -qw "$name"; do
    tries=$((tries + 1))
    [ "$tries" -le 60 ] || { echo "search attribute $name could not be registered"; exit 1; }
    cli operator search-attribute create -n "$namespace" --name "$name" --type "$type" >/dev/null 2>&1 || sleep 2
  done
done
echo "namespace '$namespace' is ready with search attributes CaseStage, District, NextDeadline, OverdueReports"
