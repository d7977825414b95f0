package net.trader4.keycloak.twilio;

import java.util.List;

import net.trader4.keycloak.otp.channel.DeliveryChannel;
import org.keycloak.Config;

/**
 * The {@code sms} channel. Its provider options hold the Twilio settings of all realms
 * ({@code --spi-trader4-otp-delivery-channel--sms--account-sid=...}); realm attributes
 * {@code trader4.twilio.*} override them.
 */
public class SmsDeliveryChannelFactory extends TwilioChannelFactory {

    public static final String PROVIDER_ID = "sms";

    public SmsDeliveryChannelFactory() {
        this(SharedTwilioHttpClients.INSTANCE);
    }

    SmsDeliveryChannelFactory(SharedTwilioHttpClients sharedHttpClients) {
        super(sharedHttpClients);
    }

    @Override
    List<Config.Scope> providerOptions(Config.Scope own) {
        return own == null ? List.of() : List.of(own);
    }

    @Override
    DeliveryChannel channel(TwilioChannelSupport support) {
        return new SmsDeliveryChannel(support);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
