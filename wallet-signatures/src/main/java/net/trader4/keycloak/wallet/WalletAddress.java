package net.trader4.keycloak.wallet;

import java.util.Arrays;
import java.util.Objects;

/**
 * A validated wallet address. Obtain one from {@link WalletAddressParser}.
 *
 * @param chain     the blockchain
 * @param kind      the script type
 * @param canonical the form stored on users and compared: EIP-55 for Ethereum, lower case for
 *                  bech32, as typed for base58 (which is case-sensitive)
 * @param program   what the address commits to: the 20-byte account of an Ethereum address, the
 *                  20-byte hash of a P2PKH/P2SH address, the witness program of a segwit address
 */
public record WalletAddress(WalletChain chain, WalletAddressKind kind, String canonical, byte[] program) {

    public WalletAddress {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(program, "program");
        if (kind.chain() != chain) {
            throw new IllegalArgumentException(kind + " is not a " + chain + " address kind");
        }
        program = program.clone();
    }

    @Override
    public byte[] program() {
        return program.clone();
    }

    /** Whether {@code candidate} equals the program, without handing out a copy. */
    boolean programEquals(byte[] candidate) {
        return Arrays.equals(program, candidate);
    }

    /** The Bitcoin output script paying to this address: what a BIP-322 signature commits to. */
    byte[] scriptPubKey() {
        return switch (kind) {
            case P2PKH -> Bytes.concat(new byte[] {0x76, (byte) 0xa9, 0x14}, program, new byte[] {(byte) 0x88, (byte) 0xac});
            case P2SH -> Bytes.concat(new byte[] {(byte) 0xa9, 0x14}, program, new byte[] {(byte) 0x87});
            case P2WPKH -> Bytes.concat(new byte[] {0x00, 0x14}, program);
            case P2WSH -> Bytes.concat(new byte[] {0x00, 0x20}, program);
            case P2TR -> Bytes.concat(new byte[] {0x51, 0x20}, program);
            case ETH -> throw new IllegalStateException("Ethereum addresses have no output script");
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WalletAddress that && kind == that.kind && canonical.equals(that.canonical);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, canonical);
    }

    @Override
    public String toString() {
        return kind + ":" + canonical;
    }
}
