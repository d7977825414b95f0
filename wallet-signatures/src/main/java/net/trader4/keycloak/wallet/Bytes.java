package net.trader4.keycloak.wallet;

import java.math.BigInteger;

/** Byte-array plumbing shared by the codecs and verifiers. */
final class Bytes {

    private Bytes() {
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    static byte[] slice(byte[] data, int from, int to) {
        return java.util.Arrays.copyOfRange(data, from, to);
    }

    /** Big-endian unsigned integer of the bytes. */
    static BigInteger unsigned(byte[] data, int from, int to) {
        return new BigInteger(1, slice(data, from, to));
    }

    /** The value as exactly 32 big-endian bytes; it must be below 2^256. */
    static byte[] to32(BigInteger value) {
        byte[] raw = value.toByteArray();
        if (raw.length == 32) {
            return raw;
        }
        byte[] out = new byte[32];
        if (raw.length > 32) {
            System.arraycopy(raw, raw.length - 32, out, 0, 32);
        } else {
            System.arraycopy(raw, 0, out, 32 - raw.length, raw.length);
        }
        return out;
    }
}
