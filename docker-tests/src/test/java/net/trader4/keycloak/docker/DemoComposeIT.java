package net.trader4.keycloak.docker;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import net.trader4.keycloak.docker.support.AdminApi;
import net.trader4.keycloak.docker.support.ComposeStack;
import net.trader4.keycloak.docker.support.DockerEngine;
import net.trader4.keycloak.docker.support.DockerTestPaths;
import net.trader4.keycloak.docker.support.LocalBaseImages;
import net.trader4.keycloak.docker.support.Poll;
import net.trader4.keycloak.docker.support.ProductionImage;
import net.trader4.keycloak.docker.support.RequireDocker;
import net.trader4.keycloak.docker.support.SharedProductionImage;
import net.trader4.keycloak.docker.support.Timings;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo as docs/operations.md starts it: compose.yaml with compose.demo.yaml and demo.env, on
 * the same production image. Its mail catcher is an image no registry here serves, so Keycloak and
 * the one-shot {@code configure} run without it: the realm is only pointed at it.
 */
@ExtendWith({RequireDocker.class, SharedProductionImage.class})
class DemoComposeIT {

    private static final String REALM = "trader4";

    static ComposeStack stack;

    @BeforeAll
    static void buildAndStart(ProductionImage image) throws IOException {
        DockerEngine engine = new DockerEngine(DockerTestPaths.logs().resolve("demo"));
        Timings timings = new Timings(engine.logs().resolve("timings.txt"));
        // The stack runs the image by its tag: it is built by the time it is handed in here.
        stack = ComposeStack.prepare(engine, DockerTestPaths.repository(),
                List.of("docker/compose.yaml", "docker/compose.demo.yaml", DockerTestPaths.testComposeFile()),
                DockerTestPaths.repository().resolve("docker/demo.env"), LocalBaseImages.composeImages(ProductionImage.TAG));
        timings.note("demo compose up (PostgreSQL first start, Keycloak start with the realm import until healthy)",
                stack.up("keycloak", "configure"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theDemoRealmIsImportedWithItsTestUser() throws IOException {
        AdminApi admin = new AdminApi(stack.keycloakUrl(), stack.adminPassword());
        assertTrue(admin.realmNames().contains(REALM), "no demo realm: " + admin.realmNames());
        JsonNode users = admin.usersNamed(REALM, "hi@trader4.net");
        assertEquals(1, users.size(), "the demo user: " + users);
    }

    @Test
    void theConfigureStepPointsTheDemoRealmAtTheMailCatcher() {
        AdminApi admin = new AdminApi(stack.keycloakUrl(), stack.adminPassword());
        String host = Poll.until(Waits.BOUND, "SMTP host 'mail' in the demo realm", () -> {
            try {
                String configured = admin.realm(REALM).path("smtpServer").path("host").asText();
                return "mail".equals(configured) ? configured : null;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("mail", host);
    }
}
