#!/usr/bin/env bash
# Runs Keycloak 26.7.3 with the trader4 providers and the demo realm "trader4" on
# http://localhost:${KC_HTTP_PORT:-8080}. Needs only a JDK 17+ and Maven. Ctrl-C stops it.
#
#   ./run.sh           build the bundle if sources changed, start (data survives restarts)
#   ./run.sh --reset   forget all data (users, sessions) and import the demo realm afresh
#
# Environment: KC_HTTP_PORT, KC_HTTP_MANAGEMENT_PORT, SMTP_HOST, SMTP_PORT, SMTP_FROM,
# SMTP_USER, SMTP_PASSWORD, SMTP_STARTTLS, SMTP_TIMEOUT_MILLIS, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN,
# TWILIO_FROM_NUMBER, TWILIO_API_BASE_URL, GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET
# (see README.md, "Configuration").
set -euo pipefail
cd "$(dirname "$0")"

source scripts/keycloak-with-bundle.sh
RUN_DIR="$PWD/.run"
KC_HOME="$RUN_DIR/keycloak-$KC_VERSION"
PORT="${KC_HTTP_PORT:-8080}"
MANAGEMENT_PORT="${KC_HTTP_MANAGEMENT_PORT:-9000}"
BASE_URL="http://localhost:$PORT"
REALM=trader4

say() { printf '\033[1;34m[run]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[run] %s\033[0m\n' "$*" >&2; exit 1; }

command -v java >/dev/null || die "Java 17+ is required: install a JDK (e.g. apt-get install openjdk-17-jdk)."
command -v mvn >/dev/null || die "Maven is required: install it (e.g. apt-get install maven)."
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
[ "${java_major%%.*}" -ge 17 ] 2>/dev/null || die "Java 17+ is required, found $java_major."

if [ "${1:-}" = "--reset" ]; then
  say "Forgetting all data: removing $KC_HOME"
  rm -rf "$KC_HOME"
fi

# 1. The bundle (rebuilt when a source changed) in Keycloak, unpacked once into a git-ignored folder.
ensure_bundle
install_keycloak_with_bundle "$RUN_DIR"

# 2. The demo realm (imported only when the realm does not exist yet).
mkdir -p "$KC_HOME/data/import"
cp realm/trader4-realm.json "$KC_HOME/data/import/trader4-realm.json"

# 3. Twilio for SMS and voice codes, as provider options passed through the environment (never
#    on the command line, where `ps` would show the auth token).
sms_option() { [ -n "$2" ] && export "KC_SPI_TRADER4_OTP_DELIVERY_CHANNEL__SMS__$1=$2"; return 0; }
sms_option ACCOUNT_SID "${TWILIO_ACCOUNT_SID:-}"
sms_option AUTH_TOKEN "${TWILIO_AUTH_TOKEN:-}"
sms_option FROM_NUMBER "${TWILIO_FROM_NUMBER:-}"
sms_option API_BASE_URL "${TWILIO_API_BASE_URL:-}"

# 4. Start, in the background so that Ctrl-C can stop it cleanly.
export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
say "Starting Keycloak on $BASE_URL (embedded H2 database in $KC_HOME/data)..."
"$KC_HOME/bin/kc.sh" start-dev --http-port="$PORT" --http-management-port="$MANAGEMENT_PORT" \
  --health-enabled=true --import-realm &
KC_PID=$!
stop() {
  trap - INT TERM
  say "Stopping Keycloak..."
  kill "$KC_PID" 2>/dev/null || true
  wait "$KC_PID" 2>/dev/null || true
  exit 0
}
trap stop INT TERM

for _ in $(seq 1 180); do
  kill -0 "$KC_PID" 2>/dev/null || die "Keycloak exited during start-up; see the log above. If a bad build broke it: ./run.sh --reset"
  if curl -fs "http://localhost:$MANAGEMENT_PORT/health/ready" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fs "http://localhost:$MANAGEMENT_PORT/health/ready" >/dev/null || die "Keycloak did not become ready within 180 s."

