package net.trader4.keycloak.admin.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AuthenticationManagementResource;

/**
 * A copy of the realm's browser flow with our one-time code step, bound as the browser flow.
 *
 * <p>The step sits in a sub-flow of its own (the code form, then the second factor the user
 * enrolled), an alternative placed right before the sub-flow holding the username and password
 * form: the user meets the code form first and can still pick the password through "Try another
 * way". Keycloak 26's browser flow (cookie, Kerberos, identity provider redirector, Organization,
 * forms) keeps every other step. The flow setup looks for is any top-level sub-flow whose own
 * steps include the code form, so a flow made by hand or imported (the demo realm's) is kept.
 */
final class BrowserFlowSetup {

    static final String OTP_FORM = "trader4-otp-form";
    static final String PASSWORD_FORM = "auth-username-password-form";
    private static final String BASIC_FLOW = "basic-flow";

    private final String alias;

    BrowserFlowSetup(String alias) {
        this.alias = alias;
    }

    String item() {
        return "browser flow \"" + alias + "\"";
    }

    String otpFlowAlias() {
        return alias + " one-time code";
    }

    /** Refuses before anything changes. */
    void check(RealmModel realm) {
        AuthenticationFlowModel flow = realm.getFlowByAlias(alias);
        if (flow != null && flow.isBuiltIn()) {
            throw SetupRefusal.badRequest("The flow \"" + alias + "\" is a built-in Keycloak flow, which stays"
                    + " unchanged; name another flowAlias (default \"" + SetupOptions.DEFAULT_FLOW_ALIAS + "\")");
        }
        if (flow != null && !flow.isTopLevel()) {
            throw SetupRefusal.badRequest("The flow \"" + alias + "\" is a sub-flow; name a top-level flow or a new alias");
        }
        if (flow == null && realm.getBrowserFlow() == null) {
            throw SetupRefusal.conflict("The realm has no browser flow to copy; bind one, then run setup again");
        }
        boolean hasOtpFlow = flow != null && otpExecution(realm, flow).isPresent();
        if (!hasOtpFlow && realm.getFlowByAlias(otpFlowAlias()) != null) {
            throw SetupRefusal.conflict("A flow named \"" + otpFlowAlias() + "\" exists outside \"" + alias
                    + "\"; rename it or name another flowAlias");
        }
    }

    List<SetupItem> apply(KeycloakSession session, RealmModel realm) {
        List<SetupItem> items = new ArrayList<>();
        AuthenticationFlowModel flow = realm.getFlowByAlias(alias);
        if (flow == null) {
            AuthenticationFlowModel source = realm.getBrowserFlow();
            flow = AuthenticationManagementResource.copyFlow(session, realm, source, alias);
            items.add(SetupItem.created(item(), "copied from \"" + source.getAlias() + "\""));
        } else {
            items.add(SetupItem.kept(item(), "exists"));
        }
        items.add(ensureOtpStep(realm, flow));
        items.add(bind(realm, flow));
        return items;
    }

    private SetupItem ensureOtpStep(RealmModel realm, AuthenticationFlowModel flow) {
        String item = "one-time code step in \"" + alias + "\"";
        Optional<AuthenticationExecutionModel> found = otpExecution(realm, flow);
        Changes changes = new Changes();
        AuthenticationExecutionModel otp;
        boolean created = found.isEmpty();
        if (created) {
            otp = addOtpFlow(realm, flow);
        } else {
            otp = found.get();
            // An added or reset step starts DISABLED; REQUIRED is an admin's choice to make it the only way.
            if (otp.getRequirement() != Requirement.ALTERNATIVE && otp.getRequirement() != Requirement.REQUIRED) {
                otp.setRequirement(Requirement.ALTERNATIVE);
                realm.updateAuthenticatorExecution(otp);
                changes.add("turned on (" + Requirement.ALTERNATIVE + ")");
            }
            realm.getAuthenticationExecutionsStream(otp.getFlowId())
                    .filter(e -> OTP_FORM.equals(e.getAuthenticator()) && e.getRequirement() != Requirement.REQUIRED)
                    .forEach(e -> {
                        e.setRequirement(Requirement.REQUIRED);
                        realm.updateAuthenticatorExecution(e);
                        changes.add("code form " + Requirement.REQUIRED);
                    });
        }
        if (placeBeforePasswordForm(realm, flow, otp)) {
            changes.add("moved above the username and password form");
        }
        if (created) {
            return SetupItem.created(item, "sub-flow \"" + otpFlowAlias() + "\" (code form, then the user's second factor),"
                    + " above the username and password form");
        }
        return SetupItem.fixed(item, changes, "in place above the username and password form");
    }

    private SetupItem bind(RealmModel realm, AuthenticationFlowModel flow) {
        String item = "realm browser flow";
        AuthenticationFlowModel bound = realm.getBrowserFlow();
        if (bound != null && bound.getId().equals(flow.getId())) {
            return SetupItem.kept(item, "\"" + alias + "\"");
        }
        realm.setBrowserFlow(flow);
        return new SetupItem(item, Outcome.CHANGED, "\"" + alias + "\" instead of \""
                + (bound == null ? "none" : bound.getAlias()) + "\"");
    }

