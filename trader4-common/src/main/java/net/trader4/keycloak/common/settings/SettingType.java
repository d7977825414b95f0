package net.trader4.keycloak.common.settings;

/** What kind of value a realm setting holds, which decides how it is checked and shown. */
public enum SettingType {
    /** A whole number within bounds. */
    INT,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Items separated by commas, each checked on its own. */
    LIST,
    /** One line of text. */
    TEXT,
    /** Write-only text: never answered back, may be a vault reference such as {@code ${vault.name}}. */
    SECRET
}
