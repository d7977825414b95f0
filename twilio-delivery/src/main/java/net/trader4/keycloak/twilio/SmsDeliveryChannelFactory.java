package net.trader4.keycloak.twilio;

import java.util.List;

import net.trader4.keycloak.otp.channel.DeliveryChannel;
import net.trader4.keycloak.otp.channel.DeliveryChannelFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;

/**
 * The {@code sms} channel. Its provider options hold the Twilio settings of all realms
 * ({@code --spi-trader4-otp-delivery-channel--sms--account-sid=...}); realm attributes
 * {@code trader4.twilio.*} override them.
 */
public class SmsDeliveryChannelFactory implements DeliveryChannelFactory {

    public static final String PROVIDER_ID = "sms";

    private final SharedTwilioHttpClients sharedHttpClients;
    private List<Config.Scope> providerOptions = List.of();
    /** Acquired in {@link #init}, released in {@link #close}. */
    private TwilioHttpClients httpClients;

    public SmsDeliveryChannelFactory() {
        this(SharedTwilioHttpClients.INSTANCE);
    }

    SmsDeliveryChannelFactory(SharedTwilioHttpClients sharedHttpClients) {
        this.sharedHttpClients = sharedHttpClients;
    }

    @Override
    public void init(Config.Scope config) {
        providerOptions = config == null ? List.of() : List.of(config);
        acquireHttpClients();
    }

    @Override
    public DeliveryChannel create(KeycloakSession session) {
        return new SmsDeliveryChannel(new TwilioChannelSupport(session, providerOptions, httpClients));
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    private void acquireHttpClients() {
        if (httpClients == null) {
            httpClients = sharedHttpClients.acquire();
        }
    }

    @Override
    public void close() {
        if (httpClients != null) {
            httpClients = null;
            sharedHttpClients.release();
        }
    }
}
