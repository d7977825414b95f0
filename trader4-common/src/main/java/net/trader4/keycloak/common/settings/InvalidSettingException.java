package net.trader4.keycloak.common.settings;

/** A value a setting refuses: names the setting (its realm attribute) and says what is wrong, never the value. */
public class InvalidSettingException extends Exception {

    private final String setting;

    public InvalidSettingException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The realm attribute the refused value was meant for. */
    public String setting() {
        return setting;
    }
}
