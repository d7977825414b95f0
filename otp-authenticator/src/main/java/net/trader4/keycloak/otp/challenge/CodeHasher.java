package net.trader4.keycloak.otp.challenge;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of codes. A six-digit code hashed without a key falls to a million guesses; with
 * the realm's secret HMAC key, a copy of the cache alone reveals nothing.
 */
public final class CodeHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private CodeHasher() {
    }

    /** The hash stored for {@code code}, bound to one challenge so hashes cannot be moved between them. */
    public static String hash(byte[] key, String challengeId, String code) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update(("trader4-otp:" + challengeId + ":").getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Compares in time independent of where the values differ. */
    public static boolean matches(byte[] key, String challengeId, String code, String expectedHash) {
        byte[] actual = hash(key, challengeId, code).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
