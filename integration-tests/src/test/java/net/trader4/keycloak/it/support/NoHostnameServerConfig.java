package net.trader4.keycloak.it.support;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * {@link Trader4ServerConfig} without a hostname, as {@code start-dev} or
 * {@code --hostname-strict=false} leave it: Keycloak then builds its URLs from each request's
 * {@code Host}.
 */
public class NoHostnameServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return Trader4ServerConfig.installed(config);
    }
}
