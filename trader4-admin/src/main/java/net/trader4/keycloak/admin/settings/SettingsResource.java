package net.trader4.keycloak.admin.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.common.settings.InvalidSettingException;
import net.trader4.keycloak.common.settings.RealmSettings;
import net.trader4.keycloak.common.settings.SettingsCatalogue;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/trader4/settings}: the realm's trader4 settings. GET needs
 * view-realm, PUT manage-realm, as Keycloak's own realm settings do. The values live in the realm's
 * attributes, the one store every sign-in reads, which realm imports carry and Keycloak caches with
 * the realm; secrets in the realm's secret store ({@code SecretSettings}). A change is checked whole
 * before anything is written.
 */
public class SettingsResource {

    private static final SettingsCatalogue CATALOGUE = Trader4Settings.CATALOGUE;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public SettingsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @GET
    public Response get() {
        auth.realm().requireViewRealm();
        return json(Response.Status.OK, SettingsView.of(CATALOGUE, this::stored));
    }

    /** A partial update: only the settings named change; any refused value refuses the whole change. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(String body) {
        auth.realm().requireManageRealm();
        Map<String, Optional<String>> change;
        try {
            change = CATALOGUE.check(SettingsChange.parse(body), this::stored);
        } catch (SettingsChange.Unreadable e) {
            return json(Response.Status.BAD_REQUEST, error("invalid_request", null, e.getMessage(), List.of()));
        } catch (SettingsCatalogue.Refusal e) {
            List<Object> each = e.problems().stream()
                    .map(problem -> (Object) error(null, problem.setting(), problem.getMessage(), List.of())).toList();
            InvalidSettingException first = e.problems().get(0);
            return json(Response.Status.BAD_REQUEST, error("invalid_setting", first.setting(), first.getMessage(), each));
        }
        RealmSettings.write(realm, CATALOGUE, change);
        if (!change.isEmpty()) {
            SettingsTabFactory.mirror(realm);
            adminEvent.operation(OperationType.UPDATE).resource(ResourceType.REALM)
                    .resourcePath(session.getContext().getUri())
                    .representation(SettingsView.event(CATALOGUE, change))
                    .success();
        }
        return json(Response.Status.OK, SettingsView.of(CATALOGUE, this::stored));
    }

    private String stored(String attribute) {
        return RealmSettings.reader(realm, CATALOGUE).apply(attribute);
    }

    /** Keycloak's admin error shape ({@code errorMessage}, {@code field}, {@code errors}) with an error code. */
    private static Map<String, Object> error(String code, String field, String message, List<Object> each) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (code != null) {
            error.put("error", code);
        }
        if (field != null) {
            error.put("field", field);
        }
        error.put("errorMessage", message);
        if (!each.isEmpty()) {
            error.put("errors", each);
        }
        return error;
    }

    private static Response json(Response.Status status, Object entity) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(entity).build();
    }
}
