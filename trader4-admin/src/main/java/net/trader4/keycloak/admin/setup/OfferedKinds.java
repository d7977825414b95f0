package net.trader4.keycloak.admin.setup;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import net.trader4.keycloak.otp.identifier.IdentifierType;

/**
 * Which identifier kinds a realm should offer: those a ready channel can reach, within what the
 * realm already limits itself to. A realm that offers a kind no channel reaches answers
 * {@code 400 unsupported_identifier} after its login page asked for it.
 *
 * <p>Wallets need no channel (the wallet signs a challenge) and are offered unless the call says
 * {@code wallets=false}: only an address an admin stored in {@code crypto_address} signs in.
 */
record OfferedKinds(Set<IdentifierType> kinds) {

    /**
     * @param current   what the realm offers now ({@code null}: no limit set, every kind)
     * @param reachable the kinds a ready delivery channel reaches
     */
    static OfferedKinds decide(Set<IdentifierType> current, Set<IdentifierType> reachable, boolean wallets) {
        Set<IdentifierType> possible = EnumSet.noneOf(IdentifierType.class);
        possible.addAll(reachable);
        possible.remove(IdentifierType.WALLET);
        if (wallets) {
            possible.add(IdentifierType.WALLET);
        }
        if (possible.isEmpty()) {
            throw SetupRefusal.conflict("No identifier could sign in: no delivery channel is ready (configure an SMTP"
                    + " server for the realm, or Twilio) and wallets=false");
        }
        Set<IdentifierType> kept = EnumSet.copyOf(possible);
        if (current != null) {
            kept.retainAll(current);
        }
        return new OfferedKinds(kept.isEmpty() ? possible : kept);
    }

    /** The value of the realm attribute, e.g. {@code email,wallet}. */
    String attributeValue() {
        return kinds.stream().map(kind -> kind.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    boolean same(Set<IdentifierType> current) {
        return current != null && current.equals(kinds);
    }
}
