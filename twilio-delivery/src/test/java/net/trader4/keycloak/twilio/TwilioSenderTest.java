package net.trader4.keycloak.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static net.trader4.keycloak.otp.channel.DeliveryException.Reason.DESTINATION_REJECTED;
import static net.trader4.keycloak.otp.channel.DeliveryException.Reason.PROVIDER_UNAVAILABLE;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Twilio SDK, through {@link TwilioHttpClient}, against a WireMock stand-in of Twilio's API. */
class TwilioSenderTest {

    /** How long the stubbed Twilio hangs: far beyond the read timeout under test. */
    private static final int HANG_MILLIS = 10_000;

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String AUTH_TOKEN = "auth-token-that-must-not-leak";
    private static final String FROM = "+15005550006";
    private static final String CODE = "482913";
    private static final Identifier MOBILE = new Identifier(IdentifierType.MOBILE, "+447888872720", "MOBILE", "GB");
    private static final Identifier LANDLINE = new Identifier(IdentifierType.LANDLINE, "+445528888852", "UAN", "GB");
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";
    private static final String SMS_TEXT = "Your Trader4 sign-in code is " + CODE + ".\n\n@auth.trader4.net #" + CODE;

    private WireMockServer twilio;
    private final List<TwilioHttpClient> clients = new ArrayList<>();

    @BeforeEach
    void startStandIn() {
        twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        twilio.start();
    }

    @AfterEach
    void stop() {
        clients.forEach(TwilioHttpClient::close);
        twilio.stop();
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put(TwilioConfigProperties.ACCOUNT_SID, ACCOUNT_SID);
        settings.put(TwilioConfigProperties.AUTH_TOKEN, AUTH_TOKEN);
        settings.put(TwilioConfigProperties.FROM_NUMBER, FROM);
        settings.put(TwilioConfigProperties.API_BASE_URL, "http://127.0.0.1:" + twilio.port());
        // Generous: a loaded machine must not turn a stubbed answer into a timeout.
        settings.put(TwilioConfigProperties.CONNECT_TIMEOUT_MILLIS, "30000");
        settings.put(TwilioConfigProperties.READ_TIMEOUT_MILLIS, "30000");
        settings.put(TwilioConfigProperties.RETRY_BACKOFF_MILLIS, "10");
        return settings;
    }

    private TwilioSender sender(Map<String, String> settings) {
        TwilioConfig config = TwilioConfig.from(settings::get);
        TwilioHttpClient client = new TwilioHttpClient(config.http());
        clients.add(client);
        return new TwilioSender(config, client);
    }

    private TwilioSender sender() {
        return sender(settings());
    }

