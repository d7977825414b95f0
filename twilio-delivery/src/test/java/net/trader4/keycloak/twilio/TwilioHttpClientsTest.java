package net.trader4.keycloak.twilio;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TwilioHttpClientsTest {

    @Test
    void realmsWithTheSameSettingsShareOneClient() {
        try (TwilioHttpClients clients = new TwilioHttpClients()) {
            TwilioHttpSettings defaults = TwilioHttpSettings.defaults();
            TwilioHttpSettings slower = new TwilioHttpSettings(null, Duration.ofSeconds(5), Duration.ofSeconds(20), 3,
                    Duration.ofMillis(250));

            assertSame(clients.forSettings(defaults), clients.forSettings(TwilioHttpSettings.defaults()));
            assertNotSame(clients.forSettings(defaults), clients.forSettings(slower));
        }
    }

    @Test
    void afterClosingANewClientIsOpened() {
        TwilioHttpClients clients = new TwilioHttpClients();
        TwilioHttpClient first = clients.forSettings(TwilioHttpSettings.defaults());

        clients.close();

        assertNotSame(first, clients.forSettings(TwilioHttpSettings.defaults()));
        clients.close();
    }
}
