package net.trader4.keycloak.otp.channel;

import java.util.Map;

import net.trader4.keycloak.common.Trader4Version;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/** Factory of a {@link DeliveryChannel}; its id is the channel name used in configuration. */
public interface DeliveryChannelFactory extends ProviderFactory<DeliveryChannel>, ServerInfoAwareProviderFactory {

    @Override
    default void init(Config.Scope config) {
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    default void close() {
    }

    @Override
    default Map<String, String> getOperationalInfo() {
        return Trader4Version.operationalInfo();
    }
}
