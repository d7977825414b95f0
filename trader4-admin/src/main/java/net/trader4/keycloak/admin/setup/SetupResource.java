package net.trader4.keycloak.admin.setup;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code POST /admin/realms/{realm}/trader4/setup}: sets trader4 up in the realm, or checks that
 * it is, and answers what it created, changed or kept. Needs {@code manage-realm}.
 */
public class SetupResource {

    private static final Logger LOG = Logger.getLogger(SetupResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public SetupResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public SetupReport setUp(@QueryParam("flowAlias") String flowAlias, @QueryParam("wallets") String wallets,
                             @Context UriInfo uriInfo) {
        auth.realm().requireManageRealm();
        SetupReport report;
        try {
            report = new RealmSetup(session, realm).run(SetupOptions.parse(flowAlias, wallets));
        } catch (SetupRefusal refusal) {
            throw ErrorResponse.error(refusal.getMessage(), refusal.status());
        }
        // Setup may just have turned admin events on: this call is the first they record.
        adminEvent.refreshRealmEventsConfig(session)
                .operation(OperationType.ACTION)
                .resource(ResourceType.REALM)
                .resourcePath(uriInfo)
                .representation(report)
                .success();
        LOG.infof("trader4 setup of realm %s: %s", realm.getName(), report.changed() ? "changed" : "nothing to change");
        return report;
    }
}
