#!/usr/bin/env bash
# Builds, from Debian packages and the Keycloak distribution in Maven Central, the images that
# docker/compose.yaml and docker/Dockerfile start FROM, for machines that reach no container
# registry. Each image that the engine already has is kept: a real one is never replaced.
#
#   docker/local-base/build.sh
#
#   trader4-local/debian:bookworm        debootstrap of Debian bookworm with a Java 17 runtime
#   quay.io/keycloak/keycloak:26.7.3     the Keycloak distribution on it, laid out as the official image
#   trader4-local/postgres:15            Debian's PostgreSQL, with the official image's POSTGRES_* variables
#   trader4-local/nginx:bookworm         Debian's nginx, reading /etc/nginx/conf.d/*.conf
#
# Environment: DEBIAN_MIRROR (default: the Debian mirror apt uses here), KEYCLOAK_DIST_ZIP (default:
# fetched through Maven). Needs root (debootstrap), debootstrap, unzip and a Docker engine.
set -euo pipefail
cd "$(dirname "$0")"

KC_VERSION=26.7.3
BASE=trader4-local/debian:bookworm
KEYCLOAK=quay.io/keycloak/keycloak:$KC_VERSION
POSTGRES=trader4-local/postgres:15
NGINX=trader4-local/nginx:bookworm

say() { printf '[local-base] %s\n' "$*"; }
die() { printf '[local-base] %s\n' "$*" >&2; exit 1; }
has_image() { docker image inspect "$1" >/dev/null 2>&1; }
seconds_since() { echo $(( $(date +%s) - $1 )); }

# The first Debian archive in apt's own sources (one-line or deb822 format), not the security one.
apt_mirror() {
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -E '^[[:space:]]*(deb[[:space:]]|URIs:)' | grep -oE 'https?://[^[:space:]]+/debian/?([[:space:]]|$)' \
    | head -n 1 | tr -d '[:space:]'
}

build_base() {
  command -v debootstrap >/dev/null || die "debootstrap is missing: apt-get install -y debootstrap"
  local mirror="${DEBIAN_MIRROR:-$(apt_mirror)}"
  [ -n "$mirror" ] || die "No Debian mirror found in /etc/apt/sources.list*: set DEBIAN_MIRROR."
  local rootfs started
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' RETURN
  say "debootstrap bookworm from $mirror (about 1 to 7 minutes)..."
  started=$(date +%s)
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,curl bookworm "$rootfs" "$mirror" >"$rootfs.log" 2>&1 \
    || { tail -n 20 "$rootfs.log" >&2; die "debootstrap failed (log: $rootfs.log)"; }
  rm -f "$rootfs.log"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import - "$BASE" >/dev/null
  say "$BASE built in $(seconds_since "$started") s"
}

build_keycloak() {
  local zip="${KEYCLOAK_DIST_ZIP:-}" context started
  context=$(mktemp -d)
  trap 'rm -rf "$context"' RETURN
  if [ -z "$zip" ]; then
    mvn -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$context"
    zip="$context/keycloak-quarkus-dist-$KC_VERSION.zip"
  fi
  unzip -q "$zip" -d "$context"
  rm -f "$context"/*.zip
  cp keycloak.Dockerfile "$context/Dockerfile"
  started=$(date +%s)
  docker build -q --build-arg "BASE=$BASE" --build-arg "KC_VERSION=$KC_VERSION" -t "$KEYCLOAK" "$context" >/dev/null
  say "$KEYCLOAK built in $(seconds_since "$started") s"
}

build_from_debian() {
  local image="$1" dockerfile="$2" started
  started=$(date +%s)
  docker build -q --build-arg "BASE=$BASE" -t "$image" -f "$dockerfile" . >/dev/null
  say "$image built in $(seconds_since "$started") s"
}

docker info >/dev/null 2>&1 || die "No Docker engine answers: install docker.io and start dockerd."
has_image "$BASE" || build_base
has_image "$KEYCLOAK" || build_keycloak
has_image "$POSTGRES" || build_from_debian "$POSTGRES" postgres.Dockerfile
has_image "$NGINX" || build_from_debian "$NGINX" nginx.Dockerfile
say "Ready: $KEYCLOAK, $POSTGRES, $NGINX"
