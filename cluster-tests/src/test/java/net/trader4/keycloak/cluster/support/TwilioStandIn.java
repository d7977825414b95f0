package net.trader4.keycloak.cluster.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A local stand-in of Twilio's REST API (WireMock on 127.0.0.1) both nodes send SMS and calls to. */
public final class TwilioStandIn implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String AUTH_TOKEN = "stand-in-auth-token-0123456789ab";
    public static final String FROM_NUMBER = "+15005550006";

    private final int port;
    private final WireMockServer server;

    TwilioStandIn(int port) {
        this.port = port;
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(port));
        server.start();
        answerLikeTwilio();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public void answerLikeTwilio() {
        server.resetAll();
        server.stubFor(post(urlPathMatching(".*/Messages\\.json")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM00000000000000000000000000000001\",\"status\":\"queued\",\"account_sid\":\"" + ACCOUNT_SID + "\"}")));
        server.stubFor(post(urlPathMatching(".*/Calls\\.json")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"CA00000000000000000000000000000001\",\"status\":\"queued\",\"account_sid\":\"" + ACCOUNT_SID + "\"}")));
    }

    public void failWith500() {
        server.resetAll();
        server.stubFor(any(urlPathMatching(".*")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}")));
    }

    /** Every call hangs longer than the channel's read timeout (2 s on the nodes). */
    public void hang() {
        server.resetAll();
        server.stubFor(any(urlPathMatching(".*")).willReturn(aResponse().withStatus(201).withFixedDelay(6000)));
    }

    /** The code of the newest SMS the stand-in accepted for {@code to}. */
    public String lastSmsCode(String to) {
        for (var event : server.getAllServeEvents()) {
            var request = event.getRequest();
            if (!request.getUrl().contains("/Messages.json") || event.getResponse().getStatus() != 201) {
                continue;
            }
            String body = URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
            if (body.contains("To=" + to)) {
                Matcher code = Pattern.compile("#([0-9]{6,10})").matcher(body);
                if (code.find()) {
                    return code.group(1);
                }
            }
        }
        throw new AssertionError("No SMS reached " + to);
    }

    @Override
    public void close() {
        server.stop();
    }
}
