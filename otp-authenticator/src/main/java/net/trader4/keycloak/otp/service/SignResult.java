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
 * @param walletMessage   for a wallet, the exact text to sign; {@code null} otherwise
 * @param expiresAt       when the code or message stops being accepted, epoch seconds
 */
public record SignResult(Identifier identifier, String channel, int ttlSeconds, int cooldownSeconds,
                         String walletMessage, long expiresAt) {

    public String maskedDestination() {
        return identifier.masked();
    }
}
