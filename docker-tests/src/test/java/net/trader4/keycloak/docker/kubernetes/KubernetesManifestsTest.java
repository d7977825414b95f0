package net.trader4.keycloak.docker.kubernetes;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import net.trader4.keycloak.docker.support.DockerTestPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests ({@code kubernetes/}) say what the Docker setup says: our production
 * image, a fixed hostname, forwarded headers believed from the ingress controller only and set by
 * it from the peer, the contract's paths on their own host, secrets only by reference. Read as
 * kubectl and the Keycloak Operator read them; no cluster and no Docker engine needed.
 */
class KubernetesManifestsTest {

    private static final Pattern SENSITIVE = Pattern.compile("(?i).*(password|passwd|secret|token|sid|private|credential).*");
    /** Fields whose value names a Secret object rather than holding one. */
    private static final Set<String> SECRET_NAMES = Set.of("secret", "secretName", "tlsSecret");

    static Path repository;
    static KubernetesManifests manifests;
    static JsonNode keycloak;
    static JsonNode spec;
    static JsonNode apiIngress;

    @BeforeAll
    static void read() {
        repository = DockerTestPaths.repository();
        manifests = KubernetesManifests.in(repository.resolve("kubernetes"));
        keycloak = manifests.single("Keycloak");
        spec = keycloak.path("spec");
        apiIngress = manifests.named("Ingress", "trader4-api");
    }

    @Test
    void theKeycloakResourceIsOneTheOperatorOf26_7Serves() {
        // 26.6 made v2beta1 the stored version; v2alpha1 is deprecated.
        assertEquals("k8s.keycloak.org/v2beta1", keycloak.path("apiVersion").asText());
    }

    @Test
    void itRunsOurProductionImageOptimized() throws IOException {
        String image = spec.path("image").asText();
        Matcher compose = Pattern.compile("image: \\$\\{KEYCLOAK_IMAGE:-([^}]+)}").matcher(read("docker/compose.yaml"));
        assertTrue(compose.find(), "docker/compose.yaml names the production image");
        String name = image.substring(image.lastIndexOf('/') + 1);
        assertEquals(compose.group(1), name.substring(0, name.indexOf(':')), "the image built from docker/Dockerfile: " + image);
        assertFalse(image.startsWith("quay.io/keycloak/"), "the stock image holds none of our providers");
        assertTrue(spec.path("startOptimized").asBoolean(), "a built image starts with start --optimized");
        assertTrue(read("docker/Dockerfile").contains("CMD [\"start\", \"--optimized\"]"));
    }

    @Test
    void theImageIsBuiltWithWhatTheResourceExpects() throws IOException {
        String builder = read("docker/Dockerfile");
        // Build-time options of an optimized image come from the image alone: the operator's are ignored.
        assertTrue(builder.contains("KC_HEALTH_ENABLED=true"), "health built in: the operator's probes ask /health");
        assertTrue(builder.contains("KC_METRICS_ENABLED=true"), "metrics built in");
        assertTrue(builder.contains("KC_DB=" + spec.path("db").path("vendor").asText()), "the database the image was built for");
        assertTrue(builder.contains("EXPOSE 8080 " + spec.path("httpManagement").path("port").asInt()), "the management port the probes use");
        for (JsonNode option : spec.path("additionalOptions")) {
            assertFalse(Set.of("health-enabled", "metrics-enabled", "db", "vault", "features").contains(option.path("name").asText()),
                    "a build-time option here would be silently ignored: " + option);
        }
    }

