package net.trader4.keycloak.otp.channel;

import org.keycloak.models.KeycloakSession;

public class LogDeliveryChannelFactory implements DeliveryChannelFactory {

    public static final String PROVIDER_ID = "log";

    private static final LogDeliveryChannel INSTANCE = new LogDeliveryChannel();

    @Override
    public DeliveryChannel create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
