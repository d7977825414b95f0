package net.trader4.keycloak.rest.google;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

import net.trader4.keycloak.rest.api.ApiError;
import org.keycloak.protocol.oidc.utils.PkceUtils;

/**
 * The app's PKCE challenge (RFC 7636, S256 only) binding the one-time hand-off code to the app
 * that started the sign-in: whoever reads the code from a redirect cannot redeem it.
 */
public record AppChallenge(String challenge) {

    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final AppChallenge NONE = new AppChallenge("");

    /** From the start request's {@code code_challenge} and {@code code_challenge_method}. */
    public static AppChallenge parse(String challenge, String method) throws ApiError {
        if (challenge == null || challenge.isEmpty()) {
            if (method != null && !method.isEmpty()) {
                throw ApiError.invalidRequest("code_challenge_method was given without code_challenge.");
            }
            return NONE;
        }
        if (!"S256".equals(method)) {
            throw ApiError.invalidRequest("code_challenge_method must be S256.");
        }
        if (!S256_CHALLENGE.matcher(challenge).matches()) {
            throw ApiError.invalidRequest("code_challenge must be the base64url SHA-256 of the code_verifier (43 characters).");
        }
        return new AppChallenge(challenge);
    }

    /** As stored with a hand-off code. */
    static AppChallenge of(String stored) {
        return stored == null || stored.isEmpty() ? NONE : new AppChallenge(stored);
    }

    public boolean isEmpty() {
        return challenge.isEmpty();
    }

    /** Whether a verifier meets this challenge; no challenge needs no verifier. */
    public boolean isMetBy(String verifier) {
        if (isEmpty()) {
            return true;
        }
        if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
            return false;
        }
        byte[] computed = PkceUtils.generateS256CodeChallenge(verifier).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(computed, challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
