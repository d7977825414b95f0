package net.trader4.keycloak.otp.challenge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Keys of entries in the single-use object store. Identifiers are hashed so that emails and
 * phone numbers never appear in cache keys, heap dumps or cache statistics.
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

    public static String identifierBucket(String realmId, String purpose, String identifier) {
        return "t4rl:" + realmId + ":" + purpose + ":" + digest(identifier);
    }

    /** A budget shared by every caller of a realm. */
    public static String realmBucket(String realmId, String purpose) {
        return "t4rl:" + realmId + ":" + purpose + ":realm";
    }

    public static String ipBucket(String realmId, String purpose, String ip) {
        return "t4rl:" + realmId + ":" + purpose + ":ip:" + digest(ClientNetwork.of(ip));
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

    static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
