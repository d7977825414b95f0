package net.trader4.keycloak.admin.setup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import net.trader4.keycloak.admin.settings.Trader4Settings;
import net.trader4.keycloak.common.settings.RealmSetting;
import net.trader4.keycloak.common.settings.RealmSettings;
import net.trader4.keycloak.common.settings.SettingsCatalogue;
import org.keycloak.models.RealmModel;

/**
 * Moves secrets that a realm import or an earlier version left in realm attributes, where anyone
 * who may view the realm reads them, into the realm's secret store, where Keycloak never shows them.
 */
final class SecretsSetup {

    private static final SettingsCatalogue CATALOGUE = Trader4Settings.CATALOGUE;

    private SecretsSetup() {
    }

    /** The secrets to move, checked before setup changes anything; a refused one is named. */
    static Map<String, Optional<String>> decide(RealmModel realm) {
        Map<String, String> found = new LinkedHashMap<>();
        for (RealmSetting secret : CATALOGUE.secrets()) {
            String leftInAttribute = RealmSettings.value(realm, secret.attribute());
            if (leftInAttribute != null) {
                found.put(secret.attribute(), leftInAttribute);
            }
        }
        try {
            return CATALOGUE.check(found, RealmSettings.reader(realm, CATALOGUE));
        } catch (SettingsCatalogue.Refusal e) {
            throw SetupRefusal.conflict("A secret in the realm's attributes cannot be moved to its secret store: " + e.getMessage());
        }
    }

    static SetupItem apply(RealmModel realm, Map<String, Optional<String>> moves) {
        if (moves.isEmpty()) {
            return SetupItem.kept("secret settings", "none in realm attributes");
        }
        RealmSettings.write(realm, CATALOGUE, moves);
        return new SetupItem("secret settings", Outcome.CHANGED,
                "moved " + String.join(", ", moves.keySet()) + " from realm attributes to the secret store");
    }
}