    private void answerMessages(int status, String body) {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String twilioError(int status, int code, String message) {
        return "{\"code\": " + code + ", \"message\": \"" + message + "\", \"more_info\": "
                + "\"https://www.twilio.com/docs/errors/" + code + "\", \"status\": " + status + "}";
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(LoggedRequest request, String name) {
        return request.formParameters().containsKey(name) ? request.formParameter(name).firstValue() : null;
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES)));
        requests.addAll(twilio.findAll(postRequestedFor(urlEqualTo(CALLS))));
        assertEquals(1, requests.size());
        return requests.get(0);
    }

    @Test
    void sendsTheSmsTheWayTwilioExpectsIt() throws Exception {
        answerMessages(201, "{\"sid\": \"SM00000000000000000000000000000001\", \"status\": \"queued\"}");

        String sid = sender().sendSms(MOBILE, SMS_TEXT);

        assertEquals("SM00000000000000000000000000000001", sid);
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo(basic(ACCOUNT_SID, AUTH_TOKEN)))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8"))
                .withFormParam("To", equalTo("+447888872720"))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Body", equalTo(SMS_TEXT)));
    }

    @Test
    void sendsFromTheMessagingServiceWhenOneIsSet() throws Exception {
        answerMessages(201, "{\"sid\": \"SM2\", \"status\": \"accepted\"}");
        Map<String, String> settings = settings();
        settings.put(TwilioConfigProperties.MESSAGING_SERVICE_SID, "MG00000000000000000000000000000003");

        sender(settings).sendSms(MOBILE, SMS_TEXT);

        LoggedRequest request = onlyRequest();
        assertEquals("MG00000000000000000000000000000003", form(request, "MessagingServiceSid"));
        assertNull(form(request, "From"));
        assertEquals("+447888872720", form(request, "To"));
    }

    @Test
    void authenticatesWithAnApiKeyOnTheAccountsPath() throws Exception {
        answerMessages(201, "{\"sid\": \"SM3\", \"status\": \"queued\"}");
        Map<String, String> settings = settings();
        settings.put(TwilioConfigProperties.API_KEY_SID, "SK00000000000000000000000000000002");
        settings.put(TwilioConfigProperties.API_KEY_SECRET, "key-secret");

        sender(settings).sendSms(MOBILE, SMS_TEXT);

        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo(basic("SK00000000000000000000000000000002", "key-secret"))));
    }

    @Test
    void placesTheCallWithTheTwimlInline() throws Exception {
        twilio.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\": \"CA00000000000000000000000000000001\", \"status\": \"queued\"}")));
        String twiml = new VoiceTwimlBuilder().build(java.util.Locale.ENGLISH, "Trader4", CODE);

        String sid = sender().placeCall(LANDLINE, twiml);

        assertEquals("CA00000000000000000000000000000001", sid);
        twilio.verify(1, postRequestedFor(urlEqualTo(CALLS))
                .withHeader("Authorization", equalTo(basic(ACCOUNT_SID, AUTH_TOKEN)))
                .withFormParam("To", equalTo("+445528888852"))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Twiml", equalTo(twiml)));
    }

    @Test
    void anInvalidNumberIsRejectedAtOnce() {
        answerMessages(400, twilioError(400, 21211, "The 'To' number +447888872720 is not a valid phone number."));

        DeliveryException e = assertThrows(DeliveryException.class, () -> sender().sendSms(MOBILE, SMS_TEXT));

        assertEquals(DESTINATION_REJECTED, e.reason());
        assertEquals("This phone number is not valid. Please check it and try again.", e.getMessage());
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aLandlineThatCannotTakeSmsIsRejected() {
        answerMessages(400, twilioError(400, 21614, "'To' number is not a valid mobile number"));

        DeliveryException e = assertThrows(DeliveryException.class, () -> sender().sendSms(MOBILE, SMS_TEXT));

        assertEquals(DESTINATION_REJECTED, e.reason());
        assertTrue(e.getMessage().contains("cannot receive text messages"), e.getMessage());
    }

    @Test
    void aServerErrorIsRepeatedABoundedNumberOfTimesThenUnavailable() {
        answerMessages(500, twilioError(500, 20500, "Internal Server Error"));

        DeliveryException e = assertThrows(DeliveryException.class, () -> sender().sendSms(MOBILE, SMS_TEXT));

        assertEquals(PROVIDER_UNAVAILABLE, e.reason());
        // Ours only: the SDK's own three retries per attempt would make this 9.
        twilio.verify(TwilioConfigProperties.DEFAULT_MAX_ATTEMPTS, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aSingleAttemptMeansOneRequest() {
        answerMessages(500, twilioError(500, 20500, "Internal Server Error"));
        Map<String, String> settings = settings();
        settings.put(TwilioConfigProperties.MAX_ATTEMPTS, "1");

        assertThrows(DeliveryException.class, () -> sender(settings).sendSms(MOBILE, SMS_TEXT));

        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aServerErrorWithoutTwiliosBodyIsUnavailable() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Oops</body></html>")));

        DeliveryException e = assertThrows(DeliveryException.class, () -> sender().sendSms(MOBILE, SMS_TEXT));

        assertEquals(PROVIDER_UNAVAILABLE, e.reason());
        twilio.verify(TwilioConfigProperties.DEFAULT_MAX_ATTEMPTS, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aGatewayErrorIsNotRepeatedBecauseTwilioMayHaveSentTheSms() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(504)));

        DeliveryException e = assertThrows(DeliveryException.class, () -> sender().sendSms(MOBILE, SMS_TEXT));

        assertEquals(PROVIDER_UNAVAILABLE, e.reason());
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aPassingOutageIsRiddenOut() throws Exception {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody(twilioError(503, 20503, "Service Unavailable")))
                .willSetStateTo("recovered"));
        twilio.stubFor(post(urlEqualTo(MESSAGES)).inScenario("outage").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM4\", \"status\": \"queued\"}")));

        assertEquals("SM4", sender().sendSms(MOBILE, SMS_TEXT));
        twilio.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aHangingTwilioTimesOutOnceAndIsNotAskedAgain() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201).withFixedDelay(HANG_MILLIS)
                .withHeader("Content-Type", "application/json").withBody("{\"sid\": \"SM5\"}")));
        Map<String, String> settings = settings();
        settings.put(TwilioConfigProperties.READ_TIMEOUT_MILLIS, "400");

        long started = System.nanoTime();
        DeliveryException e = assertThrows(DeliveryException.class, () -> sender(settings).sendSms(MOBILE, SMS_TEXT));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(PROVIDER_UNAVAILABLE, e.reason());
        assertTrue(took.compareTo(Duration.ofMillis(HANG_MILLIS)) < 0, "gave up before the answer came; took " + took);
        // The request reached Twilio: repeating it could send the code twice.
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void noListenerIsUnavailableAfterBoundedAttempts() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> settings = settings();
        settings.put(TwilioConfigProperties.API_BASE_URL, "http://127.0.0.1:" + closedPort);

        long started = System.nanoTime();
        DeliveryException e = assertThrows(DeliveryException.class, () -> sender(settings).sendSms(MOBILE, SMS_TEXT));

        assertEquals(PROVIDER_UNAVAILABLE, e.reason());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(30)) < 0, "bounded, not endless");
    }

    @Test
    void badCredentialsAreOursToFixNotTheUsers() {
        answerMessages(401, twilioError(401, 20003, "Authenticate"));

        DeliveryException e = assertThrows(DeliveryException.class, () -> sender().sendSms(MOBILE, SMS_TEXT));

        assertEquals(PROVIDER_UNAVAILABLE, e.reason());
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void incompleteSettingsSendNothing() {
        Map<String, String> settings = settings();
        settings.remove(TwilioConfigProperties.FROM_NUMBER);
        settings.put(TwilioConfigProperties.MESSAGING_SERVICE_SID, "MG00000000000000000000000000000003");

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> sender(settings).placeCall(LANDLINE, "<Response/>"));

        assertEquals(PROVIDER_UNAVAILABLE, e.reason());
        assertEquals(0, twilio.getAllServeEvents().size());
    }

    @Test
    void neitherLogsNorMessagesHoldTheTokenTheNumberOrTheCode() {
        List<String> messages = new ArrayList<>();
        try (CapturedLogs logs = new CapturedLogs()) {
            for (int status : new int[] {201, 400, 401, 500, 504}) {
                twilio.resetAll();
                answerMessages(status, status == 201 ? "{\"sid\": \"SM6\", \"status\": \"queued\"}"
                        : twilioError(status, status == 400 ? 21211 : 20000 + status,
                        "The 'To' number +447888872720 is not valid"));
                try {
                    sender().sendSms(MOBILE, SMS_TEXT);
                } catch (DeliveryException e) {
                    messages.add(e.getMessage());
                    assertNull(e.getCause());
                }
            }
            String everything = logs.text() + "\n" + String.join("\n", messages);
            assertFalse(logs.text().isEmpty(), "the failures were logged");
            assertTrue(logs.text().contains(MOBILE.masked()), logs.text());
            assertFalse(everything.contains(AUTH_TOKEN), everything);
            assertFalse(everything.contains("7888872720"), everything);
            assertFalse(everything.contains(CODE), everything);
        }
    }
}
