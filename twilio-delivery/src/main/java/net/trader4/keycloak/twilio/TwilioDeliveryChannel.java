package net.trader4.keycloak.twilio;

import java.util.function.Predicate;

import net.trader4.keycloak.otp.channel.DeliveryChannel;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.channel.OtpDelivery;
import net.trader4.keycloak.otp.identifier.Identifier;
import org.keycloak.models.RealmModel;

/**
 * What the SMS and voice channels share: the realm's Twilio settings, and Verify mode, in which
 * Twilio makes, sends and checks the code. Subclasses only say how they send a code of ours.
 */
abstract class TwilioDeliveryChannel implements DeliveryChannel {

    protected final TwilioChannelSupport support;
    private final TwilioProduct product;
    private final String verifyChannel;

    TwilioDeliveryChannel(TwilioChannelSupport support, TwilioProduct product, String verifyChannel) {
        this.support = support;
        this.product = product;
        this.verifyChannel = verifyChannel;
    }

    /** Sends a code this server made. */
    abstract void send(TwilioSender sender, OtpDelivery delivery) throws DeliveryException;

    @Override
    public boolean checksCodesItself(RealmModel realm) {
        return support.config(realm).map(TwilioConfig::verifyMode).orElse(false);
    }

    @Override
    public boolean checkCode(RealmModel realm, Identifier destination, String code) throws DeliveryException {
        return support.sender(config(realm)).checkVerification(destination, code);
    }

    @Override
    public void deliver(OtpDelivery delivery) throws DeliveryException {
        TwilioConfig config = config(delivery.realm());
        TwilioSender sender = support.sender(config);
        if (config.verifyMode()) {
            sender.startVerification(delivery.destination(), verifyChannel, delivery.locale());
        } else {
            send(sender, delivery);
        }
    }

    /**
     * Whether the channel is offered: settings that are invalid count, so that the user gets a
     * clear {@code 503} from {@link #deliver} rather than being told the realm has no such sign-in.
     */
    boolean offered(RealmModel realm, Predicate<TwilioConfig> canSend) {
        return support.config(realm).map(canSend::test).orElse(true);
    }

    private TwilioConfig config(RealmModel realm) throws DeliveryException {
        return support.config(realm).orElseThrow(() -> TwilioErrorMapper.misconfigured(product));
    }
}
