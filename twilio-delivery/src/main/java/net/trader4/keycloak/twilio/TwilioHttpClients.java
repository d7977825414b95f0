package net.trader4.keycloak.twilio;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The HTTP clients of all realms, one per distinct {@link TwilioHttpSettings} (normally just one),
 * so that connections are pooled across sign-ins instead of opened per code. Opened and closed by
 * {@link SharedTwilioHttpClients} only.
 */
public final class TwilioHttpClients implements AutoCloseable {

    private final ConcurrentMap<TwilioHttpSettings, TwilioHttpClient> clients = new ConcurrentHashMap<>();

    TwilioHttpClients() {
    }

    public TwilioHttpClient forSettings(TwilioHttpSettings settings) {
        return clients.computeIfAbsent(settings, TwilioHttpClient::new);
    }

    /** Closes every client; a later {@link #forSettings} opens a fresh one. */
    @Override
    public void close() {
        clients.values().removeIf(client -> {
            client.close();
            return true;
        });
    }
}
