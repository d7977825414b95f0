package net.trader4.keycloak.twilio;

import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.channel.OtpDelivery;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.keycloak.models.RealmModel;

/** Texts the code to a mobile number through Twilio. */
public class SmsDeliveryChannel extends TwilioDeliveryChannel {

    private final SmsTextBuilder textBuilder = new SmsTextBuilder();

    SmsDeliveryChannel(TwilioChannelSupport support) {
        super(support, TwilioProduct.SMS, "sms");
    }

    @Override
    public boolean supports(IdentifierType type) {
        return type == IdentifierType.MOBILE;
    }

    @Override
    public boolean isReady(RealmModel realm) {
        return offered(realm, TwilioConfig::canSendSms);
    }

    @Override
    void send(TwilioSender sender, OtpDelivery delivery) throws DeliveryException {
        String text = textBuilder.build(delivery.locale(), TwilioChannelSupport.serviceName(delivery.realm()),
                support.signInHost(delivery.realm()), delivery.code(), delivery.ttlSeconds());
        sender.sendSms(delivery.destination(), text);
    }
}
