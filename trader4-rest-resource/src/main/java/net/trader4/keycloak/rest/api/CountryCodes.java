package net.trader4.keycloak.rest.api;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The published contract names countries in ISO 3166-1 alpha-3 ("GBR"); accounts may hold
 * alpha-2 ("GB"), the form Keycloak's own forms and most imports use, or alpha-3.
 */
public final class CountryCodes {

    private static final Map<String, String> ALPHA3 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            String alpha3 = new Locale("", alpha2).getISO3Country();
            ALPHA3.put(alpha2, alpha3);
            ALPHA3.put(alpha3, alpha3);
        }
    }

    private CountryCodes() {
    }

    /** The alpha-3 code of an alpha-2 or alpha-3 code in any case; null for anything that is neither. */
    public static String alpha3(String stored) {
        if (stored == null) {
            return null;
        }
        return ALPHA3.get(stored.strip().toUpperCase(Locale.ROOT));
    }
}
