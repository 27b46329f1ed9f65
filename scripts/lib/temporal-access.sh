# How `npm run cluster`'s processes reach its secured Temporal server (docker/temporal/secured.yaml; docs/security.md
# "Temporal"); sourced by scripts/cluster.sh and scripts/temporal-admin.sh after `data` is set. Every caller shows a
# certificate of the stack's CA ($data/certs, scripts/certificates.sh); with Keycloak, a token of its own service
# account too (client credentials, its secret in $data/keycloak/secrets/<client>).
data_abs=$(cd "$data" && pwd) # every path below is absolute: the processes run from other dirs (the UI's --root)
certs="$data_abs/certs"
realm_url="http://localhost:${KEYCLOAK_PORT:-8081}/realms/parkflow"
token_url="$realm_url/protocol/openid-connect/token"
secrets="$data_abs/keycloak/secrets"

# caller_env <certificate> [<client>]: the parkflow process settings (config/parkflow-config.ts) of one caller, as
# `export` lines: its certificate and, when Keycloak runs (a client is named), its service account.
caller_env() {
  local certificate=$1 client=${2:-}
  echo "export TEMPORAL_ADDRESS=127.0.0.1:7233 TEMPORAL_TLS_SERVER_NAME=localhost"
  echo "export TEMPORAL_TLS_CA_FILE='$certs/ca.pem'"
  echo "export TEMPORAL_TLS_CERT_FILE='$certs/$certificate.pem' TEMPORAL_TLS_KEY_FILE='$certs/$certificate.key'"
  [ -z "$client" ] || echo "export TEMPORAL_AUTH_TOKEN_URL='$token_url' TEMPORAL_AUTH_CLIENT_ID=$client" \
    "TEMPORAL_AUTH_CLIENT_SECRET_FILE='$secrets/$client'"
}

# cli_env: the Temporal CLI's TLS settings as the administrator (create-namespace.sh reads them; so does
# scripts/temporal-admin.sh), and the admin client's token settings when Keycloak runs.
cli_env() {
  echo "export TEMPORAL_TLS_CA='$certs/ca.pem' TEMPORAL_TLS_SERVER_NAME=localhost"
  echo "export TEMPORAL_TLS_CERT='$certs/temporal-admin.pem' TEMPORAL_TLS_KEY='$certs/temporal-admin.key'"
  [ "${1:-}" != with-token ] \
    || echo "export TEMPORAL_TOKEN_URL='$token_url' TEMPORAL_ADMIN_CLIENT_SECRET_FILE='$secrets/temporal-admin'"
}

# temporal_cli <args…>: the Temporal CLI as the administrator (certificate, and token when Keycloak runs).
temporal_cli() {
  local token=()
  [ -z "${TEMPORAL_TOKEN_URL:-}" ] \
    || token=(--api-key "$(sh docker/temporal/service-token.sh "$TEMPORAL_TOKEN_URL" temporal-admin "$TEMPORAL_ADMIN_CLIENT_SECRET_FILE")")
  .tools/temporal "$@" --address 127.0.0.1:7233 --tls-ca-path "$TEMPORAL_TLS_CA" --tls-cert-path "$TEMPORAL_TLS_CERT" \
    --tls-key-path "$TEMPORAL_TLS_KEY" --tls-server-name "$TEMPORAL_TLS_SERVER_NAME" "${token[@]}"
}

# temporal_ui_env: the Temporal UI server's settings (its config/docker.yaml): its own certificate, every write action
# off (the setting is global: nobody terminates from the UI; an admin uses scripts/temporal-admin.sh), and with
# Keycloak, ops staff's sign-in through the realm's temporal-ui client (their tokens carry read permissions).
temporal_ui_env() {
  echo "export TEMPORAL_ADDRESS=127.0.0.1:7233 TEMPORAL_UI_PORT=$ui_port TEMPORAL_DISABLE_WRITE_ACTIONS=true"
  echo "export TEMPORAL_TLS_CA='$certs/ca.pem' TEMPORAL_TLS_SERVER_NAME=localhost"
  echo "export TEMPORAL_TLS_CERT='$certs/temporal-ui.pem' TEMPORAL_TLS_KEY='$certs/temporal-ui.key'"
  echo "export TEMPORAL_TLS_ENABLE_HOST_VERIFICATION=true"
  [ "$keycloak" = on ] || return 0
  echo "export TEMPORAL_AUTH_ENABLED=true TEMPORAL_AUTH_PROVIDER_URL='$realm_url' TEMPORAL_AUTH_CLIENT_ID=temporal-ui"
  echo "export TEMPORAL_AUTH_CLIENT_SECRET='$(cat "$secrets/temporal-ui")' TEMPORAL_AUTH_SCOPES=openid,profile,email"
  echo "export TEMPORAL_AUTH_CALLBACK_URL='http://localhost:$ui_port/auth/sso/callback'"
  # Plain HTTP on localhost: the UI's CSRF cookie cannot be Secure here (behind TLS in production, leave it Secure).
  echo "export TEMPORAL_CSRF_COOKIE_INSECURE=true"
}
