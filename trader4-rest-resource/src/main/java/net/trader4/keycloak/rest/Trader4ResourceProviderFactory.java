package net.trader4.keycloak.rest;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves the API under {@code /realms/{realm}/trader4/}. */
public class Trader4ResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "trader4";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new Trader4ResourceProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
