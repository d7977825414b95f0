package net.trader4.keycloak.otp.channel;

import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

/**
 * Development only: writes the code to the server log instead of sending it. Used only when a
 * realm turns on {@code trader4.otp.devLogChannel} and no real channel can reach the identifier.
 */
public class LogDeliveryChannel implements DeliveryChannel {

    private static final Logger LOG = Logger.getLogger(LogDeliveryChannel.class);

    @Override
    public boolean supports(IdentifierType type) {
        return type != IdentifierType.WALLET;
    }

    @Override
    public boolean isReady(RealmModel realm) {
        return true;
    }

    @Override
    public void deliver(OtpDelivery delivery) {
        LOG.warnf("""

                ******** DEVELOPMENT ONLY: trader4 'log' delivery channel ********
                realm %s: sign-in code for %s is %s (valid %d s)
                Never enable trader4.otp.devLogChannel in production.
                ******************************************************************""",
                delivery.realm().getName(), delivery.destination().masked(), delivery.code(), delivery.ttlSeconds());
    }
}
