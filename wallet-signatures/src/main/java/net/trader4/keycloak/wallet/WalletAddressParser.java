package net.trader4.keycloak.wallet;

import java.util.Locale;
import java.util.regex.Pattern;

import org.bouncycastle.util.encoders.Hex;

/**
 * Validates wallet addresses strictly and brings them to canonical form. Only mainnet: a typo
 * or a test-network address must be refused before anyone is asked to sign for it.
 */
public final class WalletAddressParser {

    private static final Pattern HEX_40 = Pattern.compile("[0-9a-fA-F]{40}");
    private static final int MAX_LENGTH = 100;
    private static final byte P2PKH_VERSION = 0x00;
    private static final byte P2SH_VERSION = 0x05;
    private static final byte TESTNET_P2PKH_VERSION = 0x6f;
    private static final byte TESTNET_P2SH_VERSION = (byte) 0xc4;

    private WalletAddressParser() {
    }

    public static WalletAddress parse(String text) throws InvalidWalletAddressException {
        if (text == null || text.isBlank()) {
            throw new InvalidWalletAddressException("A wallet address is required.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidWalletAddressException("The wallet address is too long.");
        }
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return ethereum(text);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bc1")) {
            return segwit(text);
        }
        if (lower.startsWith("tb1") || lower.startsWith("bcrt1")) {
            throw new InvalidWalletAddressException(
                    "\"" + text + "\" is a Bitcoin test network address; only mainnet addresses can sign in.");
        }
        return base58(text);
    }

    private static WalletAddress ethereum(String text) throws InvalidWalletAddressException {
        String digits = text.substring(2);
        if (!HEX_40.matcher(digits).matches()) {
            throw new InvalidWalletAddressException(
                    "\"" + text + "\" is not a valid Ethereum address: it must be 0x followed by 40 hexadecimal digits.");
        }
        String checksummed = Eip55.checksummed(digits);
        boolean singleCase = digits.equals(digits.toLowerCase(Locale.ROOT)) || digits.equals(digits.toUpperCase(Locale.ROOT));
        // Mixed case means the writer meant EIP-55; a mismatch is a typo, not a style choice.
        if (!singleCase && !checksummed.substring(2).equals(digits)) {
            throw new InvalidWalletAddressException(
                    "\"" + text + "\" is not a valid Ethereum address: its EIP-55 checksum (the mix of upper and lower case) does not match (is there a typo?).");
        }
        byte[] account = Hex.decode(digits);
        return new WalletAddress(WalletChain.ETHEREUM, WalletAddressKind.ETH, checksummed, account);
    }

    private static WalletAddress segwit(String text) throws InvalidWalletAddressException {
        Bech32.SegwitProgram decoded;
        try {
            decoded = Bech32.decodeSegwit(text);
        } catch (Bech32.InvalidBech32Exception e) {
            throw invalidBitcoin(text, e.getMessage());
        }
        if (!"bc".equals(decoded.hrp())) {
            throw invalidBitcoin(text, "it is not a Bitcoin mainnet address");
        }
        byte[] program = decoded.program();
        String canonical = text.toLowerCase(Locale.ROOT);
        if (decoded.version() == 0) {
            if (program.length == 20) {
                return new WalletAddress(WalletChain.BITCOIN, WalletAddressKind.P2WPKH, canonical, program);
            }
            if (program.length == 32) {
                return new WalletAddress(WalletChain.BITCOIN, WalletAddressKind.P2WSH, canonical, program);
            }
            throw invalidBitcoin(text, "a version 0 witness program must be 20 or 32 bytes, not " + program.length);
        }
        if (decoded.version() == 1) {
            if (program.length == 32) {
                return new WalletAddress(WalletChain.BITCOIN, WalletAddressKind.P2TR, canonical, program);
            }
            throw invalidBitcoin(text, "a Taproot (version 1) witness program must be 32 bytes, not " + program.length);
        }
        throw invalidBitcoin(text, "witness version " + decoded.version()
                + " is not in use yet; only bc1q (version 0) and bc1p (version 1, Taproot) addresses are accepted");
    }

    private static WalletAddress base58(String text) throws InvalidWalletAddressException {
        byte[] payload;
        try {
            payload = Base58Check.decode(text);
        } catch (Base58Check.InvalidBase58Exception e) {
            throw invalidBitcoin(text, e.getMessage());
        }
        if (payload.length != 21) {
            throw invalidBitcoin(text, "it has the wrong length");
        }
        byte[] hash = Bytes.slice(payload, 1, 21);
        return switch (payload[0]) {
            case P2PKH_VERSION -> new WalletAddress(WalletChain.BITCOIN, WalletAddressKind.P2PKH, text, hash);
            case P2SH_VERSION -> new WalletAddress(WalletChain.BITCOIN, WalletAddressKind.P2SH, text, hash);
            case TESTNET_P2PKH_VERSION, TESTNET_P2SH_VERSION -> throw new InvalidWalletAddressException(
                    "\"" + text + "\" is a Bitcoin test network address; only mainnet addresses can sign in.");
            default -> throw invalidBitcoin(text, "it is not a Bitcoin address (unknown version byte)");
        };
    }

    private static InvalidWalletAddressException invalidBitcoin(String text, String reason) {
        return new InvalidWalletAddressException("\"" + text + "\" is not a valid Bitcoin address: " + reason + ".");
    }
}
