package net.trader4.keycloak.common.settings;

import java.util.Set;
import java.util.function.Function;

/**
 * A rule that spans several settings (Twilio's credentials come as one complete set), checked on
 * the values a change would leave in force.
 *
 * @param attributes the realm attributes the rule reads: a change to any of them runs it
 * @param check      the rule itself, given the values after the change by attribute
 */
public record SettingsRule(Set<String> attributes, Check check) {

    @FunctionalInterface
    public interface Check {
        /** @throws InvalidSettingException naming the setting that breaks the rule */
        void check(Function<String, String> valuesAfter) throws InvalidSettingException;
    }

    public SettingsRule {
        attributes = Set.copyOf(attributes);
    }
}
