package net.trader4.keycloak.it;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.QrApi;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second factor the user enrolled is never skipped: a code to the mailbox proves the address,
 * not the account's authenticator app. Each test is the attack of someone who holds the mailbox
 * (or a session without the second factor) and nothing else.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class SecondFactorIT {

    private static final String APP_SECRET = "trader4-test-totp-secret";

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    ApiClient api;
    QrApi qr;

    @BeforeEach
    void relaxNetworkLimits() {
        api = new ApiClient(realm.getBaseUrl());
        qr = new QrApi(api);
        TestUsers.liftPerIpCaps(realm);
        // Each test signs one account in more than once.
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.resendCooldownSeconds", "0"));
    }

    @Test
    void theMailedCodeAloneGivesNoTokensToAnAccountWithAnAuthenticatorApp() {
        String email = newUserWithApp();
        Answer step = signAndVerify(email);
        assertEquals(401, step.status(), step.toString());
        assertEquals("second_factor_required", step.error());
        assertFalse(step.raw().body().contains("access_token"), "no token before the second factor");
        String mfaToken = step.results().path("mfa_token").asText();
        assertEquals(64, mfaToken.length());
        assertEquals("otp", step.results().path("methods").path(0).asText());

        Answer wrong = completeWith(mfaToken, wrongCode());
        assertEquals(400, wrong.status(), wrong.toString());
        assertEquals("invalid_code", wrong.error());
        assertTrue(wrong.message().contains("4 tries left"), wrong.message());
        String userId = TestUsers.byEmail(realm, email).getId();
        Waits.until("the wrong app code reaches brute-force detection (asynchronous)",
                () -> ((Number) realm.admin().attackDetection().bruteForceUserStatus(userId).get("numFailures")).intValue() >= 1);

        Answer signedIn = completeWith(mfaToken, appCode(Instant.now()));
        assertEquals(200, signedIn.status(), signedIn.toString());
        assertEquals(email, ApiClient.claims(signedIn.results().path("access_token").asText()).path("email").asText());
        Answer replay = completeWith(mfaToken, appCode(Instant.now()));
        assertEquals(400, replay.status(), "the step is single-use: " + replay);
        assertEquals("expired_code", replay.error());
    }

    @Test
    void theStepTakesFiveWrongAppCodesAtMost() {
        // Keycloak's brute-force detection would lock the account after two quick failures and
        // hide the step's own limit, which must hold without it.
        RealmRepresentation settings = realm.admin().toRepresentation();
        settings.setBruteForceProtected(false);
        realm.admin().update(settings);
        try {
            String mfaToken = signAndVerify(newUserWithApp()).results().path("mfa_token").asText();
            for (int i = 0; i < 4; i++) {
                Answer wrong = completeWith(mfaToken, wrongCode());
                assertEquals(400, wrong.status(), wrong.toString());
            }
            Answer last = completeWith(mfaToken, wrongCode());
            assertEquals(429, last.status(), last.toString());
            assertEquals("too_many_attempts", last.error());
            Answer afterwards = completeWith(mfaToken, appCode(Instant.now()));
            assertEquals(400, afterwards.status(), "even the right code is too late: " + afterwards);
            assertFalse(afterwards.raw().body().contains("access_token"));
        } finally {
            settings.setBruteForceProtected(true);
            realm.admin().update(settings);
        }
    }

    @Test
    void aPhoneSessionWithoutTheSecondFactorCannotApproveAQrLogin() {
        String email = newUserWithApp();
        String weakToken;
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.honourSecondFactor", "false"));
        try {
            Answer weak = signAndVerify(email);
            assertEquals(200, weak.status(), "the realm turned the second factor off: " + weak);
            weakToken = weak.results().path("access_token").asText();
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.otp.honourSecondFactor");
        }
        JsonNode created = qr.create().results();
        String token = created.path("token").asText();
        Answer refused = qr.authorize(weakToken, token, null);
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("second_factor_required", refused.error());
        assertEquals(202, qr.check(token, created.path("secret").asText()).status(), "still pending");

        String mfaToken = signAndVerify(email).results().path("mfa_token").asText();
        String strongToken = completeWith(mfaToken, appCode(Instant.now())).results().path("access_token").asText();
        assertEquals(200, qr.authorize(strongToken, token, null).status(), "a session that passed the second factor approves");
        Answer collected = qr.check(token, created.path("secret").asText());
        assertEquals(200, collected.status(), collected.toString());
    }


    private Answer signAndVerify(String email) {
        int seen = Mailbox.messagesTo(mail, email).length;
        assertEquals(200, api.sign(email).status());
        return api.verify(email, Mailbox.codeSentTo(mail, email, seen));
    }

    private Answer completeWith(String mfaToken, String code) {
        return api.postForm("verify/second-factor", Map.of("mfa_token", mfaToken, "code", code));
    }

    /** An account with a verified email and an authenticator app (TOTP) whose secret this test knows. */
    private String newUserWithApp() {
        return newUserWithApp(realm);
    }

    static String newUserWithApp(ManagedRealm realm) {
        return newUserWithApp(realm, "app-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test");
    }

    static String newUserWithApp(ManagedRealm realm, String email) {
        CredentialRepresentation app = new CredentialRepresentation();
        app.setType("otp");
        app.setUserLabel("test app");
        app.setSecretData("{\"value\":\"" + APP_SECRET + "\"}");
        app.setCredentialData("{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setFirstName("App");
        user.setLastName("User");
        user.setCredentials(List.of(app));
        try (Response response = realm.admin().users().create(user)) {
            assertEquals(201, response.getStatus(), response.readEntity(String.class));
        }
        return email;
    }

    /** RFC 6238 with the realm's default policy: HMAC-SHA1, 30 seconds, 6 digits. */
    static String appCode(Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A code no window around now accepts. */
    private static String wrongCode() {
        Instant now = Instant.now();
        String candidate = "000000";
        for (int i = 0; i < 10; i++) {
            candidate = String.format("%06d", (Integer.parseInt(appCode(now)) + 1 + i) % 1_000_000);
            if (!candidate.equals(appCode(now.minusSeconds(30))) && !candidate.equals(appCode(now.plusSeconds(30)))) {
                return candidate;
            }
        }
        return candidate;
    }
}
