package net.trader4.keycloak.common.settings;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.keycloak.models.RealmModel;

/**
 * The one way trader4 reads its realm-level settings: the realm's attributes, which realm imports
 * carry and Keycloak caches with the realm. Modules turn the text into typed values
 * ({@code OtpConfig}, {@code QrConfig}, {@code TwilioConfig}).
 */
public final class RealmSettings {

    private RealmSettings() {
    }

    /** The value of one setting by its full attribute name; {@code null} when the realm sets none. */
    public static String value(RealmModel realm, String attribute) {
        String value = realm.getAttribute(attribute);
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * Writes a checked change: a value sets its setting, an empty one unsets it, so its default is
     * in force again.
     */
    public static void write(RealmModel realm, Map<String, Optional<String>> change) {
        change.forEach((attribute, value) -> value.ifPresentOrElse(
                text -> realm.setAttribute(attribute, text), () -> realm.removeAttribute(attribute)));
    }

    /** The realm's values of a group of settings by name without the prefix ({@code codeLength}). */
    public static Function<String, String> lookup(RealmModel realm, String prefix) {
        return name -> value(realm, prefix + name);
    }
}