    /** The top-level execution of {@code flow} whose sub-flow directly holds the code form. */
    static Optional<AuthenticationExecutionModel> otpExecution(RealmModel realm, AuthenticationFlowModel flow) {
        return realm.getAuthenticationExecutionsStream(flow.getId())
                .filter(e -> e.isAuthenticatorFlow()
                        && realm.getAuthenticationExecutionsStream(e.getFlowId()).anyMatch(c -> OTP_FORM.equals(c.getAuthenticator())))
                .findFirst();
    }

    private AuthenticationExecutionModel addOtpFlow(RealmModel realm, AuthenticationFlowModel flow) {
        AuthenticationFlowModel otpFlow = subFlow(realm, otpFlowAlias(),
                "trader4 OTP by identifier, then the second factor the user enrolled");
        AuthenticationFlowModel secondFactor = subFlow(realm, otpFlowAlias() + " - conditional 2FA",
                "A second factor when the user has one: an authenticator app code or a security key");
        execution(realm, otpFlow, OTP_FORM, null, Requirement.REQUIRED, 10);
        execution(realm, otpFlow, null, secondFactor, Requirement.CONDITIONAL, 20);
        execution(realm, secondFactor, "conditional-user-configured", null, Requirement.REQUIRED, 10);
        execution(realm, secondFactor, "auth-otp-form", null, Requirement.ALTERNATIVE, 20);
        execution(realm, secondFactor, "webauthn-authenticator", null, Requirement.ALTERNATIVE, 30);
        int last = realm.getAuthenticationExecutionsStream(flow.getId())
                .mapToInt(AuthenticationExecutionModel::getPriority).max().orElse(0);
        return execution(realm, flow, null, otpFlow, Requirement.ALTERNATIVE, last + 10);
    }

    private static AuthenticationFlowModel subFlow(RealmModel realm, String alias, String description) {
        AuthenticationFlowModel model = new AuthenticationFlowModel();
        model.setAlias(alias);
        model.setDescription(description);
        model.setProviderId(BASIC_FLOW);
        model.setTopLevel(false);
        model.setBuiltIn(false);
        return realm.addAuthenticationFlow(model);
    }

    private static AuthenticationExecutionModel execution(RealmModel realm, AuthenticationFlowModel parent, String authenticator,
                                                          AuthenticationFlowModel subFlow, Requirement requirement, int priority) {
        AuthenticationExecutionModel model = new AuthenticationExecutionModel();
        model.setParentFlow(parent.getId());
        if (subFlow != null) {
            model.setAuthenticatorFlow(true);
            model.setFlowId(subFlow.getId());
        } else {
            model.setAuthenticatorFlow(false);
            model.setAuthenticator(authenticator);
        }
        model.setRequirement(requirement);
        model.setPriority(priority);
        return realm.addAuthenticatorExecution(model);
    }

    /**
     * Moves the code step right before the top-level step that leads to the password form, when it
     * is not above it already. Priorities are renumbered (10, 20, ...) in the new order only when
     * that order needs it. Returns whether anything moved.
     */
    private static boolean placeBeforePasswordForm(RealmModel realm, AuthenticationFlowModel flow, AuthenticationExecutionModel otp) {
        List<AuthenticationExecutionModel> steps = realm.getAuthenticationExecutionsStream(flow.getId())
                .collect(Collectors.toCollection(ArrayList::new));
        int otpIndex = indexOf(steps, otp);
        int passwordIndex = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (leadsToPasswordForm(realm, steps.get(i))) {
                passwordIndex = i;
                break;
            }
        }
        if (passwordIndex < 0 || otpIndex < passwordIndex) {
            return false;
        }
        AuthenticationExecutionModel moved = steps.remove(otpIndex);
        steps.add(passwordIndex, moved);
        for (int i = 0; i < steps.size(); i++) {
            AuthenticationExecutionModel step = steps.get(i);
            int priority = (i + 1) * 10;
            if (step.getPriority() != priority) {
                step.setPriority(priority);
                realm.updateAuthenticatorExecution(step);
            }
        }
        return true;
    }

    private static int indexOf(List<AuthenticationExecutionModel> steps, AuthenticationExecutionModel wanted) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).getId().equals(wanted.getId())) {
                return i;
            }
        }
        throw new IllegalStateException("the code step is not a step of its flow");
    }

    private static boolean leadsToPasswordForm(RealmModel realm, AuthenticationExecutionModel step) {
        if (PASSWORD_FORM.equals(step.getAuthenticator())) {
            return true;
        }
        return step.isAuthenticatorFlow()
                && realm.getAuthenticationExecutionsStream(step.getFlowId()).anyMatch(child -> leadsToPasswordForm(realm, child));
    }
}
