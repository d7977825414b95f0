package net.trader4.keycloak.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import net.trader4.keycloak.cluster.support.KeycloakCluster.MailedCode;
import net.trader4.keycloak.cluster.support.KeycloakCluster;
import net.trader4.keycloak.cluster.support.SilentSmtp;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mail server or Twilio that is down, slow or failing: a clear 503 envelope within a bounded
 * time, the code already pending stays valid (a failed send consumes nothing), and the next
 * request works once the fault is gone.
 */
@Order(3)
class FaultsIT {

    /** The demo user's mobile, reached by SMS through the Twilio stand-in. */
    private static final String MOBILE = "+447888872720";
    /** The username of the demo user who holds {@link #MOBILE}. */
    private static final String MOBILE_HOLDER = "hi@trader4.net";
    /** The realm's SMTP timeouts are 3 s; the Twilio read timeout 2 s. Generous for a loaded machine. */
    private static final long BOUND_MILLIS = 10_000;

    KeycloakCluster cluster;
    ApiClient node1;
    ApiClient node2;

    @BeforeEach
    void setUp() {
        cluster = KeycloakCluster.get();
        node1 = cluster.node(1).api();
        node2 = cluster.node(2).api();
    }

    @Test
    void smtpServerDown() {
        MailedCode mailed = cluster.newUserWithCode(node1);
        String email = mailed.email();
        String pending = mailed.code();
        cluster.mail().stop();
        try {
            assertUnavailableInTime(node2.sign(email));
        } finally {
            cluster.mail().start();
        }
        assertSignedIn(node1, node1.verify(email, pending), email, "the failed send left the pending code alone");
        assertSignInWorks(email);
    }

    @Test
    void smtpServerThatNeverAnswers() throws Exception {
        MailedCode mailed = cluster.newUserWithCode(node2);
        String email = mailed.email();
        String pending = mailed.code();
        try (SilentSmtp silent = new SilentSmtp(KeycloakCluster.SILENT_SMTP_PORT)) {
            cluster.admin().setSmtpPort(KeycloakCluster.SILENT_SMTP_PORT);
            assertUnavailableInTime(node1.sign(email));
        } finally {
            cluster.admin().setSmtpPort(KeycloakCluster.SMTP_PORT);
        }
        assertSignedIn(node2, node2.verify(email, pending), email, "the failed send left the pending code alone");
        assertSignInWorks(email);
    }

    @Test
    void twilioAnswering500() {
        assertEquals(200, node1.sign(MOBILE).status());
        String pending = cluster.twilio().lastSmsCode(MOBILE);
        cluster.twilio().failWith(500, 20500, "Internal Server Error");
        try {
            assertUnavailableInTime(node2.sign(MOBILE));
        } finally {
            cluster.twilio().answerLikeTwilio();
        }
        assertSignedIn(node2, node2.verify(MOBILE, pending), MOBILE_HOLDER, "the failed send left the pending code alone");
        assertSmsSignInWorks();
    }

    @Test
    void twilioHanging() {
        assertEquals(200, node2.sign(MOBILE).status());
        String pending = cluster.twilio().lastSmsCode(MOBILE);
        cluster.twilio().hang();
        try {
            assertUnavailableInTime(node1.sign(MOBILE));
        } finally {
            cluster.twilio().answerLikeTwilio();
        }
        assertSignedIn(node1, node1.verify(MOBILE, pending), MOBILE_HOLDER, "the failed send left the pending code alone");
        assertSmsSignInWorks();
    }

    private static void assertUnavailableInTime(Answer answer) {
        System.out.printf("FAULT answered %d %s in %d ms%n", answer.status(), answer.error(), answer.millis());
        assertEquals(503, answer.status(), answer.toString());
        assertEquals("delivery_unavailable", answer.error());
        assertTrue(answer.millis() < BOUND_MILLIS, "answered within " + BOUND_MILLIS + " ms: " + answer);
    }

    private void assertSignInWorks(String email) {
        int seen = cluster.mail().countTo(email);
        assertEquals(200, node2.sign(email).status());
        assertSignedIn(node1, node1.verify(email, cluster.mail().codeSentTo(email, seen)), email, "a sign-in after the fault");
    }

    private void assertSmsSignInWorks() {
        assertEquals(200, node1.sign(MOBILE).status());
        assertSignedIn(node2, node2.verify(MOBILE, cluster.twilio().lastSmsCode(MOBILE)), MOBILE_HOLDER, "a sign-in after the fault");
    }

    /**
     * A 200 is not yet a sign-in: the answer must carry tokens the realm issued to this user, and
     * Keycloak itself must take the access token.
     */
    private void assertSignedIn(ApiClient api, Answer verified, String username, String what) {
        assertEquals(200, verified.status(), what + ": " + verified);
        JsonNode results = verified.body().path("results");
        String accessToken = results.path("access_token").asText("");
        JsonNode claims = ApiClient.claims(accessToken);
        assertEquals(api.realmUrl(), claims.path("iss").asText(), what + ": issued by the realm: " + claims);
        assertEquals(username, claims.path("preferred_username").asText(), what + ": for the user signed in: " + claims);
        assertEquals(cluster.admin().userId(username), claims.path("sub").asText(), what + ": the user's subject: " + claims);
        assertEquals("bearer", results.path("token_type").asText(), what + ": " + verified);
        assertFalse(results.path("refresh_token").asText("").isEmpty(), what + ": a refresh token: " + verified);
        Answer userinfo = api.userinfo(accessToken);
        assertEquals(200, userinfo.status(), what + ": Keycloak takes the access token: " + userinfo);
        assertEquals(claims.path("sub").asText(), userinfo.body().path("sub").asText(), what + ": " + userinfo);
    }
}
