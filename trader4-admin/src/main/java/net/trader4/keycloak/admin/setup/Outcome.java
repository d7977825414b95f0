package net.trader4.keycloak.admin.setup;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What setup did to one item of the realm. */
public enum Outcome {
    CREATED, CHANGED, KEPT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
