package net.trader4.keycloak.otp.service;

import net.trader4.keycloak.otp.identifier.Identifier;

/**
 * What a successful {@code sign} did, in terms safe to show whoever asked: the same for known and
 * unknown identifiers.
 *
 * @param identifier      the normalised identifier
 * @param channel         the channel a code goes by for this kind of identifier
 * @param ttlSeconds      how long the code is valid
 * @param cooldownSeconds how long until another code can be requested
 */
public record SignResult(Identifier identifier, String channel, int ttlSeconds, int cooldownSeconds) {

    public String maskedDestination() {
        return identifier.masked();
    }
}
