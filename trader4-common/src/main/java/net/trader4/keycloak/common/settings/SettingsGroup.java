package net.trader4.keycloak.common.settings;

import java.util.List;

/**
 * The realm settings of one capability (OTP, QR login, Twilio, the API), declared by the module
 * that reads them.
 *
 * @param name     a heading for screens
 * @param settings the settings, in the order a screen shows them
 * @param rules    the checks that span several of them
 */
public record SettingsGroup(String name, List<RealmSetting> settings, List<SettingsRule> rules) {

    public SettingsGroup {
        settings = List.copyOf(settings);
        rules = List.copyOf(rules);
    }

    public SettingsGroup(String name, List<RealmSetting> settings) {
        this(name, settings, List.of());
    }
}
