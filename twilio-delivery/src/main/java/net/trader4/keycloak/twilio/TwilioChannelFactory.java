package net.trader4.keycloak.twilio;

import java.util.List;

import net.trader4.keycloak.otp.channel.DeliveryChannel;
import net.trader4.keycloak.otp.channel.DeliveryChannelFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;

/**
 * What both Twilio channel factories share: the provider options a channel reads, and its share of
 * the one Twilio HTTP client pool, acquired in {@link #init} and released once in {@link #close}.
 */
abstract class TwilioChannelFactory implements DeliveryChannelFactory {

    private final SharedTwilioHttpClients sharedHttpClients;
    private List<Config.Scope> providerOptions = List.of();
    private TwilioHttpClients httpClients;

    TwilioChannelFactory(SharedTwilioHttpClients sharedHttpClients) {
        this.sharedHttpClients = sharedHttpClients;
    }

    /** The provider options this channel reads, its own first. */
    abstract List<Config.Scope> providerOptions(Config.Scope own);

    abstract DeliveryChannel channel(TwilioChannelSupport support);

    @Override
    public void init(Config.Scope config) {
        providerOptions = List.copyOf(providerOptions(config));
        if (httpClients == null) {
            httpClients = sharedHttpClients.acquire();
        }
    }

    @Override
    public DeliveryChannel create(KeycloakSession session) {
        return channel(new TwilioChannelSupport(session, providerOptions, httpClients));
    }

    @Override
    public void close() {
        if (httpClients != null) {
            httpClients = null;
            sharedHttpClients.release();
        }
    }
}
