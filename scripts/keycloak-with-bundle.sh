# Sourced by ./run.sh and bench/run.sh, from the repository root, after they define say():
# the bundle, rebuilt only when one of its sources is newer than the jar; the Keycloak
# distribution, fetched through Maven and unpacked once; the bundle installed into it.

KC_VERSION=26.7.3
# What the bundle is built from: a change to any of these rebuilds it.
BUNDLE_SOURCES=(pom.xml trader4-common wallet-signatures otp-authenticator twilio-delivery qr-login-authenticator trader4-rest-resource trader4-admin themes bundle)

# Sets BUNDLE_JAR to the drop-in bundle, building it first when it is missing or stale.
ensure_bundle() {
  BUNDLE_JAR=$(ls bundle/target/trader4-keycloak-bundle-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
  if [ -z "$BUNDLE_JAR" ] || [ -n "$(find "${BUNDLE_SOURCES[@]}" -newer "$BUNDLE_JAR" -type f -not -path '*/target/*' -print -quit)" ]; then
    say "Building the provider bundle (mvn package)..."
    mvn -B -q -DskipTests -pl bundle -am package
    BUNDLE_JAR=$(ls bundle/target/trader4-keycloak-bundle-*.jar | grep -v original | head -n 1)
  fi
}

# Unpacks Keycloak into $1/keycloak-$KC_VERSION unless it is there, then installs $BUNDLE_JAR.
install_keycloak_with_bundle() {
  local dir="$1"
  local home="$dir/keycloak-$KC_VERSION"
  if [ ! -x "$home/bin/kc.sh" ]; then
    say "Getting Keycloak $KC_VERSION through Maven..."
    mkdir -p "$dir"
    mvn -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$dir"
    (cd "$dir" && unzip -q -o "keycloak-quarkus-dist-$KC_VERSION.zip" && rm -f "keycloak-quarkus-dist-$KC_VERSION.zip")
  fi
  rm -f "$home"/providers/trader4-keycloak*.jar
  cp "$BUNDLE_JAR" "$home/providers/trader4-keycloak.jar"
}
