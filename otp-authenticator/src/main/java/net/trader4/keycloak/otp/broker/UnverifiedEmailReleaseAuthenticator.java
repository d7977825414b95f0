package net.trader4.keycloak.otp.broker;

import net.trader4.keycloak.otp.identifier.UnverifiedEmails;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * First broker login: an account that holds the brokered email address without ever having
 * verified it has no claim to it. When the identity provider vouches for the address (trust
 * email), the address (and a username equal to it) is taken from that account before the flow
 * creates or links an account, so the next steps link only to an account that proved the address,
 * or create a new one: whoever typed someone else's address never gets their sign-in.
 */
public class UnverifiedEmailReleaseAuthenticator extends AbstractIdpAuthenticator {

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serialized,
                                    BrokeredIdentityContext broker) {
        String email = broker.getEmail();
        if (email != null && !email.isBlank() && broker.getIdpConfig().isTrustEmail()) {
            UnverifiedEmails.release(context.getSession(), context.getRealm(), email.trim(),
                    "identity provider " + broker.getIdpConfig().getAlias());
        }
        context.success();
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serialized,
                              BrokeredIdentityContext broker) {
        authenticateImpl(context, serialized, broker);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