    @Test
    void theProbesAreTheOperatorsOnTheHealthEndpoints() {
        for (JsonNode container : spec.path("unsupported").path("podTemplate").path("spec").path("containers")) {
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertTrue(container.path(probe).isMissingNode(), "a pod template probe replaces the operator's " + probe);
            }
        }
    }

    @Test
    void theHostnameIsAFixedPublicHttpsUrl() {
        URI hostname = URI.create(spec.path("hostname").path("hostname").asText());
        assertEquals("https", hostname.getScheme());
        assertTrue(hostname.getHost() != null && !hostname.getHost().isEmpty());
        assertFalse(spec.path("hostname").path("strict").isBoolean() && !spec.path("hostname").path("strict").asBoolean(),
                "hostname-strict=false lets URLs follow each request's Host");
        assertTrue(spec.path("ingress").path("enabled").asBoolean(), "the operator's Ingress serves that hostname");
    }

    @Test
    void forwardedHeadersAreBelievedFromTheIngressControllerOnly() {
        assertEquals("xforwarded", spec.path("proxy").path("headers").asText());
        String trusted = option("proxy-trusted-addresses").path("value").asText();
        assertFalse(trusted.isBlank(), "without proxy-trusted-addresses every peer is believed");
        for (String range : trusted.split(",")) {
            String[] cidr = range.trim().split("/");
            int bits = cidr.length == 2 ? Integer.parseInt(cidr[1]) : 32;
            assertTrue(bits >= 8, "a range that wide holds more than the ingress controller: " + range);
        }
        // Trusting the pod network is safe only while no other pod reaches the HTTP port.
        assertTrue(spec.path("networkPolicy").path("enabled").asBoolean(true));
        JsonNode rules = spec.path("networkPolicy").path("http");
        assertTrue(rules.isArray() && !rules.isEmpty(), "without http rules every pod may connect and claim an address");
        for (JsonNode peer : rules) {
            assertFalse(peer.path("namespaceSelector").path("matchLabels").isEmpty(), "a namespace: " + peer);
            assertFalse(peer.path("podSelector").path("matchLabels").isEmpty(), "the controller's pods: " + peer);
            assertTrue(peer.path("ipBlock").isMissingNode(), "an address block lets any pod or node in it through: " + peer);
        }
    }

    @Test
    void theIngressControllerSetsForwardedForFromThePeer() {
        JsonNode controller = manifests.file("ingress-nginx-values.yaml").path("controller");
        JsonNode config = controller.path("config");
        assertEquals("false", config.path("use-forwarded-headers").asText(), "true takes the caller's X-Forwarded-For");
        assertNotEquals("true", config.path("compute-full-forwarded-for").asText(), "appending leaves the caller's address left-most");
        assertEquals("Local", controller.path("service").path("externalTrafficPolicy").asText(),
                "Cluster replaces the caller's address with a node's");
    }

    @Test
    void theApiIngressServesEveryContractPathOnItsOwnHost() throws IOException {
        Matcher proxyPass = Pattern.compile("location /v1/oauth/ \\{\\s*proxy_pass http://[^/]+(/realms/[^;]+/);")
                .matcher(read("docker/nginx.conf"));
        assertTrue(proxyPass.find(), "docker/nginx.conf maps /v1/oauth/");
        String upstreamBase = proxyPass.group(1);
        String host = apiIngress.path("spec").path("rules").path(0).path("host").asText();
        assertNotEquals(URI.create(spec.path("hostname").path("hostname").asText()).getHost(), host, "the API's own host");

        Set<String> paths = ContractPaths.of(repository);
        for (String expected : List.of("/sign", "/verify", "/verify/second-factor", "/google", "/google/callback", "/google/token",
                "/qr", "/qr/authorize")) {
            assertTrue(paths.contains(expected), "contract path " + expected + " found in " + paths);
        }
        for (String path : paths) {
            Optional<IngressNginxRoute> route = IngressNginxRoute.of(apiIngress, host, "/v1/oauth" + path);
            assertTrue(route.isPresent(), "routed: /v1/oauth" + path);
            assertEquals(upstreamBase + path.substring(1), route.get().upstreamPath(), "as docker/nginx.conf maps /v1/oauth" + path);
        }
        for (String other : List.of("/admin/master/console/", "/realms/master/protocol/openid-connect/token", "/v1/oauthx/sign", "/")) {
            assertTrue(IngressNginxRoute.of(apiIngress, host, other).isEmpty(), "the API host serves the contract only, not " + other);
        }
        assertTrue(apiIngress.path("spec").path("tls").path(0).path("hosts").toString().contains("\"" + host + "\""), "TLS for " + host);
    }

    @Test
    void theApiIngressForwardsToTheServiceTheOperatorCreates() throws IOException {
        String host = apiIngress.path("spec").path("rules").path(0).path("host").asText();
        IngressNginxRoute route = IngressNginxRoute.of(apiIngress, host, "/v1/oauth/sign").orElseThrow();
        assertEquals(keycloak.path("metadata").path("name").asText() + "-service", route.service());
        JsonNode http = spec.path("http");
        String protocol = apiIngress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/backend-protocol").asText("HTTP");
        // The operator's Service has 8080 unless TLS is set without HTTP, and 8443 when TLS is set.
        if (route.port() == 8080) {
            assertTrue(http.path("httpEnabled").asBoolean() || !http.hasNonNull("tlsSecret"), "port 8080 exists");
            assertEquals("HTTP", protocol);
        } else {
            assertEquals(8443, route.port(), "the operator's Service has 8080 and 8443 only");
            assertTrue(http.hasNonNull("tlsSecret"), "port 8443 exists with TLS only");
            assertEquals("HTTPS", protocol);
        }
        Matcher limit = Pattern.compile("client_max_body_size (\\w+);").matcher(read("docker/nginx.conf"));
        assertTrue(limit.find());
        assertEquals(limit.group(1), apiIngress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/proxy-body-size").asText(),
                "bodies over the API's limit stop at the proxy, as in compose");
    }

    @Test
    void secretsAreOnlyReferencedNeverWritten() {
        List<String> written = new ArrayList<>();
        for (JsonNode document : manifests.documents()) {
            if ("Secret".equals(document.path("kind").asText())) {
                written.add("a Secret object: " + document.path("metadata").path("name").asText());
            }
            collectWritten(document, "", written);
        }
        assertEquals(List.of(), written);

        JsonNode db = spec.path("db");
        for (String field : List.of("usernameSecret", "passwordSecret")) {
            assertFalse(db.path(field).path("name").asText().isEmpty(), field);
            assertFalse(db.path(field).path("key").asText().isEmpty(), field);
        }
        assertFalse(spec.path("bootstrapAdmin").path("user").path("secret").asText().isEmpty(), "the first admin from a Secret");
        for (JsonNode option : spec.path("additionalOptions")) {
            if (SENSITIVE.matcher(option.path("name").asText()).matches()) {
                assertTrue(option.path("value").isMissingNode() && option.path("secret").has("name"), "a secret reference: " + option);
            }
        }
    }

    @Test
    void theDemoDatabaseIsTheOneTheResourceConnectsTo() {
        JsonNode db = spec.path("db");
        JsonNode service = manifests.named("Service", db.path("host").asText());
        assertEquals(db.path("port").asInt(), service.path("spec").path("ports").path(0).path("port").asInt());
        JsonNode postgres = manifests.single("StatefulSet").path("spec").path("template").path("spec").path("containers").path(0);
        Map<String, JsonNode> env = new HashMap<>();
        postgres.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        assertEquals(db.path("database").asText(), env.get("POSTGRES_DB").path("value").asText());
        assertEquals(db.path("usernameSecret"), env.get("POSTGRES_USER").path("valueFrom").path("secretKeyRef"));
        assertEquals(db.path("passwordSecret"), env.get("POSTGRES_PASSWORD").path("valueFrom").path("secretKeyRef"));
    }

    /** Any written value under a name that reads like a secret: a field, or a {name, value} entry. */
    private static void collectWritten(JsonNode node, String at, List<String> written) {
        if (node.isObject()) {
            if (node.has("name") && node.has("value") && SENSITIVE.matcher(node.path("name").asText()).matches()) {
                written.add(at + ": " + node.path("name").asText() + " has a written value");
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isValueNode() && SENSITIVE.matcher(field.getKey()).matches()
                        && !SECRET_NAMES.contains(field.getKey())) {
                    written.add(at + "." + field.getKey() + " is written");
                }
                collectWritten(field.getValue(), at + "." + field.getKey(), written);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectWritten(node.get(i), at + "[" + i + "]", written);
            }
        }
    }

    private static JsonNode option(String name) {
        return StreamSupport.stream(spec.path("additionalOptions").spliterator(), false)
                .filter(o -> name.equals(o.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("additionalOptions has no " + name));
    }

    private static String read(String file) throws IOException {
        return Files.readString(repository.resolve(file));
    }
}
