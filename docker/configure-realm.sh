#!/bin/bash
# Runs once after Keycloak is healthy: mail through the catcher, Google when configured.
set -euo pipefail
kcadm=/opt/keycloak/bin/kcadm.sh
$kcadm config credentials --server http://keycloak:8080 --realm master --user "$KC_ADMIN" --password "$KC_ADMIN_PASSWORD"
$kcadm update realms/trader4 -f - <<JSON
{"smtpServer": {"host": "mail", "port": "1025", "from": "login@trader4.local"}}
JSON
if [ -n "${GOOGLE_CLIENT_ID:-}" ] && [ -n "${GOOGLE_CLIENT_SECRET:-}" ]; then
  $kcadm update identity-provider/instances/google -r trader4 --merge -f - <<JSON
{"enabled": true, "config": {"clientId": "$GOOGLE_CLIENT_ID", "clientSecret": "$GOOGLE_CLIENT_SECRET"}}
JSON
  echo "Google sign-in is on."
fi
echo "Realm trader4 configured."
