#!/usr/bin/env bash
# Runs Keycloak 26.7.3 with the trader4 providers and the demo realm "trader4" on
# http://localhost:${KC_HTTP_PORT:-8080}. Needs only a JDK 17+ and Maven. Ctrl-C stops it.
#
#   ./run.sh           build the bundle if sources changed, start (data survives restarts)
#   ./run.sh --reset   forget all data (users, sessions) and import the demo realm afresh
#
# Environment: TRADER4_RUN_DIR (default .run/), KC_HTTP_PORT, KC_HTTP_MANAGEMENT_PORT, SMTP_HOST, SMTP_PORT, SMTP_FROM,
# SMTP_USER, SMTP_PASSWORD, SMTP_STARTTLS, SMTP_TIMEOUT_MILLIS, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN,
# TWILIO_FROM_NUMBER, TWILIO_API_BASE_URL, GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET
# (see docs/configuration.md).
set -euo pipefail
cd "$(dirname "$0")"

source scripts/keycloak-with-bundle.sh
RUN_DIR="${TRADER4_RUN_DIR:-$PWD/.run}"
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

# 4. What this start asks of the realm: mail (a real SMTP server when SMTP_HOST is set, otherwise
#    the development 'log' channel) and Google sign-in (on when its OAuth client is given).
if [ -n "${SMTP_HOST:-}" ]; then
  auth=false; [ -n "${SMTP_USER:-}" ] && auth=true
  REALM_SETTINGS=$(cat <<JSON
{"smtpServer": {"host": "$SMTP_HOST", "port": "${SMTP_PORT:-25}", "from": "${SMTP_FROM:-no-reply@localhost}",
  "starttls": "${SMTP_STARTTLS:-false}", "auth": "$auth", "user": "${SMTP_USER:-}", "password": "${SMTP_PASSWORD:-}",
  "connectionTimeout": "${SMTP_TIMEOUT_MILLIS:-5000}", "timeout": "${SMTP_TIMEOUT_MILLIS:-5000}", "writeTimeout": "${SMTP_TIMEOUT_MILLIS:-5000}"},
 "attributes": {"trader4.otp.devLogChannel": "false"}}
JSON
)
else
  REALM_SETTINGS='{"smtpServer": {}, "attributes": {"trader4.otp.devLogChannel": "true"}}'
fi
if [ -n "${GOOGLE_CLIENT_ID:-}" ] && [ -n "${GOOGLE_CLIENT_SECRET:-}" ]; then
  GOOGLE_SETTINGS="{\"enabled\": true, \"config\": {\"clientId\": \"$GOOGLE_CLIENT_ID\", \"clientSecret\": \"$GOOGLE_CLIENT_SECRET\"}}"
else
  GOOGLE_SETTINGS='{"enabled": false}'
fi

export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
KC_PID=""
stop_keycloak() {
  [ -n "$KC_PID" ] || return 0
  kill "$KC_PID" 2>/dev/null || true
  wait "$KC_PID" 2>/dev/null || true
  KC_PID=""
}
stop() {
  trap - INT TERM
  say "Stopping Keycloak..."
  stop_keycloak
  exit 0
}
trap stop INT TERM

# Starts Keycloak in the background on port $1 (management port $2) for host $3 and waits until ready;
# $4, when given, is the fixed public URL (hostname) every link and sign-in message names.
# Returns 1 when Keycloak exits during start-up (its log says why).
start_keycloak() {
  "$KC_HOME/bin/kc.sh" start-dev --http-host="$3" --http-port="$1" --http-management-port="$2" \
    ${4:+--hostname="$4"} --health-enabled=true --import-realm &
  KC_PID=$!
  for _ in $(seq 1 180); do
    kill -0 "$KC_PID" 2>/dev/null || { wait "$KC_PID" 2>/dev/null; KC_PID=""; return 1; }
    if curl -fs "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  stop_keycloak
  die "Keycloak did not become ready within 180 s."
}
START_FAILED="Keycloak exited during start-up; see the log above. If a bad build broke it: ./run.sh --reset"

# A loopback port nothing listens on, below the kernel's range for outgoing connections (a port
# some connection happens to use as its local end cannot be bound, and no listener probe sees it).
free_port() {
  local low=32768 port
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  [ "$low" -gt 11024 ] || low=32768
  while :; do
    port=$((10000 + RANDOM % (low - 10000)))
    [ "$port" != "${1:-}" ] || continue
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# 5. The realm is configured before Keycloak answers on $PORT, so the first request already meets
#    these settings. Keycloak's own import skips a realm that exists (kept data), so a change is
#    applied by a private start on a loopback port nobody else knows, only when the settings differ
#    from those last applied to this database.
APPLIED="$KC_HOME/data/trader4-run-settings.sha256"
wanted=$(printf '%s\n%s\n' "$REALM_SETTINGS" "$GOOGLE_SETTINGS" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$APPLIED" 2>/dev/null)" != "$wanted" ]; then
  # Another program may take a probed port before Keycloak binds it: then try other ports.
  for attempt in 1 2 3; do
    setup_port=$(free_port)
    setup_management_port=$(free_port "$setup_port")
    say "Applying the realm settings on a private start (127.0.0.1:$setup_port) before opening port $PORT..."
    start_keycloak "$setup_port" "$setup_management_port" 127.0.0.1 && break
    [ "$attempt" -lt 3 ] || die "$START_FAILED"
  done
  kcadm() { "$KC_HOME/bin/kcadm.sh" "$@" --config "$RUN_DIR/kcadm.config" >/dev/null; }
  kcadm config credentials --server "http://127.0.0.1:$setup_port" --realm master --user admin --password admin
  printf '%s' "$REALM_SETTINGS" | kcadm update "realms/$REALM" -f -
  printf '%s' "$GOOGLE_SETTINGS" | kcadm update identity-provider/instances/google -r "$REALM" --merge -f -
  rm -f "$RUN_DIR/kcadm.config"
  stop_keycloak
  echo "$wanted" >"$APPLIED"
fi

# 6. Start for real, in the background so that Ctrl-C can stop it cleanly.
say "Starting Keycloak on $BASE_URL (embedded H2 database in $KC_HOME/data)..."
start_keycloak "$PORT" "$MANAGEMENT_PORT" 0.0.0.0 "$BASE_URL" || die "$START_FAILED"

if [ -n "${SMTP_HOST:-}" ]; then
  say "Sign-in codes are sent by email through $SMTP_HOST:${SMTP_PORT:-25}."
else
  printf '\033[1;33m%s\033[0m\n' \
    "************************************************************************" \
    "* DEVELOPMENT ONLY: SMTP_HOST is not set, so sign-in codes are printed  *" \
    "* to this terminal by the 'log' delivery channel instead of being sent. *" \
    "* Never turn on trader4.otp.devLogChannel in production.                *" \
    "************************************************************************"
fi
if [ -n "${GOOGLE_CLIENT_ID:-}" ] && [ -n "${GOOGLE_CLIENT_SECRET:-}" ]; then
  say "Google sign-in is on: $BASE_URL/realms/$REALM/trader4/v1/oauth/google"
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
