#!/usr/bin/env bash
# Benchmarks the trader4 endpoints against Keycloak's own grants, side by side in one run, on a
# Keycloak 26.7.3 of its own (http://127.0.0.1:8180, management 9180; never 8080/9000, which the
# integration tests use). See docs/benchmarking.md.
#
#   bench/run.sh                 full run: warm-up + 3 rounds of 20 s, memory with 100,000 challenges;
#                                writes docs/benchmarks.md and docs/benchmarks.png
#   bench/run.sh --quick         warm-up + 2 rounds of 4 s, no memory phase (under 3 minutes once
#                                the bundle and the distribution are there); writes bench/out/
#   bench/run.sh --smoke         every phase (memory included) for a second or two: proves the harness
#                                runs, claims no figures, fails when a phase gets no 2xx; what CI runs
#   bench/run.sh --jdbc-url jdbc:postgresql://127.0.0.1:5432/kc --db-username kc --db-password kc
#                                the same against PostgreSQL instead of the embedded H2 database
#
# Other options: --rounds N, --duration S, --warmup S, --connections N, --users N,
# --memory-challenges N (0 = no memory phase), --profile (a JFR recording per endpoint of the
# last round, in bench/out/jfr/), --out DIR (where the report and the chart go), --only KEYS
# (comma-separated endpoints, e.g. verify,password_cheap; client_credentials always runs).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

source scripts/keycloak-with-bundle.sh
OUT="$ROOT/bench/out"
KC_HOME="$OUT/keycloak-$KC_VERSION"
HTTP_PORT=8180
MANAGEMENT_PORT=9180

say() { printf '\033[1;34m[bench]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[bench] %s\033[0m\n' "$*" >&2; exit 1; }

JDBC_URL="" DB_USER="" DB_PASSWORD=""
SHOWN="bench/run.sh"
PY_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --db-password) SHOWN+=" --db-password ***" ;;
    --quick|--smoke|--profile|-h|--help) SHOWN+=" $1" ;;
    *) SHOWN+=" $1${2:+ $2}" ;;
  esac
  case "$1" in
    --jdbc-url) JDBC_URL="$2"; shift 2 ;;
    --db-username) DB_USER="$2"; shift 2 ;;
    --db-password) DB_PASSWORD="$2"; shift 2 ;;
    --quick|--smoke|--profile) PY_ARGS+=("$1"); shift ;;
    --rounds|--duration|--warmup|--connections|--users|--memory-challenges|--out|--only) PY_ARGS+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see bench/run.sh --help)" ;;
  esac
done

export BENCH_COMMAND="$SHOWN"

# 0. Tools: a JDK 17+, Maven, python3, curl, unzip, ss and wrk (installed from Debian when missing).
command -v java >/dev/null || die "Java 17+ is required: apt-get install openjdk-17-jdk"
command -v jcmd >/dev/null || die "jcmd (a full JDK) is required: apt-get install openjdk-17-jdk"
command -v mvn >/dev/null || die "Maven is required: apt-get install maven"
command -v python3 >/dev/null || die "python3 is required: apt-get install python3"
for tool in curl unzip ss; do command -v "$tool" >/dev/null || die "$tool is required: apt-get install ${tool/ss/iproute2}"; done
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
[ "${java_major%%.*}" -ge 17 ] 2>/dev/null || die "Java 17+ is required, found $java_major."
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing wrk (apt-get install wrk)..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; } \
      || die "Could not install wrk: apt-get install wrk"
  else
    die "wrk is required: apt-get install wrk"
  fi
fi

for port in $HTTP_PORT $MANAGEMENT_PORT; do
  if ss -ltnH "sport = :$port" | grep -q .; then die "Port $port is in use: stop what listens there (ss -ltnp 'sport = :$port')."; fi
done

# 1. The bundle (rebuilt when a source changed) in Keycloak, unpacked once into the git-ignored bench/out/.
ensure_bundle
install_keycloak_with_bundle "$OUT"
# A fresh embedded database every run, so runs are comparable (PostgreSQL: the realm is recreated).
rm -rf "$KC_HOME/data"

# 2. Start: production mode ('start', not 'start-dev'), local caches, one node.
if [ -n "$JDBC_URL" ]; then
  DB_ARGS=(--db=postgres --db-url="$JDBC_URL" ${DB_USER:+--db-username="$DB_USER"})
  [ -n "$DB_PASSWORD" ] && export KC_DB_PASSWORD="$DB_PASSWORD"   # not on the command line, where ps shows it
  DB_DESC="PostgreSQL ($JDBC_URL)"
else
  DB_ARGS=(--db=dev-file)
  DB_DESC="embedded H2 file database (dev-file)"
fi
export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
export JAVA_OPTS_KC_HEAP="${BENCH_HEAP:--Xms2g -Xmx2g}"
# --profile: deep stacks in the JFR recordings (Keycloak's commit path is deeper than JFR's default 64 frames).
case " ${PY_ARGS[*]:-} " in *" --profile "*) export JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:-} -XX:FlightRecorderOptions:stackdepth=256" ;; esac
LOG="$OUT/keycloak.log"
say "Starting Keycloak $KC_VERSION on http://127.0.0.1:$HTTP_PORT ($DB_DESC); log: $LOG"
"$KC_HOME/bin/kc.sh" start "${DB_ARGS[@]}" --cache=local --health-enabled=true \
  --http-enabled=true --http-host=127.0.0.1 --http-port="$HTTP_PORT" --http-management-port="$MANAGEMENT_PORT" \
  --hostname="http://127.0.0.1:$HTTP_PORT" --proxy-headers=xforwarded >"$LOG" 2>&1 &
KC_PID=$!
SINK_PID=""
stop() {
  trap - EXIT INT TERM
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
  java_pid=$(ss -ltnpH "sport = :$HTTP_PORT" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)
  kill "$KC_PID" 2>/dev/null || true
  [ -n "$java_pid" ] && kill "$java_pid" 2>/dev/null || true
  wait "$KC_PID" 2>/dev/null || true
}
trap stop EXIT INT TERM

for _ in $(seq 1 240); do
  kill -0 "$KC_PID" 2>/dev/null || { tail -n 30 "$LOG" >&2; die "Keycloak exited during start-up; see $LOG"; }
  if curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/health/ready" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/health/ready" >/dev/null || die "Keycloak did not become ready within 240 s; see $LOG"
KC_JAVA_PID=$(ss -ltnpH "sport = :$HTTP_PORT" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)
[ -n "$KC_JAVA_PID" ] || die "cannot find the Keycloak JVM listening on $HTTP_PORT"
say "Keycloak is ready (JVM pid $KC_JAVA_PID)."

# 3. The local SMTP sink the email channel sends to (a free port chosen by the OS).
SMTP_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
SINK_FILE="$OUT/smtp-sink.tsv"
: >"$SINK_FILE"
python3 bench/smtp_sink.py "$SMTP_PORT" "$SINK_FILE" >"$OUT/smtp-sink.log" 2>&1 &
SINK_PID=$!

# 4. Realm, users, load, memory, report.
python3 bench/bench.py --base-url "http://127.0.0.1:$HTTP_PORT" --kc-pid "$KC_JAVA_PID" --kc-home "$KC_HOME" \
  --smtp-port "$SMTP_PORT" --sink-file "$SINK_FILE" --db "$DB_DESC" --work "$OUT" "${PY_ARGS[@]}"
