package net.trader4.keycloak.common.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;

/**
 * The one way trader4 reads and writes its realm-level settings: the realm's attributes, which
 * realm imports carry and Keycloak caches with the realm, and for secrets the realm's
 * {@link SecretSettings} component, whose secret fields Keycloak never shows. Modules turn the
 * text into typed values ({@code OtpConfig}, {@code QrConfig}, {@code TwilioConfig}).
 */
public final class RealmSettings {

    private RealmSettings() {
    }

    /** The value of one setting by its full attribute name; {@code null} when the realm sets none. */
    public static String value(RealmModel realm, String attribute) {
        return blankToNull(realm.getAttribute(attribute));
    }

    /**
     * The value of a secret setting: from the realm's secret store; a secret that an earlier version
     * or a realm import left in a realm attribute is still read until it is written again.
     */
    public static String secret(RealmModel realm, String attribute) {
        String stored = secretStore(realm).map(store -> blankToNull(store.get(attribute))).orElse(null);
        return stored != null ? stored : value(realm, attribute);
    }

    /** Reads any setting of the catalogue where it is kept. */
    public static Function<String, String> reader(RealmModel realm, SettingsCatalogue catalogue) {
        return attribute -> catalogue.isSecret(attribute) ? secret(realm, attribute) : value(realm, attribute);
    }

    /**
     * Writes a checked change: a value sets its setting, an empty one unsets it, so its default is
     * in force again. Secrets go to the secret store, and out of the realm's attributes.
     */
    public static void write(RealmModel realm, SettingsCatalogue catalogue, Map<String, Optional<String>> change) {
        Map<String, Optional<String>> secrets = new LinkedHashMap<>();
        change.forEach((attribute, value) -> {
            if (catalogue.isSecret(attribute)) {
                secrets.put(attribute, value);
            } else {
                value.ifPresentOrElse(text -> realm.setAttribute(attribute, text), () -> realm.removeAttribute(attribute));
            }
        });
        if (!secrets.isEmpty()) {
            writeSecrets(realm, secrets);
        }
    }

    private static void writeSecrets(RealmModel realm, Map<String, Optional<String>> secrets) {
        Optional<ComponentModel> existing = secretStore(realm);
        ComponentModel store = existing.map(ComponentModel::new).orElseGet(() -> newSecretStore(realm));
        secrets.forEach((attribute, value) -> {
            value.ifPresentOrElse(text -> store.put(attribute, text), () -> store.getConfig().remove(attribute));
            if (realm.getAttribute(attribute) != null) {
                realm.removeAttribute(attribute);
            }
        });
        if (existing.isPresent()) {
            realm.updateComponent(store);
        } else if (!store.getConfig().isEmpty()) {
            realm.addComponentModel(store);
        }
    }

    private static Optional<ComponentModel> secretStore(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), SecretSettings.PROVIDER_TYPE)
                .filter(component -> SecretSettings.PROVIDER_ID.equals(component.getProviderId()))
                .findFirst();
    }

    private static ComponentModel newSecretStore(RealmModel realm) {
        ComponentModel store = new ComponentModel();
        store.setName("trader4 secrets");
        store.setParentId(realm.getId());
        store.setProviderType(SecretSettings.PROVIDER_TYPE);
        store.setProviderId(SecretSettings.PROVIDER_ID);
        return store;
    }

    /** The realm's values of a group of settings by name without the prefix ({@code codeLength}). */
    public static Function<String, String> lookup(RealmModel realm, String prefix) {
        return name -> value(realm, prefix + name);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
