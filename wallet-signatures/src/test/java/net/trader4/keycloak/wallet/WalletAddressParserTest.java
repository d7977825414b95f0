package net.trader4.keycloak.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WalletAddressParserTest {

    @Test
    void specExampleIsRefusedWithAClearMessage() {
        InvalidWalletAddressException e = assertThrows(InvalidWalletAddressException.class,
                () -> WalletAddressParser.parse("bc1uw48ht4287287"));
        assertEquals("\"bc1uw48ht4287287\" is not a valid Bitcoin address: its checksum does not match (is there a typo?).",
                e.getMessage());
    }

    // EIP-55 examples from the EIP text.
    @ParameterizedTest
    @ValueSource(strings = {
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void ethereumChecksummedAddressIsItsOwnCanonicalForm(String address) throws Exception {
        WalletAddress parsed = WalletAddressParser.parse(address);
        assertEquals(WalletChain.ETHEREUM, parsed.chain());
        assertEquals(WalletAddressKind.ETH, parsed.kind());
        assertEquals(address, parsed.canonical());
        assertArrayEquals(Hex.decode(address.substring(2)), parsed.program());
    }

    @Test
    void ethereumSingleCaseAddressIsCanonicalisedToEip55() throws Exception {
        assertEquals("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                WalletAddressParser.parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").canonical());
        assertEquals("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                WalletAddressParser.parse("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED").canonical());
        assertEquals("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                WalletAddressParser.parse("0X5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").canonical());
    }

    @Test
    void ethereumBadChecksumIsRefused() {
        InvalidWalletAddressException e = assertThrows(InvalidWalletAddressException.class,
                () -> WalletAddressParser.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
        assertTrue(e.getMessage().contains("EIP-55 checksum"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", "0x 5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe"})
    void ethereumWrongShapeIsRefused(String address) {
        InvalidWalletAddressException e = assertThrows(InvalidWalletAddressException.class, () -> WalletAddressParser.parse(address));
        assertTrue(e.getMessage().contains("40 hexadecimal digits"), e.getMessage());
    }

    @Test
    void bitcoinLegacyAddresses() throws Exception {
        WalletAddress genesis = WalletAddressParser.parse("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
        assertEquals(WalletAddressKind.P2PKH, genesis.kind());
        assertEquals("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", genesis.canonical());
        assertEquals("62e907b15cbf27d5425399ebf6f0fb50ebb88f18", Hex.toHexString(genesis.program()));

        WalletAddress p2sh = WalletAddressParser.parse("3JvL6Ymt8MVWiCNHC7oWU6nLeHNJKLZGLN");
        assertEquals(WalletAddressKind.P2SH, p2sh.kind());
        assertEquals(WalletChain.BITCOIN, p2sh.chain());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",   // last character changed: checksum
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN",    // truncated
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf0a",   // 0 is not base58
            "3JvL6Ymt8MVWiCNHC7oWU6nLeHNJKLZGLn"})
    void bitcoinLegacyTyposAreRefused(String address) {
        InvalidWalletAddressException e = assertThrows(InvalidWalletAddressException.class, () -> WalletAddressParser.parse(address));
        assertTrue(e.getMessage().contains("is not a valid Bitcoin address"), e.getMessage());
    }

    @Test
    void bitcoinTestnetLegacyAddressesAreRefused() {
        byte[] hash = new byte[20];
        for (byte version : new byte[] {0x6f, (byte) 0xc4}) {
            String testnet = Base58Check.encode(Bytes.concat(new byte[] {version}, hash));
            InvalidWalletAddressException e = assertThrows(InvalidWalletAddressException.class, () -> WalletAddressParser.parse(testnet));
            assertTrue(e.getMessage().contains("test network"), e.getMessage());
        }
    }

    @Test
    void otherBase58VersionsAreRefused() {
        String litecoinLike = Base58Check.encode(Bytes.concat(new byte[] {0x30}, new byte[20]));
        assertThrows(InvalidWalletAddressException.class, () -> WalletAddressParser.parse(litecoinLike));
        String tooLong = Base58Check.encode(Bytes.concat(new byte[] {0x00}, new byte[21]));
        assertThrows(InvalidWalletAddressException.class, () -> WalletAddressParser.parse(tooLong));
    }

    @Test
    void segwitKindsAndCanonicalLowerCase() throws Exception {
        WalletAddress p2wpkh = WalletAddressParser.parse("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4");
        assertEquals(WalletAddressKind.P2WPKH, p2wpkh.kind());
        assertEquals("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", p2wpkh.canonical());
        assertEquals(WalletAddressKind.P2WSH,
                WalletAddressParser.parse("bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3").kind());
        assertEquals(WalletAddressKind.P2TR,
                WalletAddressParser.parse("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0").kind());
    }

    @Test
    void witnessVersionAboveOneIsRefusedWithReason() {
        InvalidWalletAddressException e = assertThrows(InvalidWalletAddressException.class,
                () -> WalletAddressParser.parse("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs"));
        assertTrue(e.getMessage().contains("witness version 2"), e.getMessage());
    }

    @Test
    void mixedCaseBech32IsRefusedWithReason() {
        InvalidWalletAddressException e = assertThrows(InvalidWalletAddressException.class,
                () -> WalletAddressParser.parse("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kV8F3T4"));
        assertTrue(e.getMessage().contains("mixes upper and lower case"), e.getMessage());
    }

    @Test
    void segwitEncodeRoundTrips() throws Exception {
        byte[] program = Hex.decode("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
        assertEquals("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", Bech32.encodeSegwit("bc", 1, program));
        assertEquals("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
                Bech32.encodeSegwit("bc", 0, Hex.decode("751e76e8199196d454941c45d1b3a323f1433bd6")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "bc1", "bc1q", "1", "3", "hello"})
    void nonsenseIsRefused(String text) {
        assertThrows(InvalidWalletAddressException.class, () -> WalletAddressParser.parse(text));
    }

    @Test
    void hugeInputIsRefusedQuickly() {
        assertThrows(InvalidWalletAddressException.class, () -> WalletAddressParser.parse("1".repeat(100_000)));
        assertThrows(InvalidWalletAddressException.class, () -> WalletAddressParser.parse(null));
    }

    record SegwitVector(String expected, String address, String detail) {
        @Override
        public String toString() {
            return expected + " " + address;
        }
    }

    static Stream<SegwitVector> segwitVectors() throws IOException {
        List<SegwitVector> vectors = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                WalletAddressParserTest.class.getResourceAsStream("/wallet-vectors/segwit-addresses.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ", 3);
                vectors.add(new SegwitVector(parts[0], parts[1], parts[2]));
            }
        }
        return vectors.stream();
    }

    @ParameterizedTest
    @MethodSource("segwitVectors")
    void bip350Vectors(SegwitVector vector) throws Exception {
        if (vector.expected().equals("VALID")) {
            WalletAddress parsed = WalletAddressParser.parse(vector.address());
            assertEquals(vector.address().toLowerCase(Locale.ROOT), parsed.canonical());
            assertEquals(vector.detail(), Hex.toHexString(parsed.scriptPubKey()));
        } else {
            InvalidWalletAddressException e = assertThrows(InvalidWalletAddressException.class,
                    () -> WalletAddressParser.parse(vector.address()));
            assertTrue(e.getMessage().startsWith("\"" + vector.address() + "\" is"), e.getMessage());
        }
    }
}
