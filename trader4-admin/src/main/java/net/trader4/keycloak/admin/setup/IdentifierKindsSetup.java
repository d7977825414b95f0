package net.trader4.keycloak.admin.setup;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import net.trader4.keycloak.otp.channel.DeliveryChannelSelector;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.config.OtpConfigProperties;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Sets the realm attribute {@code trader4.otp.allowedIdentifierTypes} to the kinds the realm can
 * really serve: email only with an SMTP server, mobile and landline only with Twilio configured at
 * the server or for the realm, among the channels the realm uses ({@code trader4.otp.channels}).
 * The login page then asks only for what works, and the API refuses the rest as unsupported.
 */
final class IdentifierKindsSetup {

    static final String ATTRIBUTE = OtpConfigProperties.PREFIX + OtpConfigProperties.ALLOWED_IDENTIFIER_TYPES;
    private static final List<IdentifierType> DELIVERED = List.of(IdentifierType.EMAIL, IdentifierType.MOBILE, IdentifierType.LANDLINE);

    private IdentifierKindsSetup() {
    }

    /** Decides first, so a realm that could offer nothing is refused before anything changes. */
    static OfferedKinds decide(KeycloakSession session, RealmModel realm, boolean wallets) {
        return OfferedKinds.decide(current(realm), reachable(session, realm), wallets);
    }

    static SetupItem apply(RealmModel realm, OfferedKinds offered) {
        String item = "identifier kinds offered (" + ATTRIBUTE + ")";
        Set<IdentifierType> current = current(realm);
        String value = offered.attributeValue();
        if (offered.same(current) || (current == null && offered.kinds().equals(EnumSet.allOf(IdentifierType.class)))) {
            return SetupItem.kept(item, value);
        }
        realm.setAttribute(ATTRIBUTE, value);
        return current == null ? SetupItem.created(item, value) : new SetupItem(item, Outcome.CHANGED, value);
    }

    private static Set<IdentifierType> current(RealmModel realm) {
        String raw = realm.getAttribute(ATTRIBUTE);
        return raw == null || raw.isBlank() ? null : OtpConfig.forRealm(realm).allowedIdentifierTypes();
    }

    private static Set<IdentifierType> reachable(KeycloakSession session, RealmModel realm) {
        OtpConfig config = OtpConfig.forRealm(realm);
        Set<IdentifierType> reachable = EnumSet.noneOf(IdentifierType.class);
        DELIVERED.stream().filter(type -> DeliveryChannelSelector.reaches(session, realm, config, type)).forEach(reachable::add);
        return reachable;
    }
}
