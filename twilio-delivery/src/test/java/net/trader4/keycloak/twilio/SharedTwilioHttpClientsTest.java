package net.trader4.keycloak.twilio;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SharedTwilioHttpClientsTest {

    private final List<TwilioHttpClients> opened = new ArrayList<>();
    private final SharedTwilioHttpClients shared = new SharedTwilioHttpClients(() -> {
        TwilioHttpClients clients = new TwilioHttpClients();
        opened.add(clients);
        return clients;
    });

    @Test
    void everyUserGetsTheSameClientsOpenedOnce() {
        TwilioHttpClients first = shared.acquire();
        TwilioHttpClients second = shared.acquire();

        assertSame(first, second);
        assertEquals(1, opened.size());
        shared.release();
        shared.release();
    }

    @Test
    void theClientsStayOpenUntilTheLastUserReleasesThem() {
        TwilioHttpClients clients = shared.acquire();
        shared.acquire();
        TwilioHttpClient client = clients.forSettings(TwilioHttpSettings.defaults());

        shared.release();
        assertSame(client, clients.forSettings(TwilioHttpSettings.defaults()), "still open: the same client");

        shared.release();
        TwilioHttpClient afterClose = clients.forSettings(TwilioHttpSettings.defaults());
        assertNotSame(client, afterClose, "closed: its clients were dropped");
        afterClose.close();
    }

    @Test
    void afterTheLastReleaseTheNextUserGetsFreshClients() {
        TwilioHttpClients first = shared.acquire();
        shared.release();

        TwilioHttpClients second = shared.acquire();

        assertNotSame(first, second);
        assertEquals(2, opened.size());
        shared.release();
    }

    @Test
    void releasingMoreOftenThanAcquiredIsAnError() {
        shared.acquire();
        shared.release();

        assertThrows(IllegalStateException.class, shared::release);
    }
}
