package net.trader4.keycloak.rest;


import net.trader4.keycloak.common.Trader4ProviderFactory;
import net.trader4.keycloak.common.origin.SignInOrigin;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves the API under {@code /realms/{realm}/trader4/}. */
public class Trader4ResourceProviderFactory implements RealmResourceProviderFactory, Trader4ProviderFactory<RealmResourceProvider> {

    public static final String PROVIDER_ID = "trader4";
    private static final Logger LOG = Logger.getLogger(Trader4ResourceProviderFactory.class);

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new Trader4ResourceProvider(session);
    }

    /**
     * Without a configured hostname Keycloak builds its URLs from each request's {@code Host}; what
     * binds a sign-in to this server then stays off in realms without a Frontend URL (see
     * {@link SignInOrigin}): say so at start-up rather than let a deployment find out later.
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        String hostname = SignInOrigin.serverHostname();
        if (hostname == null || hostname.isBlank()) {
            LOG.warn("No hostname is configured: wallet sign-in and QR login are off, and SMS codes carry no autofill line,"
                    + " in every realm without a Frontend URL. Set Keycloak's hostname option, or each realm's Frontend URL"
                    + " (see docs/operations.md).");
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
