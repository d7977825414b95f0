package net.trader4.keycloak.it;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.trader4.keycloak.it.support.BehindProxyServerConfig;
import net.trader4.keycloak.it.support.LoopbackCaller;
import net.trader4.keycloak.it.support.LoopbackCaller.Reply;
import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.ShippedApiProxy;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.support.ui.FluentWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API proxy as shipped ({@code docker/nginx.conf}, run by the real nginx) in front of a Keycloak
 * that believes forwarded headers from the proxy only: whatever {@code X-Forwarded-For} a caller
 * makes up, the per-address caps and the address in Keycloak's events are the caller's real one.
 */
@KeycloakIntegrationTest(config = BehindProxyServerConfig.class)
class ShippedProxyIT {

    private static final String MADE_UP = "203.0.113.7";

    static ShippedApiProxy proxy;

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @BeforeEach
    void startProxy() throws IOException {
        if (proxy == null) {
            proxy = ShippedApiProxy.start(realm.getBaseUrl());
        }
        TestUsers.liftPerIpCaps(realm);
    }

    @AfterAll
    static void stopProxy() {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }

    @Test
    void madeUpForwardedForAddressesDoNotEscapeThePerAddressSendCap() throws IOException {
        LoopbackCaller caller = LoopbackCaller.fresh();
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.sendsPerIpPerHour", "3"));
        try {
            for (int i = 1; i <= 3; i++) {
                Reply sign = signThroughProxy(caller, nobody(), "203.0.113." + i);
                assertEquals(200, sign.status(), sign.toString());
            }
            Reply capped = signThroughProxy(caller, nobody(), "203.0.113.99, 198.51.100.4");
            assertEquals(429, capped.status(), "a fourth made-up address is still the same caller: " + capped);
            assertEquals("rate_limited", capped.error());

            // Claiming the capped caller's address costs another caller nothing but its own budget.
            Reply other = signThroughProxy(LoopbackCaller.fresh(), nobody(), caller.address());
            assertEquals(200, other.status(), other.toString());
        } finally {
            TestUsers.liftPerIpCaps(realm);
        }
    }

    @Test
    void theSignInEventRecordsTheRealPeerNotTheClaimedOne() throws IOException {
        String email = TestUsers.newEmailUser(realm);
        LoopbackCaller caller = LoopbackCaller.fresh();
        int seen = Mailbox.messagesTo(mail, email).length;
        Reply sign = signThroughProxy(caller, email, MADE_UP);
        assertEquals(200, sign.status(), sign.toString());
        Reply verify = caller.postForm(proxy.url() + "/v1/oauth/verify",
                Map.of("id", email, "code", Mailbox.codeSentTo(mail, email, seen)), Map.of("X-Forwarded-For", MADE_UP));
        assertEquals(200, verify.status(), verify.toString());

        assertEquals(caller.address(), loginEventAddress(email));
    }

    @Test
    void aCallerThatBypassesTheProxyCannotClaimAnAddressEither() throws IOException {
        String email = TestUsers.newEmailUser(realm);
        LoopbackCaller caller = LoopbackCaller.fresh();
        String api = realm.getBaseUrl().replace("://localhost:", "://127.0.0.1:") + "/trader4/v1/oauth/";
        Map<String, String> claims = Map.of("X-Forwarded-For", MADE_UP, "X-Forwarded-Host", "attacker.example");
        int seen = Mailbox.messagesTo(mail, email).length;
        assertEquals(200, caller.postForm(api + "sign", Map.of("id", email), claims).status());
        Reply verify = caller.postForm(api + "verify", Map.of("id", email, "code", Mailbox.codeSentTo(mail, email, seen)), claims);
        assertEquals(200, verify.status(), verify.toString());

        String recorded = loginEventAddress(email);
        assertNotEquals(MADE_UP, recorded);
        assertEquals(caller.address(), recorded, "Keycloak believes forwarded headers from the proxy only");
    }

    @Test
    void aBodyOverTheApisLimitStopsAtTheProxy() throws IOException {
        // Keycloak's HTTP layer would read a form body whole before the API's 16 KiB check: the proxy refuses it first.
        Reply refused = LoopbackCaller.fresh().postForm(proxy.url() + "/v1/oauth/sign",
                Map.of("id", "someone@example.test", "padding", "x".repeat(64 * 1024)), Map.of());
        assertEquals(413, refused.status(), refused.toString());
        assertTrue(refused.head().toLowerCase().contains("server: nginx"), "answered by the proxy: " + refused.head());
    }

    private Reply signThroughProxy(LoopbackCaller caller, String id, String forwardedFor) throws IOException {
        return caller.postForm(proxy.url() + "/v1/oauth/sign", Map.of("id", id), Map.of("X-Forwarded-For", forwardedFor));
    }

    private String loginEventAddress(String email) {
        String userId = TestUsers.byEmail(realm, email).getId();
        return new FluentWait<>(realm).withTimeout(Waits.BOUND).pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> "no LOGIN event for " + email)
                .until(r -> {
                    List<EventRepresentation> logins = r.admin().getEvents(List.of("LOGIN"), "trader4-api", userId,
                            null, null, null, 0, 10);
                    return logins.isEmpty() ? null : logins.get(0).getIpAddress();
                });
    }

    private static String nobody() {
        return "n-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }
}
