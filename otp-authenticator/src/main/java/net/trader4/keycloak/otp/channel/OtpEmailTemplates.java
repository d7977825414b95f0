package net.trader4.keycloak.otp.channel;

import java.util.Map;

import net.trader4.keycloak.otp.channel.smtp.PooledEmailSender;
import org.keycloak.email.EmailException;
import org.keycloak.email.freemarker.FreeMarkerEmailTemplateProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's own email rendering (theme, language, subject and both bodies, exactly as for its
 * own mails), handing the rendered mail to the {@link PooledEmailSender} instead of Keycloak's
 * sender, which would open a new mail session and SMTP connection for it.
 */
final class OtpEmailTemplates extends FreeMarkerEmailTemplateProvider {

    private final PooledEmailSender sender;

    OtpEmailTemplates(KeycloakSession session, PooledEmailSender sender) {
        super(session);
        this.sender = sender;
    }

    /** Without an address of its own, the mail goes to the user's email, as with Keycloak's sender. */
    @Override
    protected void send(Map<String, String> config, String subject, String textBody, String htmlBody, String address)
            throws EmailException {
        String to = address != null ? address : user.getEmail();
        if (to == null) {
            throw new EmailException("No email address to send to");
        }
        sender.send(session, realm, config, to, subject, textBody, htmlBody);
    }
}
