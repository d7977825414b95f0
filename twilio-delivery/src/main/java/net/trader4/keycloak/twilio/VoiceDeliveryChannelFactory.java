package net.trader4.keycloak.twilio;

import java.util.ArrayList;
import java.util.List;

import net.trader4.keycloak.otp.channel.DeliveryChannel;
import net.trader4.keycloak.otp.channel.DeliveryChannelSpi;
import org.keycloak.Config;

/**
 * The {@code voice} channel. Reads its own provider options, then the {@code sms} channel's, so
 * one set of Twilio options serves both; realm attributes {@code trader4.twilio.*} override them.
 */
public class VoiceDeliveryChannelFactory extends TwilioChannelFactory {

    public static final String PROVIDER_ID = "voice";

    public VoiceDeliveryChannelFactory() {
        this(SharedTwilioHttpClients.INSTANCE);
    }

    VoiceDeliveryChannelFactory(SharedTwilioHttpClients sharedHttpClients) {
        super(sharedHttpClients);
    }

    @Override
    List<Config.Scope> providerOptions(Config.Scope own) {
        List<Config.Scope> options = new ArrayList<>();
        if (own != null) {
            options.add(own);
        }
        options.add(Config.scope(DeliveryChannelSpi.NAME, SmsDeliveryChannelFactory.PROVIDER_ID));
        return options;
    }

    @Override
    DeliveryChannel channel(TwilioChannelSupport support) {
        return new VoiceDeliveryChannel(support);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
