package net.trader4.keycloak.it.support;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * {@link Trader4ServerConfig} as operators run it behind the shipped proxy: Keycloak takes the
 * client address from {@code X-Forwarded-For}, but only from the proxy's own address.
 */
public class BehindProxyServerConfig implements KeycloakServerConfig {

    /** Where the proxy connects from; nobody else's forwarded headers are believed. */
    public static final String PROXY_ADDRESS = "127.0.0.1";

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return new Trader4ServerConfig().configure(config)
                .option("proxy-headers", "xforwarded")
                .option("proxy-trusted-addresses", PROXY_ADDRESS);
    }
}
