package net.trader4.keycloak.wallet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A segwit witness stack as BIP-322 "simple" signatures carry it: a vector of byte vectors. */
final class WitnessStack {

    private final List<byte[]> items;

    private WitnessStack(List<byte[]> items) {
        this.items = Collections.unmodifiableList(items);
    }

    List<byte[]> items() {
        return items;
    }

    int size() {
        return items.size();
    }

    byte[] item(int index) {
        return items.get(index);
    }

    static WitnessStack parse(byte[] data) throws MalformedSignatureException {
        Reader reader = new Reader(data);
        long count = reader.compactSize();
        // Every item takes at least one byte, so a larger count can only be a lie.
        if (count > data.length) {
            throw new MalformedSignatureException("The signature's witness stack is truncated.");
        }
        List<byte[]> items = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            items.add(reader.bytes(reader.compactSize()));
        }
        if (!reader.atEnd()) {
            throw new MalformedSignatureException("The signature has trailing bytes after its witness stack.");
        }
        return new WitnessStack(items);
    }

    private static final class Reader {
        private final byte[] data;
        private int at;

        Reader(byte[] data) {
            this.data = data;
        }

        boolean atEnd() {
            return at == data.length;
        }

        long compactSize() throws MalformedSignatureException {
            int first = next();
            long value;
            long minimum;
            switch (first) {
                case 0xfd -> {
                    value = littleEndian(2);
                    minimum = 0xfd;
                }
                case 0xfe -> {
                    value = littleEndian(4);
                    minimum = 0x10000;
                }
                case 0xff -> {
                    value = littleEndian(8);
                    minimum = 0x100000000L;
                }
                default -> {
                    return first;
                }
            }
            if (value < minimum) {
                throw new MalformedSignatureException("The signature's witness stack uses a non-canonical length.");
            }
            return value;
        }

        byte[] bytes(long length) throws MalformedSignatureException {
            if (length < 0 || length > data.length - at) {
                throw new MalformedSignatureException("The signature's witness stack is truncated.");
            }
            byte[] out = Bytes.slice(data, at, at + (int) length);
            at += (int) length;
            return out;
        }

        private long littleEndian(int size) throws MalformedSignatureException {
            long value = 0;
            for (int i = 0; i < size; i++) {
                value |= (long) next() << (8 * i);
            }
            return value;
        }

        private int next() throws MalformedSignatureException {
            if (at >= data.length) {
                throw new MalformedSignatureException("The signature's witness stack is truncated.");
            }
            return data[at++] & 0xff;
        }
    }
}
