package net.trader4.keycloak.otp.channel.twilio;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.keycloak.Config;
import org.keycloak.models.RealmModel;

/**
 * Where a realm's Twilio settings come from: the realm attribute
 * {@code trader4.twilio.<name>} first, then the provider options in the order given.
 */
final class TwilioSettingsLookup {

    private TwilioSettingsLookup() {
    }

    static Function<String, String> forRealm(RealmModel realm, List<Config.Scope> providerOptions) {
        return name -> {
            String value = realm.getAttribute(TwilioConfigProperties.REALM_ATTRIBUTE_PREFIX + name);
            if (value != null && !value.isBlank()) {
                return value;
            }
            return providerOptions.stream()
                    .filter(Objects::nonNull)
                    .map(options -> options.get(name))
                    .filter(option -> option != null && !option.isBlank())
                    .findFirst()
                    .orElse(null);
        };
    }
}
