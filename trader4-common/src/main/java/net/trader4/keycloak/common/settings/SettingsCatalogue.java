package net.trader4.keycloak.common.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every realm-level trader4 setting, by realm attribute, and the one place a change is checked:
 * each value on its own, then the rules spanning several, all before anything is written.
 */
public final class SettingsCatalogue {

    private final List<SettingsGroup> groups;
    private final Map<String, RealmSetting> byAttribute = new LinkedHashMap<>();

    public SettingsCatalogue(List<SettingsGroup> groups) {
        this.groups = List.copyOf(groups);
        for (SettingsGroup group : groups) {
            for (RealmSetting setting : group.settings()) {
                if (byAttribute.putIfAbsent(setting.attribute(), setting) != null) {
                    throw new IllegalArgumentException("setting declared twice: " + setting.attribute());
                }
            }
        }
    }

    public List<SettingsGroup> groups() {
        return groups;
    }

    public Optional<RealmSetting> find(String attribute) {
        return Optional.ofNullable(byAttribute.get(attribute));
    }

    /** The secret settings, kept in the realm's {@link SecretSettings} store. */
    public List<RealmSetting> secrets() {
        return byAttribute.values().stream().filter(RealmSetting::isSecret).toList();
    }

    /** Whether the attribute names a secret setting, kept in the realm's {@link SecretSettings} store. */
    public boolean isSecret(String attribute) {
        RealmSetting setting = byAttribute.get(attribute);
        return setting != null && setting.isSecret();
    }

    /** A refused change: every value that failed, each naming its setting. */
    public static final class Refusal extends Exception {

        private final List<InvalidSettingException> problems;

        Refusal(List<InvalidSettingException> problems) {
            super(problems.get(0).getMessage());
            this.problems = List.copyOf(problems);
        }

        public List<InvalidSettingException> problems() {
            return problems;
        }
    }

    /**
     * Checks a change as a whole. Answers the text to store per attribute, in canonical form;
     * an empty value removes the attribute (the default is in force again).
     *
     * @param changes  new values by realm attribute; {@code null} or blank unsets
     * @param current  the values the realm holds now, by realm attribute
     * @throws Refusal when any value, or any rule over the values after the change, fails: nothing may be written
     */
    public Map<String, Optional<String>> check(Map<String, String> changes, Function<String, String> current) throws Refusal {
        List<InvalidSettingException> problems = new ArrayList<>();
        Map<String, Optional<String>> normalised = new LinkedHashMap<>();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            RealmSetting setting = byAttribute.get(change.getKey());
            if (setting == null) {
                problems.add(new InvalidSettingException(change.getKey(), "'" + change.getKey() + "' is not a trader4 realm setting."));
                continue;
            }
            try {
                normalised.put(setting.attribute(), setting.normalise(change.getValue()));
            } catch (InvalidSettingException e) {
                problems.add(e);
            }
        }
        if (problems.isEmpty()) {
            Function<String, String> after = attribute -> normalised.containsKey(attribute)
                    ? normalised.get(attribute).orElse(null) : current.apply(attribute);
            for (SettingsGroup group : groups) {
                for (SettingsRule rule : group.rules()) {
                    if (rule.attributes().stream().anyMatch(normalised::containsKey)) {
                        try {
                            rule.check().check(after);
                        } catch (InvalidSettingException e) {
                            problems.add(e);
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Refusal(problems);
        }
        return normalised;
    }
}
