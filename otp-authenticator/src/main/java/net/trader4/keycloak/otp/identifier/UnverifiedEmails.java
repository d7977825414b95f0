package net.trader4.keycloak.otp.identifier;

import net.trader4.keycloak.otp.challenge.CodeGenerator;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * An account that holds an email address it never verified has no claim to it. When the
 * address's owner proves it (a code reached the mailbox, or an identity provider vouches for it),
 * the address is taken from that account, and so is a username equal to it, before the owner's
 * own account is made: the owner never lands in an account someone else set up with the address.
 */
public final class UnverifiedEmails {

    private static final Logger LOG = Logger.getLogger(UnverifiedEmails.class);

    private UnverifiedEmails() {
    }

    public static void release(KeycloakSession session, RealmModel realm, String email, String provenBy) {
        UserModel squatter = UserLookup.unverifiedEmailHolder(session, realm, email);
        if (squatter == null) {
            return;
        }
        squatter.setEmail(null);
        if (email.equalsIgnoreCase(squatter.getUsername())) {
            squatter.setUsername("released-" + CodeGenerator.hex(8));
        }
        LOG.infof("Released an unverified email address from account %s in realm %s: its owner proved it (%s)",
                squatter.getId(), realm.getName(), provenBy);
    }
}
