package net.trader4.keycloak.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guessing codes through the API gains nothing over the login page: wrong codes count against
 * the account for Keycloak's brute-force detection, and a guessing attack spread over many
 * addresses meets a realm-wide budget that never refuses a right code.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class ApiGuessingIT {

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    ApiClient api;

    @BeforeEach
    void relaxNetworkLimits() {
        api = new ApiClient(realm.getBaseUrl());
        TestUsers.liftPerIpCaps(realm);
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.resendCooldownSeconds", "0"));
    }

    @AfterEach
    void restoreSettings() {
        TestUsers.removeRealmAttribute(realm, "trader4.otp.resendCooldownSeconds");
        TestUsers.removeRealmAttribute(realm, "trader4.otp.failuresPerRealmPerHour");
    }

    @Test
    void wrongCodesThroughTheApiLockTheAccountAsOnTheLoginPage() {
        realm.updateWithCleanup(r -> r.bruteForceProtected(true).failureFactor(3));
        String email = TestUsers.newEmailUser(realm);
        String userId = TestUsers.byEmail(realm, email).getId();
        try {
            assertEquals(200, api.sign(email).status());
            String code = Mailbox.codeSentTo(mail, email, 0);
            for (int i = 0; i < 3; i++) {
                assertEquals("invalid_code", api.verify(email, wrong(code)).error());
            }
            new FluentWait<>(realm.admin().attackDetection()).withTimeout(Waits.BOUND).pollingEvery(Duration.ofMillis(200))
                    .withMessage("wrong API codes did not lock the account out")
                    .until(detection -> Boolean.TRUE.equals(detection.bruteForceUserStatus(userId).get("disabled")));

            List<EventRepresentation> failures = realm.admin().getEvents(List.of("LOGIN_ERROR"), "trader4-api", userId,
                    null, null, null, 0, 10);
            assertEquals(3, failures.size(), "each wrong code is a failed login of that account in the event log");

            Answer locked = api.verify(email, code);
            assertEquals(403, locked.status(), "a locked account gets no tokens, right code or not: " + locked);
            assertFalse(locked.body().toString().contains(userId));
        } finally {
            realm.admin().attackDetection().clearBruteForceForUser(userId);
        }
    }

    @Test
    void beyondTheRealmsFailureBudgetEveryCodeGetsOneTryAndRightCodesStillWork() {
        // Two wrong codes within a second would also trip Keycloak's quick-login lock: not what this test is about.
        realm.updateWithCleanup(r -> r.bruteForceProtected(false));
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.failuresPerRealmPerHour", "100000"));
        String email = TestUsers.newEmailUser(realm);

        assertEquals(200, api.sign(email).status());
        String code = Mailbox.codeSentTo(mail, email, 0);
        Answer first = api.verify(email, wrong(code));
        assertEquals("invalid_code", first.error(), "within the budget a code keeps its tries: " + first);
        // The realm's wrong codes this hour (this one and any before it) are now beyond the budget.
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.failuresPerRealmPerHour", "1"));
        Answer second = api.verify(email, wrong(code));
        assertEquals("too_many_attempts", second.error(), "beyond it a wrong code ends the code: " + second);
        assertEquals("too_many_attempts", api.verify(email, code).error(), "the ended code takes no more tries, right or wrong");

        assertEquals(200, api.sign(email).status());
        Answer signedIn = api.verify(email, Mailbox.codeSentTo(mail, email, 1));
        assertEquals(200, signedIn.status(), "a right code is never refused by the budget: " + signedIn);
        assertTrue(signedIn.results().path("access_token").asText().length() > 20);
    }

    private static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }
}
