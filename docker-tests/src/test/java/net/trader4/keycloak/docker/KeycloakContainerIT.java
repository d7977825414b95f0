package net.trader4.keycloak.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dasniko.testcontainers.keycloak.KeycloakContainer;
import net.trader4.keycloak.docker.support.DockerEngine;
import net.trader4.keycloak.docker.support.DockerTestPaths;
import net.trader4.keycloak.docker.support.LocalBaseImages;
import net.trader4.keycloak.docker.support.Mailbox;
import net.trader4.keycloak.docker.support.ProductionImage;
import net.trader4.keycloak.docker.support.RequireDocker;
import net.trader4.keycloak.docker.support.SharedProductionImage;
import net.trader4.keycloak.docker.support.Timings;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.info.SpiInfoRepresentation;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.PullPolicy;
import org.testcontainers.utility.DockerImageName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production image under testcontainers-keycloak, as an application's own container tests
 * would use it: {@link KeycloakContainer} starts it as built ({@code start --optimized}) with
 * PostgreSQL on a network of its own, imports the test's realm file, and waits on the management
 * port it publishes through the default bridge. Ryuk cannot be pulled here (failsafe disables it),
 * so this class removes its containers and network itself.
 */
@ExtendWith({RequireDocker.class, SharedProductionImage.class})
class KeycloakContainerIT {

    private static final String REALM = "containers";
    private static final String USER = "container-user@example.test";
    private static final String REALM_FILE = "keycloak-container/containers-realm.json";
    // A start on a loaded 2-core machine has taken minutes: the bound is for a hung server.
    private static final Duration START_BOUND = Duration.ofMinutes(10);

    static Path logs;
    static Mailbox mail;
    static Network network;
    static GenericContainer<?> postgres;
    static KeycloakContainer keycloak;
    static Keycloak admin;

