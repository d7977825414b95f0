package net.trader4.keycloak.admin.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import net.trader4.keycloak.common.settings.IntSetting;
import net.trader4.keycloak.common.settings.RealmSetting;
import net.trader4.keycloak.common.settings.SettingType;
import net.trader4.keycloak.common.settings.SettingsCatalogue;
import net.trader4.keycloak.common.settings.SettingsGroup;

/**
 * What an administrator sees of the settings: per group, each setting with its label, help, type,
 * bounds, the value in force and whether that is the default. A secret shows only whether it is
 * set, never its value, not even a vault reference.
 */
final class SettingsView {

    /** What admin events record instead of a secret's new value. */
    static final String HIDDEN = "**********";

    private SettingsView() {
    }

    static Map<String, Object> of(SettingsCatalogue catalogue, Function<String, String> stored) {
        List<Object> groups = new ArrayList<>();
        for (SettingsGroup group : catalogue.groups()) {
            List<Object> settings = new ArrayList<>();
            for (RealmSetting setting : group.settings()) {
                settings.add(setting(setting, stored.apply(setting.attribute())));
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", group.name());
            view.put("settings", settings);
            groups.add(view);
        }
        return Map.of("groups", groups);
    }

    static Map<String, Object> setting(RealmSetting setting, String stored) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", setting.attribute());
        view.put("type", setting.type().name().toLowerCase(Locale.ROOT));
        view.put("label", setting.label());
        view.put("help", setting.help());
        if (setting.isSecret()) {
            view.put("set", stored != null);
            return view;
        }
        if (setting.type() == SettingType.INT) {
            view.put("min", setting.min());
            view.put("max", setting.max());
        }
        if (!setting.options().isEmpty()) {
            view.put("options", setting.options());
        }
        view.put("value", typed(setting, inForce(setting, stored)));
        view.put("default", typed(setting, setting.defaultValue()));
        view.put("isDefault", stored == null);
        return view;
    }

    /** The change as an admin event records it: secrets hidden, unset values as null. */
    static Map<String, Object> event(SettingsCatalogue catalogue, Map<String, Optional<String>> change) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        change.forEach((attribute, value) -> {
            boolean secret = catalogue.find(attribute).map(RealmSetting::isSecret).orElse(true);
            recorded.put(attribute, value.map(v -> secret ? HIDDEN : v).orElse(null));
        });
        return recorded;
    }

    /** Whole numbers are read as the modules read them: clamped, the default when unreadable (a realm import is not checked). */
    private static String inForce(RealmSetting setting, String stored) {
        if (stored == null) {
            return setting.defaultValue();
        }
        if (setting.type() == SettingType.INT) {
            IntSetting bounds = new IntSetting(setting.attribute(), Integer.parseInt(setting.defaultValue()),
                    setting.min(), setting.max(), setting.help());
            return Integer.toString(bounds.valueOf(stored));
        }
        return stored;
    }

    private static Object typed(RealmSetting setting, String text) {
        if (text == null) {
            return setting.type() == SettingType.LIST ? List.of() : null;
        }
        return switch (setting.type()) {
            case INT -> Integer.parseInt(text);
            case BOOLEAN -> Boolean.parseBoolean(text.trim());
            case LIST -> Arrays.stream(text.split("[,\\s#]+")).filter(item -> !item.isEmpty()).toList();
            default -> text;
        };
    }
}
