package net.trader4.keycloak.otp.error;

/**
 * The limits a code (or wallet message) passes before it goes out, each named as metrics and
 * events report a refusal by it.
 */
public enum SendGuard {
    /** {@code sendsPerIpPerHour}: requests from one client network. */
    IP("ip"),
    /** {@code resendCooldownSeconds}: the wait between two codes to one destination. */
    COOLDOWN("cooldown"),
    /** {@code sendsPerIdentifierPerHour}: codes to one destination (four times as many wallet messages). */
    IDENTIFIER("identifier"),
    /** {@code allowedRiskyNumberTypes}: premium-rate, VoIP and personal numbers. */
    NUMBER_TYPE("number_type"),
    /** {@code allowedCountries}: the countries phone codes go to. */
    COUNTRY("country"),
    /** {@code phoneSendsPerPrefixPerHour}: codes to a range of a thousand numbers. */
    PHONE_PREFIX("phone_prefix"),
    /** {@code phoneSendsPerCountryPerHour}: codes to the numbers of one country. */
    PHONE_COUNTRY("phone_country"),
    /** {@code phoneSendsPerHour}: every SMS and call of the realm. */
    PHONE_BUDGET("phone_budget");

    private final String tag;

    SendGuard(String tag) {
        this.tag = tag;
    }

    /** The name metrics and events carry. */
    public String tag() {
        return tag;
    }
}
