package net.trader4.keycloak.twilio;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import net.trader4.keycloak.common.origin.SignInOrigin;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.vault.VaultStringSecret;

/** What both Twilio channels need from Keycloak: a realm's settings with vault secrets resolved. */
final class TwilioChannelSupport {

    private static final Logger LOG = Logger.getLogger(TwilioChannelSupport.class);

    private final KeycloakSession session;
    private final List<Config.Scope> providerOptions;
    private final TwilioHttpClients httpClients;

    TwilioChannelSupport(KeycloakSession session, List<Config.Scope> providerOptions, TwilioHttpClients httpClients) {
        this.session = session;
        this.providerOptions = providerOptions;
        this.httpClients = httpClients;
    }

    /**
     * The realm's settings with secrets taken from the vault, or empty when they are malformed or
     * break the credential rules of {@link TwilioSettingsLookup}.
     */
    Optional<TwilioConfig> config(RealmModel realm) {
        try {
            return Optional.of(TwilioConfig.from(TwilioSettingsLookup.forRealm(realm, providerOptions))
                    .withSecretsResolved(this::fromVault));
        } catch (IllegalArgumentException e) {
            // The message names the setting, never its value.
            LOG.warnf("Realm %s: Twilio settings are invalid, no SMS or call is sent: %s", realm.getName(), e.getMessage());
            return Optional.empty();
        }
    }

    TwilioSender sender(TwilioConfig config) {
        return new TwilioSender(config, httpClients.forSettings(config.http()));
    }

    /**
     * The configured host users sign in at, for the SMS autofill line; {@code null} outside a
     * request or when only the request's {@code Host} could name it (the line is then left out).
     */
    String signInHost(RealmModel realm) {
        try {
            return SignInOrigin.of(session, realm).map(URI::getHost).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String serviceName(RealmModel realm) {
        String display = realm.getDisplayName();
        return display == null || display.isBlank() ? realm.getName() : display;
    }

    /** A {@code ${vault.key}} expression's secret; any other value as it is. */
    private String fromVault(String value) {
        try (VaultStringSecret secret = session.vault().getStringSecret(value)) {
            return secret.get().orElse(null);
        }
    }
}
