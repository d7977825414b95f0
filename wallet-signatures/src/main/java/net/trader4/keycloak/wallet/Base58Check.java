package net.trader4.keycloak.wallet;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;

/** Bitcoin's base58 with a 4-byte double-SHA-256 checksum, as used by legacy addresses. */
final class Base58Check {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    /** Far above any address; keeps the big-integer arithmetic bounded on hostile input. */
    private static final int MAX_TEXT_LENGTH = 64;

    private Base58Check() {
    }

    /** Thrown for text that is not base58check; the message is fit for people. */
    static final class InvalidBase58Exception extends Exception {
        InvalidBase58Exception(String message) {
            super(message);
        }
    }

    /** The payload (version byte included) without the checksum. */
    static byte[] decode(String text) throws InvalidBase58Exception {
        if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidBase58Exception("it has the wrong length");
        }
        BigInteger value = BigInteger.ZERO;
        int leadingZeros = 0;
        boolean inLeadingOnes = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                throw new InvalidBase58Exception("it contains the character '" + c + "', which base58 does not use");
            }
            if (inLeadingOnes && digit == 0) {
                leadingZeros++;
            } else {
                inLeadingOnes = false;
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : stripSignByte(value.toByteArray());
        byte[] decoded = Bytes.concat(new byte[leadingZeros], magnitude);
        if (decoded.length < 5) {
            throw new InvalidBase58Exception("it is too short");
        }
        byte[] payload = Arrays.copyOf(decoded, decoded.length - 4);
        byte[] checksum = Arrays.copyOfRange(decoded, decoded.length - 4, decoded.length);
        byte[] expected = Arrays.copyOf(WalletHashes.doubleSha256(payload), 4);
        if (!MessageDigest.isEqual(checksum, expected)) {
            throw new InvalidBase58Exception("its checksum does not match (is there a typo?)");
        }
        return payload;
    }

    static String encode(byte[] payload) {
        byte[] data = Bytes.concat(payload, Arrays.copyOf(WalletHashes.doubleSha256(payload), 4));
        StringBuilder text = new StringBuilder();
        BigInteger value = new BigInteger(1, data);
        while (value.signum() > 0) {
            BigInteger[] divided = value.divideAndRemainder(BASE);
            text.append(ALPHABET.charAt(divided[1].intValue()));
            value = divided[0];
        }
        for (int i = 0; i < data.length && data[i] == 0; i++) {
            text.append(ALPHABET.charAt(0));
        }
        return text.reverse().toString();
    }

    private static byte[] stripSignByte(byte[] twosComplement) {
        return twosComplement[0] == 0 ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }
}
