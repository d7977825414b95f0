package net.trader4.keycloak.common.limit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Keys of the {@link RateLimiter}'s windows in the single-use object store. What a person typed
 * (an identifier) and addresses are hashed, so they never appear in cache keys, heap dumps or
 * cache statistics.
 */
public final class LimitKeys {

    private LimitKeys() {
    }

    public static String identifierBucket(String realmId, String purpose, String identifier) {
        return "t4rl:" + realmId + ":" + purpose + ":" + digest(identifier);
    }

    /** A budget shared by every caller of a realm. */
    public static String realmBucket(String realmId, String purpose) {
        return "t4rl:" + realmId + ":" + purpose + ":realm";
    }

    /** A client's window: per IPv4 address, per IPv6 /64 ({@link ClientNetwork}). */
    public static String ipBucket(String realmId, String purpose, String ip) {
        return "t4rl:" + realmId + ":" + purpose + ":ip:" + digest(ClientNetwork.of(ip));
    }

    /** The digest every store key uses for a value that must not appear in it. */
    public static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
