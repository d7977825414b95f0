package net.trader4.keycloak.otp.authenticator;

import java.util.HashMap;
import java.util.Map;

/**
 * The settings one flow execution overrides. The admin console stores untouched fields as empty
 * strings and list fields as their first option, so "inherit" and blanks are dropped here: only a
 * value an administrator chose hides the realm attribute of the same name.
 */
final class ExecutionSettings {

    /** The option of list fields meaning "use the realm's setting". */
    static final String INHERIT = "inherit";

    private ExecutionSettings() {
    }

    static Map<String, String> overrides(Map<String, String> executionConfig) {
        Map<String, String> chosen = new HashMap<>();
        if (executionConfig == null) {
            return chosen;
        }
        executionConfig.forEach((name, value) -> {
            if (value != null && !value.isBlank() && !INHERIT.equalsIgnoreCase(value.trim())) {
                chosen.put(name, value.trim());
            }
        });
        return chosen;
    }
}
