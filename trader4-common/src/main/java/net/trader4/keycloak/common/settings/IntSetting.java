package net.trader4.keycloak.common.settings;

/** A whole-number setting: its name, default and the bounds a value is clamped to. */
public record IntSetting(String name, int defaultValue, int min, int max, String help) {

    /** The value a setting's text stands for: clamped to the bounds, the default when unset or unreadable, so a typo never turns a limit off. */
    public int valueOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(raw.trim())));
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }
}
