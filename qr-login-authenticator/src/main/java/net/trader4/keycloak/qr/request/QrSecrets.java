package net.trader4.keycloak.qr.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.keycloak.common.util.SecretGenerator;

/**
 * Handles and secrets of QR logins. The token is what the QR code shows, so anyone near the screen
 * may know it; the secret goes only to the requester and is stored as a hash.
 */
public final class QrSecrets {

    private static final String TOKEN_PREFIX = "tr";
    private static final Pattern TOKEN = Pattern.compile("tr[0-9a-f]{32}");
    private static final Pattern SECRET = Pattern.compile("[0-9a-f]{64}");

    private QrSecrets() {
    }

    /** 128 random bits, shaped like the published samples ({@code tr…}). */
    public static String newToken() {
        return TOKEN_PREFIX + SecretGenerator.getInstance().randomBytesHex(16);
    }

    /** 256 random bits. */
    public static String newSecret() {
        return SecretGenerator.getInstance().randomBytesHex(32);
    }

    public static boolean isWellFormedToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison with the stored hash; a request without a secret matches nothing. */
    public static boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null || storedHash.isEmpty() || !SECRET.matcher(secret).matches()) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** A short correlation id for events and logs: never the token itself. */
    public static String eventId(String token) {
        return hash(token).substring(0, 16);
    }
}
