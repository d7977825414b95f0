package net.trader4.keycloak.it.support;

import net.trader4.keycloak.testsupport.TwilioStandIn;
import org.keycloak.common.Profile;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server configuration of every integration test (a different one restarts Keycloak):
 * the distribution with the drop-in bundle installed, exactly as operators install it, and the
 * Twilio channels pointed at the local stand-in of Twilio's API ({@link TwilioStandIn}), a
 * fixed hostname, as {@code ./run.sh} and any production server has one, and Keycloak's truststore
 * holding the certificate of the tests' TLS mail server ({@link MailTls}). Metrics are on (a build
 * option), so tests read our meters on the management port's {@code /metrics}.
 */
public class Trader4ServerConfig implements KeycloakServerConfig {

    static final String SPI = "trader4-otp-delivery-channel";
    /** Where the tests' Twilio stand-in listens. */
    public static final int TWILIO_PORT = 18089;

    /** The address every link and sign-in message names, whatever {@code Host} a request carries. */
    public static final String HOSTNAME = "http://localhost:8080";

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return installed(config).option("hostname", HOSTNAME)
                // The admin console's declarative UI (experimental), so the trader4 settings tab can be saved.
                .features(Profile.Feature.DECLARATIVE_UI)
                // The certificate of the tests' own TLS mail server, trusted as a private CA would be.
                .option("truststore-paths", MailTls.certificate().toString());
    }

    /** Our providers installed and the Twilio stand-in configured; no hostname. */
    static KeycloakServerConfigBuilder installed(KeycloakServerConfigBuilder config) {
        return config.dependency("net.trader4.keycloak", "trader4-keycloak-bundle")
                .option("metrics-enabled", "true")
                // Provider options, as an operator sets them; the voice channel falls back to these.
                .spiOption(SPI, "sms", "account-sid", TwilioStandIn.ACCOUNT_SID)
                .spiOption(SPI, "sms", "auth-token", TwilioStandIn.AUTH_TOKEN)
                .spiOption(SPI, "sms", "from-number", TwilioStandIn.FROM_NUMBER)
                .spiOption(SPI, "sms", "api-base-url", TwilioStandIn.baseUrl(TWILIO_PORT))
                .spiOption(SPI, "sms", "read-timeout-millis", "2000");
    }
}
