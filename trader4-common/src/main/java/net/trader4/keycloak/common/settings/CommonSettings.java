package net.trader4.keycloak.common.settings;

import java.util.List;
import java.util.Optional;

import net.trader4.keycloak.common.origin.PublicBaseUrl;
import org.keycloak.models.RealmModel;

/**
 * Realm settings that belong to no single capability: which client the API serves, where a proxy
 * serves it, and the trust in request hosts.
 */
public final class CommonSettings {

    /** The client the API issues tokens to. */
    public static final String API_CLIENT_ID = "trader4.api.clientId";
    public static final String DEFAULT_API_CLIENT_ID = "trader4-api";
    /** Opt-in for set-ups with no single public address (nodes addressed one by one, a laptop). */
    public static final String REQUEST_HOST_TRUSTED = "trader4.requestHostTrusted";

    public static final SettingsGroup GROUP = new SettingsGroup("API and address", List.of(
            RealmSetting.text(API_CLIENT_ID, "API client",
                    "Client id of the client the /v1/oauth API issues tokens to.", DEFAULT_API_CLIENT_ID, RealmSetting.NAME),
            RealmSetting.text(PublicBaseUrl.ATTRIBUTE, "Public address of the API",
                    "Where clients reach the API when a proxy serves the contract's own paths, such as "
                            + "https://api.example.com for https://api.example.com/v1/oauth/sign: the QR image URL, the "
                            + "OpenAPI servers and the Google callback are built on it. Empty: Keycloak's own addresses.",
                    null, CommonSettings::publicBaseUrlProblem),
            RealmSetting.bool(REQUEST_HOST_TRUSTED, "Trust the request's host",
                    "With neither Keycloak's hostname nor the realm's Frontend URL set, let wallet messages, SMS autofill "
                            + "lines and QR links name the request's Host instead of leaving them out. Only for set-ups with "
                            + "no single public address.", false)));

    private CommonSettings() {
    }

    /** The client id the realm's API issues tokens to. */
    public static String apiClientId(RealmModel realm) {
        String configured = RealmSettings.value(realm, API_CLIENT_ID);
        return configured == null ? DEFAULT_API_CLIENT_ID : configured.trim();
    }

    private static Optional<String> publicBaseUrlProblem(String value) {
        try {
            PublicBaseUrl.parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
