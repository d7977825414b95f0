package net.trader4.keycloak.docker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.trader4.keycloak.docker.support.AdminApi;
import net.trader4.keycloak.docker.support.Command;
import net.trader4.keycloak.docker.support.ComposeStack;
import net.trader4.keycloak.docker.support.DockerEngine;
import net.trader4.keycloak.docker.support.DockerTestPaths;
import net.trader4.keycloak.docker.support.LocalBaseImages;
import net.trader4.keycloak.docker.support.Mailbox;
import net.trader4.keycloak.docker.support.OperatorRealm;
import net.trader4.keycloak.docker.support.ProductionImage;
import net.trader4.keycloak.docker.support.RequireDocker;
import net.trader4.keycloak.docker.support.SharedProductionImage;
import net.trader4.keycloak.docker.support.Timings;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production image as an operator runs it: built from {@code docker/Dockerfile} with this
 * reactor's bundle, started by {@code docker/compose.yaml} with PostgreSQL and the API proxy, a
 * realm created through the admin API, a user signed in through the proxy with a mailed code.
 * The realm check runs before the realm is created.
 */
@ExtendWith({RequireDocker.class, SharedProductionImage.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionImageIT {

    private static final String REALM = "trader4";
    private static final String DEMO_USER = "hi@trader4.net";

    static ProductionImage image;
    static Mailbox mail;
    static ComposeStack stack;
    /** Readiness asked the moment compose was done: compose starts the proxy only once Keycloak's health check passed. */
    static ApiClient.Answer readyWhenComposeWasDone;

    @BeforeAll
    static void buildAndStart(ProductionImage built) throws IOException {
        DockerEngine engine = new DockerEngine(DockerTestPaths.logs().resolve("production"));
        Timings timings = new Timings(engine.logs().resolve("timings.txt"));
        image = built;
        mail = new Mailbox(engine.bridgeAddress());
        Map<String, String> settings = new HashMap<>(LocalBaseImages.composeImages(ProductionImage.TAG));
        settings.put("POSTGRES_PASSWORD", UUID.randomUUID().toString());
        settings.put("KC_ADMIN_PASSWORD", UUID.randomUUID().toString());
        stack = ComposeStack.prepare(engine, DockerTestPaths.repository(), List.of("docker/compose.yaml", DockerTestPaths.testComposeFile()),
                null, settings);
        timings.note("compose up (PostgreSQL first start, Keycloak start until healthy, proxy)", stack.up());
        readyWhenComposeWasDone = client().send(get(stack.managementUrl() + "/health/ready"));
        timings.note("Keycloak's own start: " + Timings.keycloakStart(stack.logs()).orElse("not found in its log"));
    }

    @AfterAll
    static void stop() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (mail != null) {
                mail.close();
            }
        }
    }

    @Test
    @Order(1)
    void theImageCarriesOurProvidersButNoRealmToImport() throws IOException {
        Command.Result providers = image.list("/opt/keycloak/providers");
        assertTrue(providers.output().contains("trader4-keycloak.jar"), "the bundle is not in the image: " + providers.output());
        Command.Result imports = image.list("/opt/keycloak/data/import");
        assertNotEquals(0, imports.exitCode(), "the production image has realms to import: " + imports.output());
        assertTrue(imports.output().contains("No such file or directory"), imports.output());

        JsonNode config = image.config();
        assertEquals("1000", config.path("User").asText(), "the image must run as Keycloak's user, not root");
        assertEquals(List.of("/opt/keycloak/bin/kc.sh"), strings(config.path("Entrypoint")));
        assertEquals(List.of("start", "--optimized"), strings(config.path("Cmd")));
    }

    @Test
    @Order(2)
    void theStartedServerRunsAsKeycloaksUserAndHoldsNoRealmButMaster() throws IOException {
        assertEquals("1000", stack.exec("keycloak", "id", "-u").strip());
        assertEquals(List.of("master"), admin().realmNames(), "the production image created a realm by itself");
    }

    @Test
    @Order(3)
    void composeWaitsUntilKeycloakIsReadyAndMetricsAnswerOnTheManagementPort() {
        ApiClient.Answer ready = readyWhenComposeWasDone;
        assertEquals(200, ready.status(), "compose's health check passed before Keycloak was ready: " + ready);
        assertEquals("UP", ready.body().path("status").asText(), ready.toString());
        ApiClient.Answer metrics = client().send(get(stack.managementUrl() + "/metrics"));
        assertEquals(200, metrics.status(), metrics.toString());
        assertTrue(metrics.raw().body().contains("jvm_memory_used_bytes"), "no JVM metrics: " + metrics.raw().body());
    }

    @Test
    @Order(4)
    void aRealmCreatedThroughTheAdminApiSignsAUserInThroughTheProxy() throws IOException {
        AdminApi admin = admin();
        admin.createRealm(OperatorRealm.from(DockerTestPaths.repository().resolve("realm/trader4-realm.json"),
                "host.docker.internal", mail.port()));
        String email = "d-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        admin.createUser(REALM, email, "Docker");

        ApiClient.Answer sign = client().send(postJson(stack.apiUrl() + "/v1/oauth/sign", Map.of("id", email)));
        assertEquals(200, sign.status(), sign.toString());
        assertTrue(sign.succeed(), sign.toString());
        String code = mail.codeSentTo(email, Waits.BOUND);

        ApiClient.Answer verify = client().send(postJson(stack.apiUrl() + "/v1/oauth/verify", Map.of("id", email, "code", code)));
        assertEquals(200, verify.status(), verify.toString());
        assertTrue(verify.succeed(), verify.toString());
        String accessToken = verify.results().path("access_token").asText();
        JsonNode claims = ApiClient.claims(accessToken);
        assertEquals(stack.keycloakUrl() + "/realms/" + REALM, claims.path("iss").asText(), "tokens name the configured hostname");

        ApiClient.Answer userinfo = client().userinfo(accessToken);
        assertEquals(200, userinfo.status(), userinfo.toString());
        assertEquals(email, userinfo.body().path("email").asText(), userinfo.toString());

        String rows = stack.exec("postgres", "psql", "-U", "keycloak", "-d", "keycloak", "-tAc",
                "SELECT count(*) FROM user_entity WHERE email = '" + email + "' OR email = '" + DEMO_USER + "'");
        assertEquals("1", rows.strip(), "the user is kept in PostgreSQL, and the demo user is not there");
    }

    private static AdminApi admin() {
        return new AdminApi(stack.keycloakUrl(), stack.adminPassword());
    }

    private static ApiClient client() {
        return new ApiClient(stack.keycloakUrl() + "/realms/" + REALM);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest postJson(String url, Map<String, String> fields) throws IOException {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new ObjectMapper().writeValueAsBytes(fields))).build();
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
