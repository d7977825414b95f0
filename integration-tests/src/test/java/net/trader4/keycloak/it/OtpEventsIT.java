package net.trader4.keycloak.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.TwilioStandIn;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.support.ui.FluentWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The events of codes in Keycloak's event log, as an admin reads them: a code sent
 * ({@code SEND_VERIFY_EMAIL}), a send a limit refused or a channel failed
 * ({@code SEND_VERIFY_EMAIL_ERROR}), an account made by a first sign-in ({@code REGISTER}); each with
 * a masked destination only.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class OtpEventsIT {

    @RegisterExtension
    static final TwilioStandIn twilio = TwilioStandIn.forTestClass(Trader4ServerConfig.TWILIO_PORT);

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(realm.getBaseUrl());
        TestUsers.liftPerIpCaps(realm);
    }

    @Test
    void codeSentIsRecordedForItsAccountWithChannelAndMaskedDestination() {
        String email = TestUsers.newEmailUser(realm);
        String userId = TestUsers.byEmail(realm, email).getId();

        assertEquals(200, api.sign(email).status());

        EventRepresentation sent = awaitEvent("SEND_VERIFY_EMAIL", userId, e -> true);
        Map<String, String> details = sent.getDetails();
        assertEquals("trader4-otp", details.get("auth_type"));
        assertEquals("email", details.get("channel"));
        assertEquals("email", details.get("identifier_type"));
        assertEquals("sign_in", details.get("purpose"));
        assertEquals("trader4-api", sent.getClientId());
        assertMasked(email, details.get("destination"));
        assertNoFullDestination(email, sent);
    }

    @Test
    void sendRefusedByALimitIsRecordedWithThatLimit() {
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.resendCooldownSeconds", "600"));
        try {
            String email = TestUsers.newEmailUser(realm);
            long since = System.currentTimeMillis();
            assertEquals(200, api.sign(email).status());
            Answer early = api.sign(email);
            assertEquals(429, early.status(), early.toString());

            EventRepresentation refused = awaitEvent("SEND_VERIFY_EMAIL_ERROR", null,
                    e -> e.getTime() >= since && "cooldown".equals(e.getDetails().get("guard")));
            assertEquals("rate_limited", refused.getError());
            assertEquals("trader4-otp", refused.getDetails().get("auth_type"));
            assertEquals("trader4-api", refused.getClientId());
            assertNull(refused.getUserId(), "a limit refuses a destination or a network, not an account");
            assertMasked(email, refused.getDetails().get("destination"));
            assertNoFullDestination(email, refused);
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.otp.resendCooldownSeconds");
        }
    }

    @Test
    void failedDeliveryIsRecordedWithTheChannelAndWhy() {
        String mobile = "+447910" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String username = TestUsers.newUserWith(realm, "mobile_number", mobile);
        String userId = realm.admin().users().searchByUsername(username, true).get(0).getId();
        // An outage, not a refused number: a stand-in slow to answer on a loaded machine is an outage too.
        twilio.failWith(500, 20500, "Internal Server Error");

        Answer refused = api.sign(mobile);
        assertEquals("delivery_unavailable", refused.error(), refused.toString());

        EventRepresentation failed = awaitEvent("SEND_VERIFY_EMAIL_ERROR", userId, e -> true);
        assertEquals("delivery_failed", failed.getError());
        assertEquals("sms", failed.getDetails().get("channel"));
        assertEquals("provider_unavailable", failed.getDetails().get("reason"));
        assertEquals("mobile", failed.getDetails().get("identifier_type"));
        assertTrue(failed.getDetails().get("destination").endsWith(mobile.substring(mobile.length() - 4)),
                failed.getDetails().toString());
        assertNoFullDestination(mobile, failed);
    }

    @Test
    void accountMadeByAFirstSignInIsRecordedAsARegistration() {
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.autoRegister", "true"));
        try {
            String email = "new-" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "@example.test";
            assertEquals(200, api.sign(email).status());
            Answer verify = api.verify(email, Mailbox.codeSentTo(mail, email, 0));
            assertEquals(200, verify.status(), verify.toString());
            String userId = TestUsers.byEmail(realm, email).getId();

            EventRepresentation registered = awaitEvent("REGISTER", userId, e -> true);
            assertEquals("trader4-otp", registered.getDetails().get("register_method"));
            assertEquals("email", registered.getDetails().get("identifier_type"));
            assertEquals("trader4-api", registered.getClientId());
            assertMasked(email, registered.getDetails().get("destination"));
            assertNoFullDestination(email, registered);
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.otp.autoRegister");
        }
    }

    /** The newest event of the type (for the user, if named) that matches; events are stored as the request ends. */
    private EventRepresentation awaitEvent(String type, String userId, Predicate<EventRepresentation> matching) {
        return new FluentWait<>(realm).withTimeout(Waits.BOUND).pollingEvery(java.time.Duration.ofMillis(200))
                .withMessage(() -> "no " + type + " event" + (userId == null ? "" : " for " + userId))
                .until(r -> {
                    List<EventRepresentation> events = r.admin().getEvents(List.of(type), null, userId, null, null, null, 0, 50);
                    return events.stream().filter(matching).findFirst().orElse(null);
                });
    }

    private static void assertMasked(String destination, String masked) {
        assertTrue(masked != null && masked.contains("\u2022"), "masked: " + masked);
        assertFalse(masked.contains(destination.substring(1, destination.indexOf('@'))), masked);
    }

    private static void assertNoFullDestination(String destination, EventRepresentation event) {
        String digitsOrLocalPart = destination.contains("@") ? destination.substring(0, destination.indexOf('@'))
                : destination.substring(4);
        event.getDetails().forEach((name, value) ->
                assertFalse(value.contains(digitsOrLocalPart), "detail " + name + " holds the destination: " + value));
    }
}
