package net.trader4.keycloak.twilio;

import java.util.ArrayList;
import java.util.List;

import net.trader4.keycloak.otp.channel.DeliveryChannel;
import net.trader4.keycloak.otp.channel.DeliveryChannelFactory;
import net.trader4.keycloak.otp.channel.DeliveryChannelSpi;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;

/**
 * The {@code voice} channel. Reads its own provider options, then the {@code sms} channel's, so
 * one set of Twilio options serves both; realm attributes {@code trader4.twilio.*} override them.
 */
public class VoiceDeliveryChannelFactory implements DeliveryChannelFactory {

    public static final String PROVIDER_ID = "voice";

    private final SharedTwilioHttpClients sharedHttpClients;
    private List<Config.Scope> providerOptions = List.of();
    /** Acquired in {@link #init}, released in {@link #close}. */
    private TwilioHttpClients httpClients;

    public VoiceDeliveryChannelFactory() {
        this(SharedTwilioHttpClients.INSTANCE);
    }

    VoiceDeliveryChannelFactory(SharedTwilioHttpClients sharedHttpClients) {
        this.sharedHttpClients = sharedHttpClients;
    }

    @Override
    public void init(Config.Scope config) {
        List<Config.Scope> options = new ArrayList<>();
        if (config != null) {
            options.add(config);
        }
        options.add(Config.scope(DeliveryChannelSpi.NAME, SmsDeliveryChannelFactory.PROVIDER_ID));
        providerOptions = List.copyOf(options);
        acquireHttpClients();
    }

    @Override
    public DeliveryChannel create(KeycloakSession session) {
        return new VoiceDeliveryChannel(new TwilioChannelSupport(session, providerOptions, httpClients));
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
