package net.trader4.keycloak.otp.channel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.trader4.keycloak.otp.channel.smtp.PooledEmailSender;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import net.trader4.keycloak.otp.identifier.LogSafeText;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.UserModelDelegate;

/**
 * Sends codes in the realm's email theme (templates {@code html/trader4-otp.ftl} and
 * {@code text/trader4-otp.ftl}), in the user's language, rendered by Keycloak. They go through the
 * {@link PooledEmailSender} (connections to the realm's SMTP server kept open) when Keycloak's
 * sender and renderer are its defaults, else through whatever sender Keycloak is given.
 */
public class EmailDeliveryChannel implements DeliveryChannel {

    static final String TEMPLATE = "trader4-otp.ftl";
    static final String SUBJECT_KEY = "trader4OtpSubject";

    private static final Logger LOG = Logger.getLogger(EmailDeliveryChannel.class);

    private final KeycloakSession session;
    private final PooledEmailSender sender;

    /** @param sender {@code null} to send with Keycloak's configured email sender */
    public EmailDeliveryChannel(KeycloakSession session, PooledEmailSender sender) {
        this.session = session;
        this.sender = sender;
    }

    @Override
    public boolean supports(IdentifierType type) {
        return type == IdentifierType.EMAIL;
    }

    @Override
    public boolean isReady(RealmModel realm) {
        Map<String, String> smtp = realm.getSmtpConfig();
        return smtp != null && smtp.get("host") != null && !smtp.get("host").isBlank();
    }

    @Override
    public void deliver(OtpDelivery delivery) throws DeliveryException {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("code", delivery.code());
        attributes.put("ttlMinutes", Math.max(1, delivery.ttlSeconds() / 60));
        attributes.put("destination", delivery.destination().masked());
        try {
            templates()
                    .setRealm(delivery.realm())
                    .setUser(new Addressee(delivery.user(), delivery.destination().value()))
                    .send(SUBJECT_KEY, List.of(realmName(delivery)), TEMPLATE, attributes);
        } catch (EmailException e) {
            LOG.warnf("Sending a sign-in code by email to %s failed: %s", delivery.destination().masked(), rootMessage(e));
            throw new DeliveryException(DeliveryException.Reason.PROVIDER_UNAVAILABLE,
                    "The email could not be sent. Please try again in a moment.", e);
        }
    }

    /**
     * The account, reached at the address the code goes to (which need not be the account's email
     * yet). Keycloak's sender mails the user's email; the form that takes an address of its own
     * came only with Keycloak 26.6.
     */
    static final class Addressee extends UserModelDelegate {

        private final String address;

        Addressee(UserModel user, String address) {
            super(user);
            this.address = address;
        }

        @Override
        public String getEmail() {
            return address;
        }
    }

    private EmailTemplateProvider templates() {
        return sender == null ? session.getProvider(EmailTemplateProvider.class) : new OtpEmailTemplates(session, sender);
    }

    private static String realmName(OtpDelivery delivery) {
        String display = delivery.realm().getDisplayName();
        return display == null || display.isBlank() ? delivery.realm().getName() : display;
    }

    /** The mail server's reply, which quotes the recipient, with addresses and numbers masked. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + LogSafeText.of(root.getMessage());
    }
}
