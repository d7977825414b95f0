package net.trader4.keycloak.common;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * What our provider factories share unless they say otherwise: no server options to read, nothing
 * to start or close, and our version in Keycloak's server info (admin console: Provider info).
 */
public interface Trader4ProviderFactory<T extends Provider> extends ProviderFactory<T>, ServerInfoAwareProviderFactory {

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
