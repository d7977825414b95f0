package net.trader4.keycloak.wallet;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;

/** Segwit address codec: bech32 (BIP-173) for witness v0, bech32m (BIP-350) for v1 and later. */
final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int MAX_LENGTH = 90;
    private static final int CHECKSUM_LENGTH = 6;

    enum Encoding {
        BECH32(1),
        BECH32M(0x2bc830a3);

        private final int constant;

        Encoding(int constant) {
            this.constant = constant;
        }
    }

    /** A decoded segwit address. */
    record SegwitProgram(String hrp, int version, byte[] program, Encoding encoding) {
    }

    /** Thrown for text that is not a segwit address; the message is fit for people. */
    static final class InvalidBech32Exception extends Exception {
        InvalidBech32Exception(String message) {
            super(message);
        }
    }

    private Bech32() {
    }

    static SegwitProgram decodeSegwit(String text) throws InvalidBech32Exception {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidBech32Exception("it is too long");
        }
        boolean hasLower = false;
        boolean hasUpper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 33 || c > 126) {
                throw new InvalidBech32Exception("it contains a character that bech32 does not allow");
            }
            hasLower |= c >= 'a' && c <= 'z';
            hasUpper |= c >= 'A' && c <= 'Z';
        }
        if (hasLower && hasUpper) {
            throw new InvalidBech32Exception("it mixes upper and lower case letters");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int separator = lower.lastIndexOf('1');
        if (separator < 1 || separator + 1 + CHECKSUM_LENGTH > lower.length()) {
            throw new InvalidBech32Exception("it is too short");
        }
        String hrp = lower.substring(0, separator);
        int[] data = new int[lower.length() - separator - 1];
        for (int i = 0; i < data.length; i++) {
            char c = lower.charAt(separator + 1 + i);
            data[i] = CHARSET.indexOf(c);
            if (data[i] < 0) {
                throw new InvalidBech32Exception("it contains the character '" + c + "', which bech32 does not use");
            }
        }
        Encoding encoding = checksumEncoding(hrp, data);
        if (encoding == null) {
            throw new InvalidBech32Exception("its checksum does not match (is there a typo?)");
        }
        int[] payload = Arrays.copyOf(data, data.length - CHECKSUM_LENGTH);
        if (payload.length == 0) {
            throw new InvalidBech32Exception("it carries no witness program");
        }
        int version = payload[0];
        if (version > 16) {
            throw new InvalidBech32Exception("its witness version " + version + " does not exist");
        }
        byte[] program = fromFiveBits(Arrays.copyOfRange(payload, 1, payload.length));
        if (program == null) {
            throw new InvalidBech32Exception("its witness program is badly padded");
        }
        if (program.length < 2 || program.length > 40) {
            throw new InvalidBech32Exception("its witness program has an impossible length of " + program.length + " bytes");
        }
        Encoding expected = version == 0 ? Encoding.BECH32 : Encoding.BECH32M;
        if (encoding != expected) {
            throw new InvalidBech32Exception("witness version " + version + " must use the "
                    + expected.name().toLowerCase(Locale.ROOT) + " checksum");
        }
        return new SegwitProgram(hrp, version, program, encoding);
    }

    static String encodeSegwit(String hrp, int version, byte[] program) {
        int[] programBits = toFiveBits(program);
        int[] data = new int[1 + programBits.length];
        data[0] = version;
        System.arraycopy(programBits, 0, data, 1, programBits.length);
        Encoding encoding = version == 0 ? Encoding.BECH32 : Encoding.BECH32M;
        int[] withChecksum = Arrays.copyOf(data, data.length + CHECKSUM_LENGTH);
        int polymod = polymod(hrp, withChecksum) ^ encoding.constant;
        for (int i = 0; i < CHECKSUM_LENGTH; i++) {
            withChecksum[data.length + i] = (polymod >>> (5 * (5 - i))) & 31;
        }
        StringBuilder text = new StringBuilder(hrp).append('1');
        for (int value : withChecksum) {
            text.append(CHARSET.charAt(value));
        }
        return text.toString();
    }

    private static Encoding checksumEncoding(String hrp, int[] data) {
        int check = polymod(hrp, data);
        for (Encoding encoding : Encoding.values()) {
            if (check == encoding.constant) {
                return encoding;
            }
        }
        return null;
    }

    private static int polymod(String hrp, int[] data) {
        int checksum = 1;
        for (int i = 0; i < hrp.length(); i++) {
            checksum = step(checksum, hrp.charAt(i) >>> 5);
        }
        checksum = step(checksum, 0);
        for (int i = 0; i < hrp.length(); i++) {
            checksum = step(checksum, hrp.charAt(i) & 31);
        }
        for (int value : data) {
            checksum = step(checksum, value);
        }
        return checksum;
    }

    private static int step(int checksum, int value) {
        int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int top = checksum >>> 25;
        int next = ((checksum & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                next ^= generator[i];
            }
        }
        return next;
    }

    /** Regroups 5-bit groups into bytes; {@code null} if the leftover padding is not zero or too long. */
    private static byte[] fromFiveBits(int[] groups) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int accumulator = 0;
        int bits = 0;
        for (int group : groups) {
            accumulator = (accumulator << 5) | group;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write((accumulator >>> bits) & 0xff);
            }
        }
        if (bits >= 5 || ((accumulator << (8 - bits)) & 0xff) != 0) {
            return null;
        }
        return out.toByteArray();
    }

    private static int[] toFiveBits(byte[] data) {
        int[] out = new int[(data.length * 8 + 4) / 5];
        int accumulator = 0;
        int bits = 0;
        int at = 0;
        for (byte b : data) {
            accumulator = (accumulator << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out[at++] = (accumulator >>> bits) & 31;
            }
        }
        if (bits > 0) {
            out[at++] = (accumulator << (5 - bits)) & 31;
        }
        return out;
    }
}
