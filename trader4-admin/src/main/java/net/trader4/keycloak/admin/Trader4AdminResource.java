package net.trader4.keycloak.admin;

import jakarta.ws.rs.Path;
import net.trader4.keycloak.admin.settings.SettingsResource;
import net.trader4.keycloak.admin.setup.SetupResource;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/trader4}: one sub-resource per administrative task; each checks its own permissions. */
public class Trader4AdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public Trader4AdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @Path("settings")
    public SettingsResource settings() {
        return new SettingsResource(session, realm, auth, adminEvent);
    }

    @Path("setup")
    public SetupResource setup() {
        return new SetupResource(session, realm, auth, adminEvent);
    }
}
