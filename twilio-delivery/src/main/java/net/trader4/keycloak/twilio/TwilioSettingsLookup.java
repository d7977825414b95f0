package net.trader4.keycloak.twilio;

import static net.trader4.keycloak.twilio.TwilioConfigProperties.*;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.trader4.keycloak.common.settings.RealmSetting;
import net.trader4.keycloak.common.settings.RealmSettings;
import org.keycloak.Config;
import org.keycloak.models.RealmModel;

/**
 * Where a realm's Twilio settings come from: the realm attribute {@code trader4.twilio.<name>}
 * (the secrets from the realm's secret store) first, then the provider options in the order given; except the credentials, which come as
 * one set, all from the realm or all from the server.
 *
 * <p>A realm admin must never be able to send the server's credentials somewhere else: a realm
 * that names its own API base URL, or any credential, must bring a complete set of its own
 * (account SID with an auth token, or an API key with its secret), and then none of the server's
 * is used. The server's credentials only ever go to the server's own endpoint.
 */
final class TwilioSettingsLookup {

    static final Set<String> CREDENTIALS = Set.of(ACCOUNT_SID, AUTH_TOKEN, API_KEY_SID, API_KEY_SECRET);

    /** Kept in the realm's secret store, not in its attributes. */
    static final Set<String> SECRETS = GROUP.settings().stream().filter(RealmSetting::isSecret)
            .map(setting -> setting.attribute().substring(REALM_ATTRIBUTE_PREFIX.length())).collect(Collectors.toUnmodifiableSet());

    private TwilioSettingsLookup() {
    }

    /**
     * @throws IllegalArgumentException when the realm names an endpoint or credentials without a
     *                                  complete set of its own; the message names the settings
     */
    static Function<String, String> forRealm(RealmModel realm, List<Config.Scope> providerOptions) {
        Function<String, String> fromRealm = name -> SECRETS.contains(name)
                ? RealmSettings.secret(realm, REALM_ATTRIBUTE_PREFIX + name) : RealmSettings.value(realm, REALM_ATTRIBUTE_PREFIX + name);
        Function<String, String> fromServer = name -> providerOptions.stream()
                .filter(Objects::nonNull)
                .map(options -> blankToNull(options.get(name)))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        String problem = ownCredentialsProblem(fromRealm);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        boolean realmCredentials = CREDENTIALS.stream().anyMatch(name -> fromRealm.apply(name) != null);
        boolean realmEndpoint = fromRealm.apply(API_BASE_URL) != null;
        boolean credentialsFromRealm = realmCredentials || realmEndpoint;
        return name -> {
            if (CREDENTIALS.contains(name)) {
                return credentialsFromRealm ? fromRealm.apply(name) : fromServer.apply(name);
            }
            String value = fromRealm.apply(name);
            return value != null ? value : fromServer.apply(name);
        };
    }

    /**
     * What is wrong when a realm names an endpoint or credentials without a complete set of its
     * own; {@code null} when nothing is.
     *
     * @param fromRealm the realm's Twilio settings by name without prefix
     */
    static String ownCredentialsProblem(Function<String, String> fromRealm) {
        boolean realmCredentials = CREDENTIALS.stream().anyMatch(name -> blankToNull(fromRealm.apply(name)) != null);
        boolean realmEndpoint = blankToNull(fromRealm.apply(API_BASE_URL)) != null;
        if (!(realmCredentials || realmEndpoint) || completeCredentials(name -> blankToNull(fromRealm.apply(name)))) {
            return null;
        }
        return realmEndpoint
                ? "the realm sets " + REALM_ATTRIBUTE_PREFIX + API_BASE_URL + " but not its own complete credentials ("
                        + REALM_ATTRIBUTE_PREFIX + ACCOUNT_SID + " with " + REALM_ATTRIBUTE_PREFIX + AUTH_TOKEN + ", or "
                        + REALM_ATTRIBUTE_PREFIX + API_KEY_SID + " with " + REALM_ATTRIBUTE_PREFIX + API_KEY_SECRET
                        + "); the server's credentials are only sent to the server's endpoint"
                : "the realm sets some Twilio credentials but not a complete set (" + REALM_ATTRIBUTE_PREFIX
                        + ACCOUNT_SID + " with " + REALM_ATTRIBUTE_PREFIX + AUTH_TOKEN + ", or "
                        + REALM_ATTRIBUTE_PREFIX + API_KEY_SID + " with " + REALM_ATTRIBUTE_PREFIX + API_KEY_SECRET + ")";
    }

    private static boolean completeCredentials(Function<String, String> settings) {
        boolean authToken = settings.apply(ACCOUNT_SID) != null && settings.apply(AUTH_TOKEN) != null;
        boolean apiKey = settings.apply(ACCOUNT_SID) != null && settings.apply(API_KEY_SID) != null
                && settings.apply(API_KEY_SECRET) != null;
        return authToken || apiKey;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
