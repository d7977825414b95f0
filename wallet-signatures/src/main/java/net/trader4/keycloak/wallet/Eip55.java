package net.trader4.keycloak.wallet;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** EIP-55 mixed-case checksum of Ethereum addresses. */
final class Eip55 {

    private Eip55() {
    }

    /**
     * The checksummed form of 40 hex digits: a letter is upper case when the matching nibble of
     * Keccak-256(lower-case hex) is 8 or more.
     */
    static String checksummed(String fortyHexDigits) {
        String lower = fortyHexDigits.toLowerCase(Locale.ROOT);
        byte[] hash = WalletHashes.keccak256(lower.getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
            out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
