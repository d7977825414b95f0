package net.trader4.keycloak.it.support;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server configuration of every integration test (a different one restarts Keycloak):
 * the distribution with the drop-in bundle installed, exactly as operators install it.
 */
public class Trader4ServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config.dependency("net.trader4.keycloak", "trader4-keycloak-bundle");
    }
}
