package net.trader4.keycloak.twilio;

import java.util.function.Supplier;

/**
 * The owner of the {@link TwilioHttpClients} both Twilio channel factories send through: the
 * first factory to start opens them, the last to close closes them, so that neither factory
 * closes connections the other still sends on.
 */
final class SharedTwilioHttpClients {

    static final SharedTwilioHttpClients INSTANCE = new SharedTwilioHttpClients(TwilioHttpClients::new);

    private final Supplier<TwilioHttpClients> opener;
    private TwilioHttpClients clients;
    private int users;

    SharedTwilioHttpClients(Supplier<TwilioHttpClients> opener) {
        this.opener = opener;
    }

    /** The clients, opened if nobody uses them yet; each call needs one {@link #release}. */
    synchronized TwilioHttpClients acquire() {
        if (users == 0) {
            clients = opener.get();
        }
        users++;
        return clients;
    }

    /** Ends one {@link #acquire}; the last closes the clients. */
    synchronized void release() {
        if (users == 0) {
            throw new IllegalStateException("The Twilio HTTP clients were released more often than acquired");
        }
        users--;
        if (users == 0) {
            clients.close();
            clients = null;
        }
    }
}
