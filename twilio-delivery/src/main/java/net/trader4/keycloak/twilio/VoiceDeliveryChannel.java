package net.trader4.keycloak.twilio;

import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.channel.OtpDelivery;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.keycloak.models.RealmModel;

/**
 * Calls the number and reads the code aloud through Twilio. The only way to reach a landline;
 * it also supports mobiles so that a user who asks for a call on resend gets one, but the engine
 * tries {@code sms} first for them.
 */
public class VoiceDeliveryChannel extends TwilioDeliveryChannel {

    private final VoiceTwimlBuilder twimlBuilder = new VoiceTwimlBuilder();

    VoiceDeliveryChannel(TwilioChannelSupport support) {
        super(support, TwilioProduct.VOICE, "call");
    }

    @Override
    public boolean supports(IdentifierType type) {
        return type == IdentifierType.LANDLINE || type == IdentifierType.MOBILE;
    }

    @Override
    public boolean isReady(RealmModel realm) {
        return offered(realm, TwilioConfig::canCall);
    }

    @Override
    void send(TwilioSender sender, OtpDelivery delivery) throws DeliveryException {
        String twiml = twimlBuilder.build(delivery.locale(), TwilioChannelSupport.serviceName(delivery.realm()),
                delivery.code());
        sender.placeCall(delivery.destination(), twiml);
    }
}
