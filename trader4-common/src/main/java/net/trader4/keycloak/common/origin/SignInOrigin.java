package net.trader4.keycloak.common.origin;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

import net.trader4.keycloak.common.settings.CommonSettings;
import net.trader4.keycloak.common.settings.RealmSettings;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The address users sign in at, as the operator configured it: what a wallet message names, what
 * the SMS autofill line binds a code to, and what a QR code sends a phone to. Without Keycloak's
 * hostname option or the realm's Frontend URL, Keycloak builds its URLs from each request's
 * {@code Host}, which a phishing proxy chooses; then there is no origin, and what would need one
 * is refused or left out, unless the realm says it trusts the request's host.
 */
public final class SignInOrigin {

    /** The realm attribute Keycloak stores the admin console's "Frontend URL" in. */
    static final String REALM_FRONTEND_URL = "frontendUrl";
    /** Opt-in for set-ups with no single public address (nodes addressed one by one, a laptop). */
    public static final String REQUEST_HOST_TRUSTED = CommonSettings.REQUEST_HOST_TRUSTED;

    private SignInOrigin() {
    }

    /** The configured base URL of the server, or empty when only the request's Host could say. */
    public static Optional<URI> of(KeycloakSession session, RealmModel realm) {
        return choose(realm.getAttribute(REALM_FRONTEND_URL), serverHostname(),
                Boolean.parseBoolean(RealmSettings.value(realm, REQUEST_HOST_TRUSTED)),
                () -> session.getContext().getUri().getBaseUri());
    }

    /** Keycloak's own frontend base (which honours both settings) when either is set; otherwise nothing. */
    static Optional<URI> choose(String realmFrontendUrl, String serverHostname, boolean requestHostTrusted,
            Supplier<URI> keycloakFrontendBase) {
        boolean configured = isSet(realmFrontendUrl) || isSet(serverHostname);
        return configured || requestHostTrusted ? Optional.of(keycloakFrontendBase.get()) : Optional.empty();
    }

    /** Keycloak's {@code hostname} option (its hostname provider's setting). */
    public static String serverHostname() {
        return Config.scope("hostname", "v2").get("hostname");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
