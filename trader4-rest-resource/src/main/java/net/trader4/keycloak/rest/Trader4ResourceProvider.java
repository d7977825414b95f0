package net.trader4.keycloak.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

public class Trader4ResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    public Trader4ResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new SignInApiResource(session);
    }

    @Override
    public void close() {
    }
}
