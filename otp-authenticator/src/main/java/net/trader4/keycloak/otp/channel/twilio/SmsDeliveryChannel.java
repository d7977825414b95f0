package net.trader4.keycloak.otp.channel.twilio;

import net.trader4.keycloak.otp.channel.DeliveryChannel;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.channel.OtpDelivery;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.keycloak.models.RealmModel;

/** Texts the code to a mobile number through Twilio. */
public class SmsDeliveryChannel implements DeliveryChannel {

    private final TwilioChannelSupport support;
    private final SmsTextBuilder textBuilder = new SmsTextBuilder();

    SmsDeliveryChannel(TwilioChannelSupport support) {
        this.support = support;
    }

    @Override
    public boolean supports(IdentifierType type) {
        return type == IdentifierType.MOBILE;
    }

    @Override
    public boolean isReady(RealmModel realm) {
        return support.config(realm).map(TwilioConfig::canSendSms).orElse(false);
    }

    @Override
    public boolean checksCodesItself(RealmModel realm) {
        return support.config(realm).map(TwilioConfig::verifyMode).orElse(false);
    }

    @Override
    public boolean checkCode(RealmModel realm, Identifier destination, String code) throws DeliveryException {
        TwilioConfig config = support.config(realm).orElseThrow(() -> TwilioErrorMapper.unavailable(TwilioProduct.SMS));
        return support.sender(config).checkVerification(destination, code);
    }

    @Override
    public void deliver(OtpDelivery delivery) throws DeliveryException {
        TwilioConfig config = support.config(delivery.realm())
                .orElseThrow(() -> TwilioErrorMapper.unavailable(TwilioProduct.SMS));
        if (config.verifyMode()) {
            support.sender(config).startVerification(delivery.destination(), "sms", delivery.locale());
            return;
        }
        String text = textBuilder.build(delivery.locale(), TwilioChannelSupport.serviceName(delivery.realm()),
                support.signInHost(), delivery.code(), delivery.ttlSeconds());
        support.sender(config).sendSms(delivery.destination(), text);
    }
}
