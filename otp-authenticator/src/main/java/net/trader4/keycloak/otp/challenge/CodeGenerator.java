package net.trader4.keycloak.otp.challenge;

import org.keycloak.common.util.SecretGenerator;

/** Sign-in codes, handles and ids from Keycloak's {@link SecretGenerator} (one {@code SecureRandom}). */
public final class CodeGenerator {

    private CodeGenerator() {
    }

    /** {@code length} uniformly random decimal digits: a sign-in code. */
    public static String digits(int length) {
        return SecretGenerator.getInstance().randomString(length, SecretGenerator.DIGITS);
    }

    /** {@code bytes} random bytes as lower-case hex: handles and ids. */
    public static String hex(int bytes) {
        return SecretGenerator.getInstance().randomBytesHex(bytes);
    }
}
