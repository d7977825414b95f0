package net.trader4.keycloak.otp.challenge;

import java.security.SecureRandom;

/** Uniformly random decimal codes from {@link SecureRandom}. */
public final class CodeGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CodeGenerator() {
    }

    public static String digits(int length) {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = (char) ('0' + RANDOM.nextInt(10));
        }
        return new String(code);
    }

    /** {@code bytes} random bytes as lower-case hex: handles and ids. */
    public static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        StringBuilder hex = new StringBuilder(bytes * 2);
        for (byte b : random) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }
}
