package net.trader4.keycloak.otp.channel;

import org.keycloak.models.KeycloakSession;

public class EmailDeliveryChannelFactory implements DeliveryChannelFactory {

    public static final String PROVIDER_ID = "email";

    @Override
    public DeliveryChannel create(KeycloakSession session) {
        return new EmailDeliveryChannel(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
