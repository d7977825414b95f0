package net.trader4.keycloak.otp.channel.twilio;

import net.trader4.keycloak.otp.channel.DeliveryChannel;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.channel.OtpDelivery;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.keycloak.models.RealmModel;

/**
 * Calls the number and reads the code aloud through Twilio. The only way to reach a landline;
 * it also supports mobiles so that a user who asks for a call on resend gets one, but the engine
 * tries {@code sms} first for them.
 */
public class VoiceDeliveryChannel implements DeliveryChannel {

    private final TwilioChannelSupport support;
    private final VoiceTwimlBuilder twimlBuilder = new VoiceTwimlBuilder();

    VoiceDeliveryChannel(TwilioChannelSupport support) {
        this.support = support;
    }

    @Override
    public boolean supports(IdentifierType type) {
        return type == IdentifierType.LANDLINE || type == IdentifierType.MOBILE;
    }

    @Override
    public boolean isReady(RealmModel realm) {
        return support.config(realm).map(TwilioConfig::canCall).orElse(false);
    }

    @Override
    public boolean checksCodesItself(RealmModel realm) {
        return support.config(realm).map(TwilioConfig::verifyMode).orElse(false);
    }

    @Override
    public boolean checkCode(RealmModel realm, Identifier destination, String code) throws DeliveryException {
        TwilioConfig config = support.config(realm).orElseThrow(() -> TwilioErrorMapper.unavailable(TwilioProduct.VOICE));
        return support.sender(config).checkVerification(destination, code);
    }

    @Override
    public void deliver(OtpDelivery delivery) throws DeliveryException {
        TwilioConfig config = support.config(delivery.realm())
                .orElseThrow(() -> TwilioErrorMapper.unavailable(TwilioProduct.VOICE));
        if (config.verifyMode()) {
            support.sender(config).startVerification(delivery.destination(), "call", delivery.locale());
            return;
        }
        String twiml = twimlBuilder.build(delivery.locale(), TwilioChannelSupport.serviceName(delivery.realm()),
                delivery.code());
        support.sender(config).placeCall(delivery.destination(), twiml);
    }
}
