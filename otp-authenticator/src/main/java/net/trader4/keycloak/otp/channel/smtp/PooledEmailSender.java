package net.trader4.keycloak.otp.channel.smtp;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.keycloak.email.EmailAuthenticator;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Sends rendered mails through each realm's SMTP server with Keycloak's semantics (see
 * {@link SmtpProperties}, {@link MailMessage}), but keeps one mail session per realm's settings
 * and up to {@code maxConnections} open connections to its server instead of a new session and
 * connection per mail. A realm whose settings change gets a new session and connections; the old
 * connections are closed.
 */
public final class PooledEmailSender implements AutoCloseable {

    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Map<EmailAuthenticator.AuthenticatorType, EmailAuthenticator> authenticators;
    private final int maxConnections;
    private final PerRealm<SmtpServer> servers = new PerRealm<>(SmtpServer::retire);
    private final AtomicLong nextSweepNanos = new AtomicLong(System.nanoTime() + SWEEP_INTERVAL_NANOS);

    /** @param authenticators Keycloak's own SMTP authenticators, by the type a realm's settings choose */
    public PooledEmailSender(Map<EmailAuthenticator.AuthenticatorType, EmailAuthenticator> authenticators, int maxConnections) {
        this.authenticators = authenticators;
        this.maxConnections = maxConnections;
    }

    public void send(KeycloakSession session, RealmModel realm, Map<String, String> config, String address, String subject,
                     String textBody, String htmlBody) throws EmailException {
        boolean allowUtf8 = SmtpSettings.allowUtf8(config);
        String to = SmtpSettings.wireAddress(address, allowUtf8, "recipient");
        String from = SmtpSettings.wireAddress(config.get("from"), allowUtf8, "sender");
        EmailAuthenticator authenticator = authenticators.get(SmtpSettings.authenticatorType(config));
        if (authenticator == null) {
            throw new EmailException("Keycloak offers no SMTP authenticator for the realm's settings");
        }
        SmtpServer server = servers.current(realm.getId(), config,
                settings -> new SmtpServer(settings, Session.getInstance(SmtpProperties.of(settings, from, session)),
                        authenticator, maxConnections));
        MimeMessage message = MailMessage.build(server.mailSession(), config, from, to, subject, textBody, htmlBody);
        try {
            server.send(session, message, new InternetAddress(to));
        } catch (EmailException e) {
            throw e;
        } catch (Exception e) {
            throw new EmailException("The mail server did not take the mail", e);
        } finally {
            sweepIfDue();
        }
    }

    /** Closes every connection. */
    @Override
    public void close() {
        servers.retireAll();
    }

    /** Realms that stopped sending keep no connections open for long. */
    private void sweepIfDue() {
        long now = System.nanoTime();
        long due = nextSweepNanos.get();
        if (now - due >= 0 && nextSweepNanos.compareAndSet(due, now + SWEEP_INTERVAL_NANOS)) {
            servers.forEach(SmtpServer::closeIdleTooLong);
        }
    }
}