    @BeforeAll
    static void start(ProductionImage image) throws IOException {
        DockerEngine engine = new DockerEngine(DockerTestPaths.logs().resolve("keycloak-container"));
        logs = engine.logs();
        Timings timings = new Timings(logs.resolve("timings.txt"));
        mail = new Mailbox(engine.bridgeAddress());
        network = Network.newNetwork();
        String databasePassword = UUID.randomUUID().toString();
        postgres = new GenericContainer<>(DockerImageName.parse(LocalBaseImages.POSTGRES))
                .withImagePullPolicy(PullPolicy.defaultPolicy())
                .withNetwork(network)
                .withNetworkAliases("postgres")
                .withEnv(Map.of("POSTGRES_DB", "keycloak", "POSTGRES_USER", "keycloak", "POSTGRES_PASSWORD", databasePassword))
                // Ready once it listens on TCP: the first start's initdb runs a server on the socket only.
                .waitingFor(Wait.forSuccessfulCommand("pg_isready -h 127.0.0.1 -U keycloak -d keycloak").withStartupTimeout(START_BOUND));
        keycloak = new KeycloakContainer(ProductionImage.TAG)
                // Built here, never pulled: only a missing image would be looked for in a registry.
                .withImagePullPolicy(PullPolicy.defaultPolicy())
                // The image is built for PostgreSQL (kc.sh build): it starts as in production, not start-dev.
                .withOptimizedFlag()
                .withAdminPassword(UUID.randomUUID().toString())
                .withNetwork(network)
                .withEnv(Map.of("KC_DB_URL", "jdbc:postgresql://postgres:5432/keycloak", "KC_DB_USERNAME", "keycloak",
                        "KC_DB_PASSWORD", databasePassword, "KC_HTTP_ENABLED", "true",
                        // Tokens name whatever address the test reached the mapped port at.
                        "KC_HOSTNAME_STRICT", "false",
                        // The realm file's ${TRADER4_TEST_SMTP_PORT}: the import resolves it from the environment.
                        "TRADER4_TEST_SMTP_PORT", String.valueOf(mail.port())))
                .withExtraHost("host.docker.internal", "host-gateway")
                .withRealmImportFile(REALM_FILE)
                .withStartupTimeout(START_BOUND);
        timings.note("PostgreSQL container started (first start: initdb)", took(postgres::start));
        timings.note("KeycloakContainer started (until /health/ready answered on the mapped management port)", took(keycloak::start));
        timings.note("Keycloak's own start: " + Timings.keycloakStart(keycloak.getLogs()).orElse("not found in its log"));
        admin = keycloak.getKeycloakAdminClient();
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (admin != null) {
                admin.close();
            }
            if (keycloak != null && keycloak.getContainerId() != null) {
                Files.writeString(logs.resolve("keycloak.log"), keycloak.getLogs(), StandardCharsets.UTF_8);
            }
        } finally {
            // Without Ryuk nothing else removes them: each stop removes its container and volumes.
            if (keycloak != null) {
                keycloak.stop();
            }
            if (postgres != null) {
                postgres.stop();
            }
            if (network != null) {
                network.close();
            }
            if (mail != null) {
                mail.close();
            }
        }
    }

    @Test
    void theContainerImportsTheTestsRealmFileWithItsPlaceholdersResolved() {
        Set<String> realms = admin.realms().findAll().stream().map(RealmRepresentation::getRealm).collect(Collectors.toSet());
        assertEquals(Set.of("master", REALM), realms, "only the imported realm beside master");
        RealmRepresentation realm = admin.realm(REALM).toRepresentation();
        assertEquals(String.valueOf(mail.port()), realm.getSmtpServer().get("port"), "the environment placeholder was not resolved");
        assertEquals(1, admin.realm(REALM).users().searchByEmail(USER, true).size(), "the realm file's user");
    }

    @Test
    void theServerInfoListsOurProviders() {
        Map<String, SpiInfoRepresentation> spis = admin.serverInfo().getInfo().getProviders();
        assertProviders(spis, "realm-restapi-extension", "trader4");
        assertProviders(spis, "authenticator", "trader4-otp-form", "trader4-qr-login");
        assertProviders(spis, "required-action", "trader4-verified-phone-number");
        assertProviders(spis, "trader4-otp-delivery-channel", "email", "log", "sms", "voice");
    }

    @Test
    void aUserSignsInThroughTheApiWithAMailedCodeAndGetsKeycloakTokens() {
        ApiClient api = new ApiClient(keycloak.getAuthServerUrl() + "/realms/" + REALM);
        ApiClient.Answer sign = api.sign(USER);
        assertEquals(200, sign.status(), sign.toString());
        assertTrue(sign.succeed(), sign.toString());
        String code = mail.codeSentTo(USER, Waits.BOUND);

        ApiClient.Answer verify = api.verify(USER, code);
        assertEquals(200, verify.status(), verify.toString());
        assertTrue(verify.succeed(), verify.toString());
        String accessToken = verify.results().path("access_token").asText();
        JsonNode claims = ApiClient.claims(accessToken);
        assertEquals(api.realmUrl(), claims.path("iss").asText(), "the realm at the address the test reached it");
        assertEquals("trader4-api", claims.path("azp").asText(), claims.toString());

        ApiClient.Answer userinfo = api.userinfo(accessToken);
        assertEquals(200, userinfo.status(), userinfo.toString());
        assertEquals(USER, userinfo.body().path("email").asText(), userinfo.toString());
    }

    private static void assertProviders(Map<String, SpiInfoRepresentation> spis, String spi, String... providers) {
        SpiInfoRepresentation info = spis.get(spi);
        assertTrue(info != null, "no SPI " + spi + " in the server info");
        assertTrue(info.getProviders().keySet().containsAll(Set.of(providers)),
                spi + " lacks some of " + Set.of(providers) + ": " + info.getProviders().keySet());
    }

    private static Duration took(Runnable step) {
        long started = System.nanoTime();
        step.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