# 5. Mail: a real SMTP server when SMTP_HOST is set, otherwise the development 'log' channel.
kcadm() { "$KC_HOME/bin/kcadm.sh" "$@" --config "$RUN_DIR/kcadm.config" >/dev/null; }
kcadm config credentials --server "$BASE_URL" --realm master --user admin --password admin
if [ -n "${SMTP_HOST:-}" ]; then
  auth=false; [ -n "${SMTP_USER:-}" ] && auth=true
  kcadm update "realms/$REALM" -f - <<JSON
{"smtpServer": {"host": "$SMTP_HOST", "port": "${SMTP_PORT:-25}", "from": "${SMTP_FROM:-no-reply@localhost}",
  "starttls": "${SMTP_STARTTLS:-false}", "auth": "$auth", "user": "${SMTP_USER:-}", "password": "${SMTP_PASSWORD:-}",
  "connectionTimeout": "${SMTP_TIMEOUT_MILLIS:-5000}", "timeout": "${SMTP_TIMEOUT_MILLIS:-5000}", "writeTimeout": "${SMTP_TIMEOUT_MILLIS:-5000}"},
 "attributes": {"trader4.otp.devLogChannel": "false"}}
JSON
  say "Sign-in codes are sent by email through $SMTP_HOST:${SMTP_PORT:-25}."
else
  kcadm update "realms/$REALM" -f - <<JSON
{"smtpServer": {}, "attributes": {"trader4.otp.devLogChannel": "true"}}
JSON
  printf '\033[1;33m%s\033[0m\n' \
    "************************************************************************" \
    "* DEVELOPMENT ONLY: SMTP_HOST is not set, so sign-in codes are printed  *" \
    "* to this terminal by the 'log' delivery channel instead of being sent. *" \
    "* Never turn on trader4.otp.devLogChannel in production.                *" \
    "************************************************************************"
fi

# 6. Google sign-in through Keycloak's Google broker, on when its OAuth client is given.
if [ -n "${GOOGLE_CLIENT_ID:-}" ] && [ -n "${GOOGLE_CLIENT_SECRET:-}" ]; then
  kcadm update identity-provider/instances/google -r "$REALM" --merge -f - <<JSON
{"enabled": true, "config": {"clientId": "$GOOGLE_CLIENT_ID", "clientSecret": "$GOOGLE_CLIENT_SECRET"}}
JSON
  say "Google sign-in is on: $BASE_URL/realms/$REALM/trader4/v1/oauth/google"
else
  kcadm update identity-provider/instances/google -r "$REALM" --merge -f - <<JSON
{"enabled": false}
JSON
fi

if [ -n "${TWILIO_ACCOUNT_SID:-}" ]; then
  say "SMS and voice codes go through Twilio${TWILIO_API_BASE_URL:+ at $TWILIO_API_BASE_URL}."
fi

cat <<TXT

  Keycloak        $BASE_URL   (admin console: $BASE_URL/admin, admin / admin)
  Realm           $BASE_URL/realms/$REALM
  Account console $BASE_URL/realms/$REALM/account
  API             $BASE_URL/realms/$REALM/trader4/v1/oauth

  Try it:
    curl -s -X POST $BASE_URL/realms/$REALM/trader4/v1/oauth/sign -d id=hi@trader4.net
    curl -s -X POST $BASE_URL/realms/$REALM/trader4/v1/oauth/verify -d id=hi@trader4.net -d code=<the code>
    curl -s $BASE_URL/realms/$REALM/protocol/openid-connect/userinfo -H "Authorization: Bearer <access_token>"
    curl -s -X POST $BASE_URL/realms/$REALM/trader4/v1/oauth/sign --data-urlencode id=+447888872720   (SMS, with Twilio)

  Ctrl-C stops Keycloak.
TXT
wait "$KC_PID"
