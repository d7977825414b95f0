package net.trader4.keycloak.otp.channel;

import net.trader4.keycloak.otp.channel.smtp.PooledEmailSender;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.email.DefaultEmailSenderProviderFactory;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.email.freemarker.FreeMarkerEmailTemplateProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

public class EmailDeliveryChannelFactory implements DeliveryChannelFactory {

    public static final String PROVIDER_ID = "email";
    /** Open SMTP connections kept per realm; also the most sends to one realm's server at a time. */
    static final String SMTP_CONNECTIONS_OPTION = "smtp-connections";
    static final int DEFAULT_SMTP_CONNECTIONS = 4;

    private static final Logger LOG = Logger.getLogger(EmailDeliveryChannelFactory.class);

    private int smtpConnections = DEFAULT_SMTP_CONNECTIONS;
    private PooledEmailSender sender;

    @Override
    public void init(Config.Scope config) {
        smtpConnections = config.getInt(SMTP_CONNECTIONS_OPTION, DEFAULT_SMTP_CONNECTIONS);
        if (smtpConnections < 1) {
            throw new IllegalArgumentException("The email channel's " + SMTP_CONNECTIONS_OPTION + " must be at least 1, not "
                    + smtpConnections);
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        ProviderFactory<EmailSenderProvider> senders = factory.getProviderFactory(EmailSenderProvider.class);
        ProviderFactory<EmailTemplateProvider> templates = factory.getProviderFactory(EmailTemplateProvider.class);
        // Reuse is Keycloak's default sender with connections kept; a sender or renderer of the
        // operator's own is left to do what it does.
        if (senders instanceof DefaultEmailSenderProviderFactory keycloakSender
                && templates instanceof FreeMarkerEmailTemplateProviderFactory) {
            sender = new PooledEmailSender(keycloakSender.getEmailAuthenticators(), smtpConnections);
        } else {
            LOG.infof("Sign-in codes by email go through the configured email sender %s, one SMTP connection per mail",
                    senders == null ? "(none)" : senders.getId());
        }
    }

    @Override
    public DeliveryChannel create(KeycloakSession session) {
        return new EmailDeliveryChannel(session, sender);
    }

    @Override
    public void close() {
        if (sender != null) {
            sender.close();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
