#!/usr/bin/env bash
# `npm run certificates -- [<dir>] [--for-containers]` (and scripts/cluster.sh, before Temporal starts): the private CA
# and the leaf certificates of a local stack's mutual TLS with Temporal (docs/security.md "Temporal"). Before
# `docker compose up`, run `npm run certificates -- .data/certs --for-containers`: compose mounts the files from there,
# and its containers run as users of their own, so the leaf keys are made readable to them (0644; 0600 otherwise).
#   ca.pem, ca.key          the stack's own CA (EC P-256, 365 days; kept while it has more than 30 days left)
#   temporal-server.*       the frontend's and the internode certificate (serverAuth and clientAuth; names
#                           localhost, temporal, 127.0.0.1)
#   parkflow-api.*, parkflow-worker.*, temporal-ui.*, temporal-admin.*
#                           one client certificate per caller (clientAuth): the API, the workers and their CLIs
#                           (calendar, officers, policy clock), the Temporal UI, the operator's CLI
# Leaves live LEAF_DAYS and are issued again when fewer than RENEW_DAYS remain, at every run: restart the callers
# after (the server reloads its own files every minute). Keys are PKCS#8, readable by their owner only. Idempotent.
set -euo pipefail
dir=${1:-.data/certs}
key_mode=600
[ "${2:-}" = --for-containers ] && key_mode=644
LEAF_DAYS=${PARKFLOW_CERT_DAYS:-30}
RENEW_DAYS=10
CA_DAYS=365
CA_RENEW_DAYS=30
CLIENTS=(parkflow-api parkflow-worker temporal-ui temporal-admin)
mkdir -p "$dir"
chmod 755 "$dir" # the files are read by the Temporal server and the UI, which may run as other users in compose
say() { echo "[certificates] $*" >&2; }

# valid_for <cert> <days>: the certificate exists and is valid for at least that many more days.
valid_for() { [ -f "$1" ] && openssl x509 -in "$1" -noout -checkend $(($2 * 86400)) >/dev/null 2>&1; }

new_key() { (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null); }

# issue <name> <extended key usage> [subjectAltName]: a leaf signed by the CA.
issue() {
  local name=$1 usage=$2 alt=${3:-} extensions
  extensions=$(mktemp)
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature"
    echo "extendedKeyUsage=$usage"
    echo "subjectKeyIdentifier=hash"
    echo "authorityKeyIdentifier=keyid"
    [ -z "$alt" ] || echo "subjectAltName=$alt"
  } > "$extensions"
  new_key "$dir/$name.key"
  chmod "$key_mode" "$dir/$name.key"
  openssl req -new -key "$dir/$name.key" -subj "/O=parkflow/CN=$name" 2>/dev/null \
    | openssl x509 -req -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days "$LEAF_DAYS" \
      -extfile "$extensions" -out "$dir/$name.pem" 2>/dev/null
  rm -f "$extensions"
  say "issued $name (valid $LEAF_DAYS days)"
}

renewed_ca=false
if ! valid_for "$dir/ca.pem" "$CA_RENEW_DAYS"; then
  new_key "$dir/ca.key" # never leaves this dir: only this script signs with it
  openssl req -x509 -new -key "$dir/ca.key" -subj "/O=parkflow/CN=parkflow local CA" -days "$CA_DAYS" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$dir/ca.pem" 2>/dev/null
  renewed_ca=true
  say "made a new CA ($dir/ca.pem, valid $CA_DAYS days)"
fi
leaf_due() { $renewed_ca || ! valid_for "$dir/$1.pem" "$RENEW_DAYS"; }
if leaf_due temporal-server; then
  issue temporal-server serverAuth,clientAuth "DNS:localhost,DNS:temporal,IP:127.0.0.1"
fi
for client in "${CLIENTS[@]}"; do
  if leaf_due "$client"; then issue "$client" clientAuth; fi
done
