#!/bin/sh
# Prints an access token of one of the realm's service accounts on Temporal (OAuth2 client credentials), for the
# Temporal CLI's --api-key: create-namespace.sh (client temporal-admin) and an operator's scripts/temporal-admin.sh.
# usage: service-token.sh <token endpoint> <client id> <file holding the client's secret>
# POSIX sh with curl and sed only: compose runs it in the admin-tools image.
set -eu
[ $# -eq 3 ] || { echo "usage: service-token.sh <token endpoint> <client id> <secret file>" >&2; exit 2; }
answer=$(curl -fsS --max-time 10 -d grant_type=client_credentials --data-urlencode "client_id=$2" \
  --data-urlencode "client_secret@$3" "$1") || { echo "the token endpoint $1 refused client $2" >&2; exit 1; }
token=$(printf '%s' "$answer" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "no access_token in the answer of $1 for client $2" >&2; exit 1; }
printf '%s\n' "$token"
