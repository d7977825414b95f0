package net.trader4.keycloak.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.TwilioStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SMS and voice codes through Twilio's real Java SDK inside Keycloak, talking to a local
 * stand-in of Twilio's REST API: the exact requests, then sign-in with the code they carried.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class TwilioChannelsIT {

    /** A second stand-in: a host a realm admin, not the operator, points the realm at. */
    private static final int ELSEWHERE_PORT = 18090;
    private static final String REALM_ACCOUNT_SID = "AC00000000000000000000000000000002";
    private static final Pattern SMS_CODE = Pattern.compile("(?m)^@\\S+ #([0-9]{6})$");

    @RegisterExtension
    static final TwilioStandIn twilio = TwilioStandIn.forTestClass(Trader4ServerConfig.TWILIO_PORT);

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(realm.getBaseUrl());
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.sendsPerIpPerHour", "100000",
                "trader4.otp.failuresPerIpPerHour", "100000"));
    }

    @Test
    void mobileGetsAnSmsWhoseCodeSignsIn() {
        String mobile = "+447910" + sixDigits();
        userWith("mobile_number", mobile);

        Answer sign = api.sign(mobile);
        assertEquals(200, sign.status(), sign.toString());
        assertEquals("Response successfully returned", sign.message());

        List<LoggedRequest> sms = twilio.requestsTo(TwilioStandIn.MESSAGES);
        assertEquals(1, sms.size(), "exactly one SMS");
        Map<String, String> form = TwilioStandIn.form(sms.get(0));
        assertEquals(mobile, form.get("To"));
        assertEquals(TwilioStandIn.FROM_NUMBER, form.get("From"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString(
                (TwilioStandIn.ACCOUNT_SID + ":" + TwilioStandIn.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)),
                sms.get(0).getHeader("Authorization"));
        String body = form.get("Body");
        Matcher webOtp = SMS_CODE.matcher(body);
        assertTrue(webOtp.find(), "ends with the WebOTP line: " + body);
        assertTrue(body.toLowerCase().contains("never share") || body.toLowerCase().contains("share"), body);

        Answer verify = api.verify(mobile, webOtp.group(1));
        assertEquals(200, verify.status(), verify.toString());
        assertEquals(mobile, verify.results().path("mobile").asText());
    }

    /**
     * Twilio (or a proxy on the way) closed the kept connection: the next SMS goes on a fresh one
     * instead of failing on the dead one as "unavailable".
     */
    @Test
    void aConnectionTheProviderClosedIsNotReused() {
        String first = "+447910" + sixDigits();
        String second = "+447910" + sixDigits();
        userWith("mobile_number", first);
        userWith("mobile_number", second);
        assertEquals(200, api.sign(first).status());

        twilio.restart();

        Answer sign = api.sign(second);
        assertEquals(200, sign.status(), sign.toString());
        assertEquals(1, twilio.requestsTo(TwilioStandIn.MESSAGES).size());
    }

    @Test
    void landlineGetsACallThatReadsTheCode() {
        String landline = "+445510" + sixDigits();
        userWith("phone_number", landline);

        Answer sign = api.sign(landline);
        assertEquals(200, sign.status(), sign.toString());
        assertTrue(twilio.requestsTo(TwilioStandIn.MESSAGES).isEmpty(), "no SMS to a landline");
        List<LoggedRequest> calls = twilio.requestsTo(TwilioStandIn.CALLS);
        assertEquals(1, calls.size());
        Map<String, String> form = TwilioStandIn.form(calls.get(0));
        assertEquals(landline, form.get("To"));
        String twiml = form.get("Twiml");
        assertTrue(twiml.startsWith("<Response>") || twiml.contains("<Response>"), twiml);
        String code = spokenCode(twiml);
        assertEquals(2, spokenDigitGroups(twiml).stream().filter(code::equals).count(), "the code is read twice: " + twiml);

        Answer verify = api.verify(landline, code);
        assertEquals(200, verify.status(), verify.toString());
    }

    @Test
    void aMobileCanAskForACallInstead() {
        String mobile = "+447910" + sixDigits();
        userWith("mobile_number", mobile);
        Answer sign = api.postJson("sign", Map.of("id", mobile, "channel", "voice"));
        assertEquals(200, sign.status(), sign.toString());
        assertEquals(1, twilio.requestsTo(TwilioStandIn.CALLS).size());
        assertTrue(twilio.requestsTo(TwilioStandIn.MESSAGES).isEmpty());
        assertEquals(200, api.verify(mobile, spokenCode(TwilioStandIn.form(twilio.requestsTo(TwilioStandIn.CALLS).get(0)).get("Twiml"))).status());
    }

    @Test
    void invalidNumberAtTwilioIs422AndTheNextRequestWorks() {
        String mobile = "+447910" + sixDigits();
        userWith("mobile_number", mobile);
        twilio.failWith(400, 21211, "The 'To' number " + mobile + " is not a valid phone number.");
        Answer refused = api.sign(mobile);
        assertEquals(422, refused.status(), refused.toString());
        assertEquals("undeliverable", refused.error());
        assertFalse(refused.raw().body().contains(mobile.substring(4)), "Twilio's text with the number never reaches the client");

        twilio.answerLikeTwilio();
        Answer again = api.sign(mobile);
        assertEquals(200, again.status(), "a failed send starts no cooldown: " + again);
    }

    @Test
    void twilioDownIs503AfterBoundedRetries() {
        String mobile = "+447910" + sixDigits();
        userWith("mobile_number", mobile);
        twilio.failWith(500, 20500, "Internal Server Error");
        Answer refused = api.sign(mobile);
        assertEquals(503, refused.status(), refused.toString());
        assertEquals("delivery_unavailable", refused.error());
        int attempts = twilio.requestsTo(TwilioStandIn.MESSAGES).size();
        assertTrue(attempts >= 1 && attempts <= 3, "bounded retries, not the SDK's own: " + attempts);
    }

    @Test
    void hangingTwilioIs503WithinBoundedTime() {
        String mobile = "+447910" + sixDigits();
        userWith("mobile_number", mobile);
        twilio.hang();
        long start = System.nanoTime();
        Answer refused = api.sign(mobile);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(503, refused.status(), refused.toString());
        assertTrue(seconds < 15, "answered after " + seconds + " s");
    }

    @Test
    void countryAllowlistAndRangeCapsGuardAgainstPumping() {
        String mobile = "+447910" + sixDigits();
        userWith("mobile_number", mobile);
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.allowedCountries", "DE,FR"));
        try {
            Answer refused = api.sign(mobile);
            assertEquals(403, refused.status(), refused.toString());
            assertEquals("country_not_allowed", refused.error());
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.otp.allowedCountries");
        }
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.phoneSendsPerPrefixPerHour", "2"));
        try {
            // +447920 is this test's alone: the other tests sign +447910… numbers, some of them more
            // than once, and a shared range would already have used up the cap of 2. Every
            // +447920ddd… number is a valid UK mobile (half of +447911… is not, and answers 400).
            String range = "+447920" + String.format("%03d", ThreadLocalRandom.current().nextInt(1_000));
            for (int i = 0; i < 5; i++) {
                assertEquals(200, api.sign(range + "10" + i).status(), "numbers nobody has send nothing and spend no budget");
            }
            userWith("mobile_number", range + "001");
            userWith("mobile_number", range + "002");
            userWith("mobile_number", range + "003");
            assertEquals(200, api.sign(range + "001").status());
            assertEquals(200, api.sign(range + "002").status());
            Answer third = api.sign(range + "003");
            assertEquals(429, third.status(), third.toString());
            assertEquals("rate_limited", third.error());
            assertTrue(Long.parseLong(third.header("Retry-After")) > 0);
            assertEquals(429, api.sign(range + "104").status(), "once spent, it is refused alike for a number nobody has");
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.otp.phoneSendsPerPrefixPerHour");
        }
    }

    @Test
    void verifyModeLetsTwilioMakeAndCheckTheCode() {
        String mobile = "+447910" + sixDigits();
        userWith("mobile_number", mobile);
        TestUsers.setRealmAttributes(realm, Map.of("trader4.twilio.verifyServiceSid", TwilioStandIn.VERIFY_SERVICE_SID));
        try {
            assertEquals(200, api.sign(mobile).status());
            assertTrue(twilio.requestsTo(TwilioStandIn.MESSAGES).isEmpty(), "Twilio Verify sends the SMS, not us");
            List<LoggedRequest> started = twilio.requestsTo(TwilioStandIn.VERIFICATIONS);
            assertEquals(1, started.size());
            assertEquals(mobile, TwilioStandIn.form(started.get(0)).get("To"));
            assertEquals("sms", TwilioStandIn.form(started.get(0)).get("Channel"));

            Answer wrong = api.verify(mobile, "135791");
            assertEquals(400, wrong.status(), wrong.toString());
            assertEquals("invalid_code", wrong.error());
            Answer right = api.verify(mobile, TwilioStandIn.VERIFY_CODE);
            assertEquals(200, right.status(), right.toString());
            assertEquals(2, twilio.requestsTo(TwilioStandIn.VERIFICATION_CHECK).size(), "Twilio checked both codes");

            String landline = "+445510" + sixDigits();
            userWith("phone_number", landline);
            assertEquals(200, api.sign(landline).status());
            Map<String, String> call = twilio.requestsTo(TwilioStandIn.VERIFICATIONS).stream().map(TwilioStandIn::form)
                    .filter(f -> landline.equals(f.get("To"))).findFirst().orElseThrow();
            assertEquals("call", call.get("Channel"), "a landline gets Verify's call");
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.twilio.verifyServiceSid");
        }
    }

    @Test
    void inVerifyModeAWrongCodeForANumberNobodyHasTakesAsLongAsTwilioTakesToCheckOne() {
        int checkMillis = 1500;
        String known = "+447910" + sixDigits();
        String unknown = "+447910" + sixDigits();
        userWith("mobile_number", known);
        TestUsers.setRealmAttributes(realm, Map.of("trader4.twilio.verifyServiceSid", TwilioStandIn.VERIFY_SERVICE_SID));
        twilio.slowVerifyChecks(checkMillis);
        try {
            assertEquals(200, api.sign(known).status());
            assertEquals(200, api.sign(unknown).status());
            long knownStarted = System.nanoTime();
            assertEquals("invalid_code", api.verify(known, "135791").error());
            long knownMillis = (System.nanoTime() - knownStarted) / 1_000_000;
            long unknownStarted = System.nanoTime();
            Answer unknownWrong = api.verify(unknown, "135791");
            long unknownMillis = (System.nanoTime() - unknownStarted) / 1_000_000;

            assertEquals("invalid_code", unknownWrong.error(), "the same answer: " + unknownWrong);
            assertEquals(1, twilio.requestsTo(TwilioStandIn.VERIFICATION_CHECK).size(), "only the known number was checked");
            // Lower bounds only: a loaded machine makes both slower, never the unknown one quicker.
            assertTrue(knownMillis >= checkMillis, "the known number waited for Twilio: " + knownMillis + " ms");
            assertTrue(unknownMillis >= checkMillis, "the number nobody has waited as long as a check: " + unknownMillis + " ms");
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.twilio.verifyServiceSid");
        }
    }

    @Test
    void tollFraudNumberTypesAreRefusedByDefault() {
        String voip = "+445612" + sixDigits();
        userWith("phone_number", voip);
        Answer refused = api.sign(voip);
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("unsupported_identifier", refused.error());
        assertTrue(refused.message().contains("kind of number"), refused.message());

        // The demo realm allows UAN numbers (the contract's example landline is one); without that, refused too.
        String uan = "+445510" + sixDigits();
        userWith("phone_number", uan);
        TestUsers.removeRealmAttribute(realm, "trader4.otp.allowedRiskyNumberTypes");
        try {
            Answer uanRefused = api.sign(uan);
            assertEquals(400, uanRefused.status(), uanRefused.toString());
            assertEquals("unsupported_identifier", uanRefused.error());
        } finally {
            TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.allowedRiskyNumberTypes", "UAN"));
        }
        assertTrue(twilio.requestsTo("/").isEmpty(), "no call or text left for either");
        assertEquals(200, api.sign(uan).status(), "allowed again, called");
    }

    @Test
    void aRealmsOwnEndpointNeverGetsTheServersCredentials() {
        String mobile = "+447910" + sixDigits();
        userWith("mobile_number", mobile);
        String serverCredentials = "Basic " + Base64.getEncoder().encodeToString(
                (TwilioStandIn.ACCOUNT_SID + ":" + TwilioStandIn.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        String storedToken = null;
        try (TwilioStandIn elsewhere = new TwilioStandIn(ELSEWHERE_PORT)) {
            TestUsers.setRealmAttributes(realm, Map.of("trader4.twilio.apiBaseUrl", TwilioStandIn.baseUrl(ELSEWHERE_PORT)));
            try {
                Answer refused = api.sign(mobile);
                assertEquals(503, refused.status(), refused.toString());
                assertEquals("delivery_unavailable", refused.error());
                assertTrue(refused.message().contains("settings are invalid"), refused.message());
                assertTrue(elsewhere.requestsTo("/").isEmpty(), "the realm's endpoint got nothing");
                assertTrue(twilio.requestsTo("/").isEmpty(), "and the server's endpoint no SMS to the realm's liking");

                // With credentials of its own the realm may send where it likes: only its own go there.
                // The token is kept in the realm's secret store, here added through Keycloak's own components API.
                TestUsers.setRealmAttributes(realm, Map.of("trader4.twilio.accountSid", REALM_ACCOUNT_SID));
                storedToken = addSecretStore("realm-own-token");
                Answer own = api.sign(mobile);
                assertEquals(200, own.status(), own.toString());
                List<LoggedRequest> sent = elsewhere.requestsTo("/");
                assertEquals(1, sent.size());
                assertEquals("Basic " + Base64.getEncoder().encodeToString(
                        (REALM_ACCOUNT_SID + ":realm-own-token").getBytes(StandardCharsets.UTF_8)),
                        sent.get(0).getHeader("Authorization"));
                assertTrue(sent.stream().noneMatch(r -> serverCredentials.equals(r.getHeader("Authorization"))));
            } finally {
                TestUsers.removeRealmAttribute(realm, "trader4.twilio.apiBaseUrl");
                TestUsers.removeRealmAttribute(realm, "trader4.twilio.accountSid");
                if (storedToken != null) {
                    realm.admin().components().component(storedToken).remove();
                }
            }
        }
    }

    /** The realm's secret store holding an auth token; answers the component's id. */
    private String addSecretStore(String authToken) {
        ComponentRepresentation store = new ComponentRepresentation();
        store.setName("trader4 secrets");
        store.setProviderType("net.trader4.keycloak.common.settings.SecretSettings");
        store.setProviderId("trader4-secrets");
        store.setParentId(realm.admin().toRepresentation().getId());
        store.setConfig(new MultivaluedHashMap<>(Map.of("trader4.twilio.authToken", List.of(authToken))));
        try (Response created = realm.admin().components().add(store)) {
            assertEquals(201, created.getStatus(), "the store is added");
            String path = created.getLocation().getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    @Test
    void aRealmEndpointOverPlainHttpElsewhereIsRefused() {
        String mobile = "+447910" + sixDigits();
        userWith("mobile_number", mobile);
        TestUsers.setRealmAttributes(realm, Map.of("trader4.twilio.apiBaseUrl", "http://twilio.attacker.example",
                "trader4.twilio.accountSid", REALM_ACCOUNT_SID, "trader4.twilio.authToken", "realm-own-token"));
        try {
            Answer refused = api.sign(mobile);
            assertEquals(503, refused.status(), refused.toString());
            assertEquals("delivery_unavailable", refused.error());
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.twilio.apiBaseUrl");
            TestUsers.removeRealmAttribute(realm, "trader4.twilio.accountSid");
            TestUsers.removeRealmAttribute(realm, "trader4.twilio.authToken");
        }
    }

    /** The code the call reads out digit by digit ("4, 8, 2, ..."). */
    private static String spokenCode(String twiml) {
        List<String> groups = spokenDigitGroups(twiml);
        assertFalse(groups.isEmpty(), "no code is read out: " + twiml);
        return groups.get(0);
    }

    /** The contents of each {@code <Say>} that reads out six digits. */
    private static List<String> spokenDigitGroups(String twiml) {
        Matcher say = Pattern.compile("<Say[^>]*>([^<]*)</Say>").matcher(twiml);
        java.util.ArrayList<String> groups = new java.util.ArrayList<>();
        while (say.find()) {
            String digits = say.group(1).replaceAll("[^0-9]", "");
            if (digits.length() == 6) {
                groups.add(digits);
            }
        }
        return groups;
    }

    private static String sixDigits() {
        return String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private void userWith(String attribute, String number) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername("p-" + UUID.randomUUID().toString().substring(0, 10));
        user.setEnabled(true);
        user.setAttributes(Map.of(attribute, List.of(number)));
        try (Response response = realm.admin().users().create(user)) {
            assertEquals(201, response.getStatus(), response.readEntity(String.class));
        }
    }
}
