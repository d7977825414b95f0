package net.trader4.keycloak.admin;


import net.trader4.keycloak.common.Trader4ProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Serves {@link Trader4AdminResource} at {@code /admin/realms/{realm}/trader4}, behind Keycloak's admin authentication. */
public class Trader4AdminResourceProviderFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider, Trader4ProviderFactory<AdminRealmResourceProvider> {

    public static final String ID = "trader4";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        return new Trader4AdminResource(session, realm, auth, adminEvent);
    }

    @Override
    public void close() {
    }
}
