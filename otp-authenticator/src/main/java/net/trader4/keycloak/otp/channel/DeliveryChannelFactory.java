package net.trader4.keycloak.otp.channel;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/** Factory of a {@link DeliveryChannel}; its id is the channel name used in configuration. */
public interface DeliveryChannelFactory extends ProviderFactory<DeliveryChannel> {

    @Override
    default void init(Config.Scope config) {
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    default void close() {
    }
}
