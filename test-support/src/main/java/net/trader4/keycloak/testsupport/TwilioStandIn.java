package net.trader4.keycloak.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local stand-in of Twilio's REST API (WireMock on 127.0.0.1) that the real Twilio SDK inside
 * Keycloak talks to. Answers like Twilio and records every request.
 */
public final class TwilioStandIn implements AutoCloseable, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String AUTH_TOKEN = "stand-in-auth-token-0123456789ab";
    public static final String FROM_NUMBER = "+15005550006";
    public static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    public static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";
    public static final String VERIFY_SERVICE_SID = "VA00000000000000000000000000000001";
    public static final String VERIFICATIONS = "/v2/Services/" + VERIFY_SERVICE_SID + "/Verifications";
    public static final String VERIFICATION_CHECK = "/v2/Services/" + VERIFY_SERVICE_SID + "/VerificationCheck";
    /** The one code the stand-in's Verify service approves. */
    public static final String VERIFY_CODE = "246810";
    private static final Pattern SMS_CODE = Pattern.compile("#([0-9]{4,10})\\b");

    private final WireMockServer server;

    /** Listens on 127.0.0.1:{@code port} and answers like Twilio. */
    public TwilioStandIn(int port) {
        this(port, true);
    }

    private TwilioStandIn(int port, boolean listen) {
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(port));
        if (listen) {
            server.start();
            answerLikeTwilio();
        }
    }

    /**
     * For a test class's {@code @RegisterExtension static} field: listens from its first test to
     * its last, and answers like Twilio afresh (nothing recorded) before each test.
     */
    public static TwilioStandIn forTestClass(int port) {
        return new TwilioStandIn(port, false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        answerLikeTwilio();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    /** What Keycloak's {@code api-base-url} option names for a stand-in on {@code port}. */
    /** Stops and starts again on the same port, as a provider does that drops its idle connections; answers like Twilio. */
    public void restart() {
        server.stop();
        server.start();
        answerLikeTwilio();
    }

    public static String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** 201 with Twilio's resource shape for messages and calls. */
    public void answerLikeTwilio() {
        server.resetAll();
        server.stubFor(post(urlPathMatching(".*/Messages\\.json")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM00000000000000000000000000000001\",\"status\":\"queued\",\"account_sid\":\"" + ACCOUNT_SID + "\"}")));
        server.stubFor(post(urlPathMatching(".*/Calls\\.json")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"CA00000000000000000000000000000001\",\"status\":\"queued\",\"account_sid\":\"" + ACCOUNT_SID + "\"}")));
        server.stubFor(post(urlPathMatching(".*/Verifications")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"VE00000000000000000000000000000001\",\"service_sid\":\"" + VERIFY_SERVICE_SID + "\",\"status\":\"pending\"}")));
        server.stubFor(post(urlPathMatching(".*/VerificationCheck")).atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"VE00000000000000000000000000000001\",\"status\":\"pending\",\"valid\":false}")));
        server.stubFor(post(urlPathMatching(".*/VerificationCheck")).atPriority(1).withRequestBody(containing("Code=" + VERIFY_CODE))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"VE00000000000000000000000000000001\",\"status\":\"approved\",\"valid\":true}")));
    }

    /** Verify's code checks answer as usual, each only after {@code millis}: a distant Twilio. */
    public void slowVerifyChecks(int millis) {
        server.stubFor(post(urlPathMatching(".*/VerificationCheck")).atPriority(0).willReturn(aResponse().withStatus(200)
                .withFixedDelay(millis).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"VE00000000000000000000000000000001\",\"status\":\"pending\",\"valid\":false}")));
    }

    /** Every call answers with this status and Twilio's JSON error body. */
    public void failWith(int status, int twilioCode, String message) {
        server.resetAll();
        server.stubFor(any(urlPathMatching(".*")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":" + twilioCode + ",\"message\":\"" + message + "\",\"status\":" + status + "}")));
    }

    /** Every call hangs longer than the channel's read timeout. */
    public void hang() {
        server.resetAll();
        server.stubFor(any(urlPathMatching(".*")).willReturn(aResponse().withStatus(201).withFixedDelay(6000)));
    }

    /** The code of the newest SMS the stand-in accepted for {@code to} (the {@code #123456} at its end). */
    public String lastSmsCode(String to) {
        for (ServeEvent event : server.getAllServeEvents()) {
            if (!event.getRequest().getUrl().startsWith(MESSAGES) || event.getResponse().getStatus() != 201) {
                continue;
            }
            Map<String, String> sms = form(event.getRequest());
            Matcher code = SMS_CODE.matcher(sms.getOrDefault("Body", ""));
            if (to.equals(sms.get("To")) && code.find()) {
                return code.group(1);
            }
        }
        throw new AssertionError("No SMS reached " + to);
    }

    public List<LoggedRequest> requestsTo(String path) {
        return server.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().startsWith(path)).toList();
    }

    /** The form fields of a recorded request. */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop();
    }
}
