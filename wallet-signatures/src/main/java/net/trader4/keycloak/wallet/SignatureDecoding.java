package net.trader4.keycloak.wallet;

import java.util.Base64;
import java.util.regex.Pattern;

import org.bouncycastle.util.encoders.Hex;

/** Turns signature text as wallets print it into bytes, refusing anything that is not exactly that. */
final class SignatureDecoding {

    private static final Pattern HEX_65_BYTES = Pattern.compile("(0x)?[0-9a-fA-F]{130}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private SignatureDecoding() {
    }

    /** An Ethereum signature: 65 bytes (r, s, v) in hex, with or without {@code 0x}. */
    static byte[] ethereumHex(String text) throws MalformedSignatureException {
        if (!HEX_65_BYTES.matcher(text).matches()) {
            throw new MalformedSignatureException(
                    "An Ethereum signature is 65 bytes written as 130 hexadecimal digits, optionally after 0x.");
        }
        return Hex.decode(text.startsWith("0x") ? text.substring(2) : text);
    }

    /** Standard base64 with padding, as Bitcoin wallets print signatures. */
    static byte[] base64(String text) throws MalformedSignatureException {
        if (text.isEmpty()) {
            throw new MalformedSignatureException("The signature is empty.");
        }
        if (text.length() % 4 != 0 || !BASE64.matcher(text).matches()) {
            throw new MalformedSignatureException("A Bitcoin signature must be written in base64.");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedSignatureException("A Bitcoin signature must be written in base64.");
        }
    }
}
