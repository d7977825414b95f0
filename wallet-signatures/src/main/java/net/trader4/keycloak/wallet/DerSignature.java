package net.trader4.keycloak.wallet;

import java.math.BigInteger;

/** An ECDSA signature read from strict DER, the only encoding Bitcoin accepts since BIP-66. */
record DerSignature(BigInteger r, BigInteger s) {

    /**
     * Parses {@code 30 len 02 lenR R 02 lenS S} with BIP-66 rules: exact lengths, positive
     * integers, no superfluous leading zero; {@code null} when anything is off.
     */
    static DerSignature parseStrict(byte[] der) {
        int length = der.length;
        if (length < 8 || length > 72) {
            return null;
        }
        if (der[0] != 0x30 || (der[1] & 0xff) != length - 2) {
            return null;
        }
        int lengthR = der[3] & 0xff;
        if (der[2] != 0x02 || lengthR == 0 || 5 + lengthR >= length) {
            return null;
        }
        int lengthS = der[5 + lengthR] & 0xff;
        if (der[4 + lengthR] != 0x02 || lengthS == 0 || lengthR + lengthS + 6 != length) {
            return null;
        }
        if (!isMinimalPositive(der, 4, lengthR) || !isMinimalPositive(der, 6 + lengthR, lengthS)) {
            return null;
        }
        return new DerSignature(Bytes.unsigned(der, 4, 4 + lengthR), Bytes.unsigned(der, 6 + lengthR, 6 + lengthR + lengthS));
    }

    private static boolean isMinimalPositive(byte[] der, int from, int length) {
        if ((der[from] & 0x80) != 0) {
            return false;
        }
        return length == 1 || der[from] != 0 || (der[from + 1] & 0x80) != 0;
    }
}
