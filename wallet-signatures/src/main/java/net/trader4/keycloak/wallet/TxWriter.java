package net.trader4.keycloak.wallet;

import java.io.ByteArrayOutputStream;

/** Bitcoin's wire serialisation: little-endian integers and CompactSize length prefixes. */
final class TxWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TxWriter uint32(long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
        return this;
    }

    TxWriter uint64(long value) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
        return this;
    }

    TxWriter byteValue(int value) {
        out.write(value & 0xff);
        return this;
    }

    TxWriter compactSize(long value) {
        if (value < 0xfd) {
            return byteValue((int) value);
        }
        if (value <= 0xffff) {
            byteValue(0xfd);
            out.write((int) value & 0xff);
            out.write((int) (value >>> 8) & 0xff);
            return this;
        }
        if (value <= 0xffffffffL) {
            return byteValue(0xfe).uint32(value);
        }
        return byteValue(0xff).uint64(value);
    }

    TxWriter bytes(byte[] data) {
        out.write(data, 0, data.length);
        return this;
    }

    /** Length-prefixed bytes, as scripts and witness items are written. */
    TxWriter varBytes(byte[] data) {
        return compactSize(data.length).bytes(data);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
