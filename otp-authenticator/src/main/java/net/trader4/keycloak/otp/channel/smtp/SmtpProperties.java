package net.trader4.keycloak.otp.channel.smtp;

import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

import org.jboss.logging.Logger;
import org.keycloak.common.enums.HostnameVerificationPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.truststore.JSSETruststoreConfigurator;

/**
 * The jakarta.mail session properties for a realm's SMTP settings, with the meaning Keycloak's
 * own sender gives them (Keycloak 26.7 {@code DefaultEmailSenderProvider}): host and port, SSL,
 * STARTTLS, authentication (XOAUTH2 for {@code authType=token}), the server's truststore and
 * hostname policy once TLS or authentication is on, the three timeouts (10 s when unset), the
 * envelope sender and UTF-8 addresses. Not its {@code debug} switch.
 */
final class SmtpProperties {

    static final String DEFAULT_TIMEOUT_MILLIS = "10000";

    private static final Logger LOG = Logger.getLogger(SmtpProperties.class);
    private static final String TLS_PROTOCOLS = supportedTlsProtocols();

    private SmtpProperties() {
    }

    static Properties of(Map<String, String> config, String from, KeycloakSession session) {
        Properties props = new Properties();
        if (config.get("host") != null) {
            props.setProperty("mail.smtp.host", config.get("host"));
        }
        if (config.get("port") != null) {
            props.setProperty("mail.smtp.port", config.get("port"));
        }
        if (SmtpSettings.auth(config)) {
            props.setProperty("mail.smtp.auth", "true");
        }
        if ("token".equals(config.get("authType"))) {
            props.setProperty("mail.smtp.auth.mechanisms", "XOAUTH2");
        }
        // The realm's "debug" switch is not followed: jakarta.mail's debug output is the whole SMTP
        // conversation, the code and the recipient's address included.
        boolean ssl = SmtpSettings.isTrue(config, "ssl");
        boolean starttls = SmtpSettings.isTrue(config, "starttls");
        if (ssl) {
            props.setProperty("mail.smtp.ssl.enable", "true");
        }
        if (starttls) {
            props.setProperty("mail.smtp.starttls.enable", "true");
        }
        if (ssl || starttls || SmtpSettings.auth(config)) {
            if (TLS_PROTOCOLS != null) {
                props.setProperty("mail.smtp.ssl.protocols", TLS_PROTOCOLS);
            }
            trustAsKeycloakDoes(props, session);
        }
        props.setProperty("mail.smtp.timeout", config.getOrDefault("timeout", DEFAULT_TIMEOUT_MILLIS));
        props.setProperty("mail.smtp.connectiontimeout", config.getOrDefault("connectionTimeout", DEFAULT_TIMEOUT_MILLIS));
        props.setProperty("mail.smtp.writetimeout", config.getOrDefault("writeTimeout", DEFAULT_TIMEOUT_MILLIS));
        String envelopeFrom = config.get("envelopeFrom");
        if (envelopeFrom != null && !envelopeFrom.isBlank()) {
            props.setProperty("mail.smtp.from", envelopeFrom);
        }
        if (SmtpSettings.allowUtf8(config)) {
            props.setProperty("mail.mime.allowutf8", "true");
        }
        // Without it jakarta.mail looks up the local host name for the Message-ID: slow, and it
        // would tell internal names to every recipient.
        props.setProperty("mail.from", from);
        // A connection is closed when it failed, went idle or its realm's settings changed: none
        // of these should hold a sign-in request for the server's goodbye.
        props.setProperty("mail.smtp.quitwait", "false");
        return props;
    }

    /** Keycloak's truststore (the truststore SPI), and its hostname policy, for the TLS handshake. */
    private static void trustAsKeycloakDoes(Properties props, KeycloakSession session) {
        JSSETruststoreConfigurator truststore = new JSSETruststoreConfigurator(session);
        SSLSocketFactory factory = truststore.getSSLSocketFactory();
        if (factory == null) {
            return;
        }
        props.put("mail.smtp.ssl.socketFactory", factory);
        if (truststore.getProvider().getPolicy() == HostnameVerificationPolicy.ANY) {
            props.setProperty("mail.smtp.ssl.trust", "*");
            props.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        } else {
            props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
    }

    private static String supportedTlsProtocols() {
        try {
            String[] protocols = SSLContext.getDefault().getSupportedSSLParameters().getProtocols();
            return protocols == null ? null : String.join(" ", protocols);
        } catch (Exception e) {
            LOG.warn("Could not read the TLS protocols this JVM supports; jakarta.mail's defaults apply", e);
            return null;
        }
    }
}
