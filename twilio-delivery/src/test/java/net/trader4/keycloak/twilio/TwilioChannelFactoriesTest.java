package net.trader4.keycloak.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sms and voice factories share one set of Twilio HTTP clients; only the last to close closes it. */
class TwilioChannelFactoriesTest {

    private WireMockServer twilio;
    private final List<TwilioHttpClients> opened = new ArrayList<>();
    private final SharedTwilioHttpClients shared = new SharedTwilioHttpClients(() -> {
        TwilioHttpClients clients = new TwilioHttpClients();
        opened.add(clients);
        return clients;
    });
    private final SmsDeliveryChannelFactory sms = new SmsDeliveryChannelFactory(shared);
    private final VoiceDeliveryChannelFactory voice = new VoiceDeliveryChannelFactory(shared);

    @BeforeEach
    void start() {
        twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        twilio.start();
        twilio.stubFor(get(urlEqualTo("/ping")).willReturn(aResponse().withStatus(200)));
        sms.init(null);
        voice.init(null);
    }

    @AfterEach
    void stop() {
        sms.close();
        voice.close();
        twilio.stop();
    }

    private int ping(TwilioHttpClient client) {
        return client.makeRequest(new Request(HttpMethod.GET, twilio.baseUrl() + "/ping")).getStatusCode();
    }

    @Test
    void bothFactoriesUseOneSetOfClients() {
        assertEquals(1, opened.size());
    }

    @Test
    void closingOneFactoryLeavesTheOtherSending() {
        TwilioHttpClient client = opened.get(0).forSettings(TwilioHttpSettings.defaults());
        assertEquals(200, ping(client));

        sms.close();

        assertSame(client, opened.get(0).forSettings(TwilioHttpSettings.defaults()));
        assertEquals(200, ping(client), "the voice channel still sends on the same connections");
    }

    @Test
    void closingAFactoryTwiceReleasesItsShareOnce() {
        TwilioHttpClient client = opened.get(0).forSettings(TwilioHttpSettings.defaults());

        sms.close();
        sms.close();

        assertEquals(200, ping(client));
    }

    @Test
    void theLastFactoryToCloseClosesTheClients() {
        TwilioHttpClient client = opened.get(0).forSettings(TwilioHttpSettings.defaults());

        voice.close();
        assertEquals(200, ping(client));
        sms.close();

        assertThrows(RuntimeException.class, () -> ping(client), "its connection pool is shut down");
    }

    @Test
    void aFactoryStartedAfterBothClosedOpensFreshClients() {
        sms.close();
        voice.close();

        SmsDeliveryChannelFactory restarted = new SmsDeliveryChannelFactory(shared);
        restarted.init(null);
        try {
            assertEquals(2, opened.size());
            assertEquals(200, ping(opened.get(1).forSettings(TwilioHttpSettings.defaults())));
        } finally {
            restarted.close();
        }
    }
}
