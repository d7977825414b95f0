package net.trader4.keycloak.it;

import java.util.Map;

import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.PrometheusText;
import net.trader4.keycloak.it.support.QrApi;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our meters on Keycloak's {@code /metrics} (management port), read before and after the traffic
 * the test drives: each counter moves by exactly what was done.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class MetricsIT {

    private static final String COOLDOWN = "trader4.otp.resendCooldownSeconds";

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void countersMoveByExactlyTheTrafficDriven() {
        ApiClient api = new ApiClient(realm.getBaseUrl());
        TestUsers.liftPerIpCaps(realm);
        // Long enough that the second code below meets the cooldown however slow the machine is.
        TestUsers.setRealmAttributes(realm, Map.of(COOLDOWN, "600"));
        try {
            String email = TestUsers.newEmailUser(realm);
            PrometheusText before = PrometheusText.read(urls.getMetric());

            assertEquals(200, api.sign(email).status());
            String code = Mailbox.codeSentTo(mail, email, 0);
            Answer wrong = api.verify(email, code.equals("000000") ? "111111" : "000000");
            assertEquals("invalid_code", wrong.error(), wrong.toString());
            Answer right = api.verify(email, code);
            assertEquals(200, right.status(), right.toString());
            Answer early = api.sign(email);
            assertEquals(429, early.status(), early.toString());
            Answer qr = new QrApi(api).create();
            assertEquals(200, qr.status(), qr.toString());

            PrometheusText after = PrometheusText.read(urls.getMetric());
            String realmName = realm.getName();
            assertMoved(1, before, after, "trader4_otp_codes_sent_total",
                    "realm", realmName, "channel", "email", "country", "none", "purpose", "sign_in");
            assertMoved(1, before, after, "trader4_otp_codes_sent_total", "realm", realmName);
            assertMoved(1, before, after, "trader4_otp_delivery_seconds_count",
                    "realm", realmName, "channel", "email", "outcome", "success");
            assertMoved(1, before, after, "trader4_otp_verifies_total",
                    "realm", realmName, "identifier_type", "email", "purpose", "sign_in", "outcome", "wrong_code");
            assertMoved(1, before, after, "trader4_otp_verifies_total",
                    "realm", realmName, "identifier_type", "email", "purpose", "sign_in", "outcome", "success");
            assertMoved(2, before, after, "trader4_otp_verifies_total", "realm", realmName);
            assertMoved(1, before, after, "trader4_otp_sends_refused_total",
                    "realm", realmName, "guard", "cooldown", "purpose", "sign_in");
            assertMoved(1, before, after, "trader4_otp_sends_refused_total", "realm", realmName);
            assertMoved(1, before, after, "trader4_qr_requests_total",
                    "realm", realmName, "step", "create", "origin", "api", "outcome", "created");
            assertMoved(1, before, after, "trader4_qr_requests_total", "realm", realmName);
            assertTrue(after.has("trader4_qr_long_polls_open"), "the gauge of waiting checks is shown");
            assertEquals(0, after.sum("trader4_qr_long_polls_open"), "no check is waiting now");
        } finally {
            TestUsers.removeRealmAttribute(realm, COOLDOWN);
        }
    }

    private static void assertMoved(double expected, PrometheusText before, PrometheusText after, String name, String... labels) {
        assertEquals(expected, after.sum(name, labels) - before.sum(name, labels), 0.0001,
                name + " " + String.join(",", labels));
    }
}
