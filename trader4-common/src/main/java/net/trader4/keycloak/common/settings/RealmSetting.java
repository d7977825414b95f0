package net.trader4.keycloak.common.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One realm-level trader4 setting as an administrator sees it: the realm attribute that stores it,
 * its type, its default, a label and a help text, and the check a new value must pass. A value
 * that fails is refused whole with a message; it is never clamped or stored.
 *
 * @param attribute    the realm attribute holding the value ({@code trader4.otp.codeLength})
 * @param type         how the value is checked and shown
 * @param label        a short name for screens
 * @param help         what the setting does
 * @param defaultValue what is in force when the realm sets nothing, as text; {@code null} when nothing is
 * @param min          the smallest whole number allowed (only {@link SettingType#INT})
 * @param max          the largest whole number allowed (only {@link SettingType#INT})
 * @param options      the only values allowed (each item of a list), canonical spelling; empty: any that passes {@code check}
 * @param check        what each text or list item must satisfy beyond the options
 */
public record RealmSetting(String attribute, SettingType type, String label, String help, String defaultValue,
                           int min, int max, List<String> options, ItemCheck check) {

    /** Checks one item of text; answers what is wrong, or empty when it is fine. */
    @FunctionalInterface
    public interface ItemCheck {
        Optional<String> problem(String item);

        ItemCheck ANY = item -> Optional.empty();
    }

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,\\s#]+");
    private static final Pattern VAULT_REFERENCE = Pattern.compile("\\$\\{vault\\.[^}]+}");

    public RealmSetting {
        options = List.copyOf(options);
    }

    /** Whether the value is a secret, kept in the realm's {@link SecretSettings} store and never answered. */
    public boolean isSecret() {
        return type == SettingType.SECRET;
    }

    /** A whole-number setting of a module's {@link IntSetting}, stored as {@code prefix + name}. */
    public static RealmSetting integer(String prefix, IntSetting setting, String label) {
        return new RealmSetting(prefix + setting.name(), SettingType.INT, label, setting.help(),
                Integer.toString(setting.defaultValue()), setting.min(), setting.max(), List.of(), ItemCheck.ANY);
    }

    public static RealmSetting integer(String attribute, String label, String help, int defaultValue, int min, int max) {
        return new RealmSetting(attribute, SettingType.INT, label, help, Integer.toString(defaultValue), min, max,
                List.of(), ItemCheck.ANY);
    }

    public static RealmSetting bool(String attribute, String label, String help, boolean defaultValue) {
        return new RealmSetting(attribute, SettingType.BOOLEAN, label, help, Boolean.toString(defaultValue), 0, 0,
                List.of("true", "false"), ItemCheck.ANY);
    }

    public static RealmSetting list(String attribute, String label, String help, String defaultValue, List<String> options) {
        return new RealmSetting(attribute, SettingType.LIST, label, help, defaultValue, 0, 0, options, ItemCheck.ANY);
    }

    public static RealmSetting list(String attribute, String label, String help, String defaultValue, ItemCheck check) {
        return new RealmSetting(attribute, SettingType.LIST, label, help, defaultValue, 0, 0, List.of(), check);
    }

    public static RealmSetting text(String attribute, String label, String help, String defaultValue, ItemCheck check) {
        return new RealmSetting(attribute, SettingType.TEXT, label, help, defaultValue, 0, 0, List.of(), check);
    }

    public static RealmSetting secret(String attribute, String label, String help) {
        return new RealmSetting(attribute, SettingType.SECRET, label, help, null, 0, 0, List.of(), ItemCheck.ANY);
    }

    /**
     * The text to store for a value an administrator entered, in its canonical form; empty when
     * the value is blank, which means "unset: the default is in force".
     *
     * @throws InvalidSettingException when the value is not allowed; the message says why
     */
    public Optional<String> normalise(String raw) throws InvalidSettingException {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = raw.trim();
        return Optional.of(switch (type) {
            case INT -> whole(value);
            case BOOLEAN -> option(value, "must be true or false");
            case LIST -> items(value);
            case TEXT -> checked(value);
            case SECRET -> secret(value);
        });
    }

    private String whole(String value) throws InvalidSettingException {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw refused("must be a whole number from " + min + " to " + max);
        }
        if (number < min || number > max) {
            throw refused("must be from " + min + " to " + max);
        }
        return Integer.toString(number);
    }

    private String items(String value) throws InvalidSettingException {
        List<String> items = new ArrayList<>();
        for (String item : Arrays.stream(LIST_SEPARATORS.split(value)).filter(s -> !s.isEmpty()).toList()) {
            String canonical = options.isEmpty() ? checked(item) : option(item, "takes only " + String.join(", ", options));
            if (!items.contains(canonical)) {
                items.add(canonical);
            }
        }
        return String.join(",", items);
    }

    private String option(String value, String rule) throws InvalidSettingException {
        return options.stream().filter(option -> option.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> refused(rule + " (not '" + shown(value) + "')"));
    }

    private String checked(String value) throws InvalidSettingException {
        Optional<String> problem = check.problem(value);
        if (problem.isPresent()) {
            throw refused(problem.get());
        }
        return value;
    }

    private String secret(String value) throws InvalidSettingException {
        if (value.contains("${") && !VAULT_REFERENCE.matcher(value).matches()) {
            throw refused("must be the secret itself or a vault reference such as ${vault.name}");
        }
        return value;
    }

    private InvalidSettingException refused(String rule) {
        return new InvalidSettingException(attribute, label + " (" + attribute + ") " + rule + ".");
    }

    /** Short options and list items may be echoed; anything long is cut so a message never carries pasted secrets. */
    private static String shown(String value) {
        return value.length() <= 32 ? value : value.substring(0, 32) + "…";
    }

    /** An item check: ISO 3166-1 alpha-2 region codes such as {@code GB}. */
    public static final ItemCheck REGION_CODE = item -> item.matches("[A-Za-z]{2}") ? Optional.empty()
            : Optional.of("takes two-letter ISO 3166 country codes such as GB");

    /** An item check: identifiers such as client ids or channel ids, without spaces. */
    public static final ItemCheck NAME = item -> item.matches("[\\p{Alnum}._:/-]{1,255}") ? Optional.empty()
            : Optional.of("takes names of letters, digits and . _ : / - only");
}
