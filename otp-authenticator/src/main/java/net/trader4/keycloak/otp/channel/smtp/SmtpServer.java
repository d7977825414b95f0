package net.trader4.keycloak.otp.channel.smtp;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailAuthenticator;
import org.keycloak.models.KeycloakSession;

/**
 * One realm's SMTP server as its settings name it: one jakarta.mail session and a few open
 * connections, authenticated by Keycloak's own authenticator for the settings (password from
 * the vault, OAuth token), reused message after message.
 */
final class SmtpServer {

    /** Mail servers commonly drop a client idle for 5 minutes (RFC 5321 asks them to wait at least that). */
    static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private static final Logger LOG = Logger.getLogger(SmtpServer.class);

    private final Map<String, String> config;
    private final Session mailSession;
    private final EmailAuthenticator authenticator;
    private final ConnectionPool<Transport> connections;

    SmtpServer(Map<String, String> config, Session mailSession, EmailAuthenticator authenticator, int maxConnections) {
        this.config = config;
        this.mailSession = mailSession;
        this.authenticator = authenticator;
        this.connections = new ConnectionPool<>(SmtpServer::closeQuietly, maxConnections, MAX_IDLE_NANOS, System::nanoTime);
    }

    Session mailSession() {
        return mailSession;
    }

    /** Sends on a kept connection, or a fresh one when there is none or the kept one failed. */
    void send(KeycloakSession session, MimeMessage message, Address recipient) throws Exception {
        connections.use(() -> connect(session), transport -> transport.sendMessage(message, new Address[]{recipient}),
                SmtpServer::mayBeTheConnection, SmtpSettings.connectWaitMillis(config));
    }

    void closeIdleTooLong() {
        connections.closeIdleTooLong();
    }

    void retire() {
        connections.retire();
    }

    private Transport connect(KeycloakSession session) throws Exception {
        Transport transport = mailSession.getTransport("smtp");
        try {
            authenticator.connect(session, config, transport);
            return transport;
        } catch (Exception e) {
            closeQuietly(transport);
            throw e;
        }
    }

    /** A refused recipient is the server's answer about the address: another connection would get the same. */
    private static boolean mayBeTheConnection(Exception failure) {
        return !(failure instanceof SendFailedException refused
                && refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0);
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debugf("Closing an SMTP connection failed: %s", e.getClass().getSimpleName());
        }
    }
}
