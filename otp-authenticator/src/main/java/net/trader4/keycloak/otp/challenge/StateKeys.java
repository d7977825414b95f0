package net.trader4.keycloak.otp.challenge;

import net.trader4.keycloak.common.limit.LimitKeys;

/**
 * Keys of the one-time-code engine's entries in the single-use object store (the limits' keys are
 * {@link LimitKeys}). Identifiers are hashed so that emails and phone numbers never appear in
 * cache keys, heap dumps or cache statistics.
 */
public final class StateKeys {

    private StateKeys() {
    }

    public static String challenge(String realmId, String identifier) {
        return "t4otp:" + realmId + ":" + digest(identifier);
    }

    public static String cooldown(String realmId, String identifier) {
        return "t4cool:" + realmId + ":" + digest(identifier);
    }

    public static String attempts(String challengeId) {
        return "t4att:" + challengeId;
    }

    /** A pending second-factor step, keyed by a digest of its bearer token. */
    public static String secondFactorTicket(String realmId, String token) {
        return "t4mfa:" + realmId + ":" + digest(token);
    }

    /** A phone number a signed-in user is proving they hold, before it is written to their account. */
    public static String pendingPhoneNumber(String realmId, String userId) {
        return "t4phone:" + realmId + ":" + digest(userId);
    }

    /** Held for a moment while a proven number is written, so two accounts never take it at once. */
    public static String phoneNumberClaim(String realmId, String number) {
        return "t4phoneclaim:" + realmId + ":" + digest(number);
    }

    private static String digest(String value) {
        return LimitKeys.digest(value);
    }
}
