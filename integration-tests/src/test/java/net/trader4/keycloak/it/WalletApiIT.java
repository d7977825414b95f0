package net.trader4.keycloak.it;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.DumpedPrivateKey;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wallet sign-in: the server writes a message, a wallet library signs it (web3j for Ethereum,
 * bitcoinj for Bitcoin, with keys made here), and the signature signs the account in.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class WalletApiIT {

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(realm.getBaseUrl());
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.sendsPerIpPerHour", "100000",
                "trader4.otp.failuresPerIpPerHour", "100000"));
    }

    @Test
    void ethereumWalletSignsInWithPersonalSign() throws Exception {
        ECKeyPair keys = Keys.createEcKeyPair();
        String address = Keys.toChecksumAddress(Keys.getAddress(keys));
        String username = userWithWallets(address);

        Answer sign = api.sign(address.toLowerCase());
        assertEquals(200, sign.status(), sign.toString());
        String message = sign.results().path("message").asText();
        assertTrue(message.startsWith("localhost:8080 wants you to sign in with your Ethereum account:\n" + address + "\n"), message);
        assertTrue(message.contains("\nChain ID: 1\n") && message.contains("\nNonce: ") && message.contains("\nExpiration Time: "), message);
        assertTrue(message.contains("URI: " + realm.getBaseUrl()), message);
        assertTrue(sign.results().path("expired_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"), sign.toString());

        String signature = ethereumSignature(message, keys);
        Answer verify = api.verify(address, signature);
        assertEquals(200, verify.status(), verify.toString());
        assertEquals(username + "@wallet.test", verify.results().path("email").asText(), "the account holding the address");
        assertFalse(verify.results().path("access_token").asText().isEmpty());

        Answer replay = api.verify(address, signature);
        assertEquals(400, replay.status(), "a signed message works once: " + replay);
        assertEquals("expired_code", replay.error());
    }

    @Test
    void bitcoinSegwitAndLegacyWalletsSignInWithSignMessage() {
        ECKey key = new ECKey();
        String segwit = key.toAddress(ScriptType.P2WPKH, BitcoinNetwork.MAINNET).toString();
        String legacy = key.toAddress(ScriptType.P2PKH, BitcoinNetwork.MAINNET).toString();
        userWithWallets(segwit, legacy);

        String message = api.sign(segwit).results().path("message").asText();
        assertTrue(message.contains("with your Bitcoin account:\n" + segwit + "\n") && !message.contains("Chain ID"), message);
        Answer verify = api.verify(segwit, key.signMessage(message, ScriptType.P2WPKH));
        assertEquals(200, verify.status(), verify.toString());

        String legacyMessage = api.sign(legacy).results().path("message").asText();
        Answer legacyVerify = api.verify(legacy, key.signMessage(legacyMessage));
        assertEquals(200, legacyVerify.status(), legacyVerify.toString());
    }

    @Test
    void wrongSignaturesAndMessagesAreRefused() throws Exception {
        ECKeyPair keys = Keys.createEcKeyPair();
        String address = Keys.toChecksumAddress(Keys.getAddress(keys));
        userWithWallets(address);
        String message = api.sign(address).results().path("message").asText();

        Answer otherMessage = api.verify(address, ethereumSignature(message.replace("Nonce: ", "Nonce: x"), keys));
        assertEquals(400, otherMessage.status(), otherMessage.toString());
        assertEquals("invalid_code", otherMessage.error());

        Answer otherKey = api.verify(address, ethereumSignature(message, Keys.createEcKeyPair()));
        assertEquals("invalid_code", otherKey.error(), otherKey.toString());

        Answer garbage = api.verify(address, "0xnot-a-signature");
        assertEquals(400, garbage.status(), garbage.toString());
        assertEquals("invalid_request", garbage.error());

        Answer stillGood = api.verify(address, ethereumSignature(message, keys));
        assertEquals(200, stillGood.status(), "wrong tries left some attempts, and locked nobody out: " + stillGood);
    }

    @Test
    void unknownAddressesGetTheSameKindOfAnswer() throws Exception {
        ECKeyPair keys = Keys.createEcKeyPair();
        String address = Keys.toChecksumAddress(Keys.getAddress(keys));
        Answer sign = api.sign(address);
        assertEquals(200, sign.status(), sign.toString());
        assertTrue(sign.results().path("message").asText().contains(address));
        Answer verify = api.verify(address, ethereumSignature(sign.results().path("message").asText(), keys));
        assertEquals(400, verify.status(), verify.toString());
        assertEquals("invalid_code", verify.error());
    }

    @Test
    void aFreshKeypairNeverRegistersAnAccountEvenWithAutoRegistrationOn() throws Exception {
        TestUsers.setRealmAttributes(realm, java.util.Map.of("trader4.otp.autoRegister", "true"));
        try {
            ECKeyPair keys = Keys.createEcKeyPair();
            String address = Keys.toChecksumAddress(Keys.getAddress(keys));
            int accountsBefore = realm.admin().users().count();
            Answer sign = api.sign(address);
            Answer verify = api.verify(address, ethereumSignature(sign.results().path("message").asText(), keys));
            assertEquals(400, verify.status(), "a keypair costs nothing to make, so it makes no account: " + verify);
            assertEquals("invalid_code", verify.error());
            assertEquals(accountsBefore, realm.admin().users().count());
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.otp.autoRegister");
        }
    }

    /** The demo user's addresses belong to published test keys (docs/configuration.md, "The demo realm"). */
    @Test
    void demoUserSignsInWithBothOfItsWallets() {
        ECKeyPair hardhatAccount0 = ECKeyPair.create(Numeric.toBigInt("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
        String ethereum = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
        assertEquals(ethereum, Keys.toChecksumAddress(Keys.getAddress(hardhatAccount0)));
        String message = api.sign(ethereum).results().path("message").asText();
        Answer eth = api.verify(ethereum, ethereumSignature(message, hardhatAccount0));
        assertEquals(200, eth.status(), eth.toString());
        assertEquals("hi@trader4.net", eth.results().path("email").asText());

        ECKey bip322Key = DumpedPrivateKey.fromBase58(BitcoinNetwork.MAINNET, "L3VFeEujGtevx9w18HD1fhRbCH67Az2dpCymeRE1SoPK6XQtaN2k").getKey();
        String bitcoin = "bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l";
        assertEquals(bitcoin, bip322Key.toAddress(ScriptType.P2WPKH, BitcoinNetwork.MAINNET).toString());
        String btcMessage = api.sign(bitcoin).results().path("message").asText();
        Answer btc = api.verify(bitcoin, bip322Key.signMessage(btcMessage, ScriptType.P2WPKH));
        assertEquals(200, btc.status(), btc.toString());
        assertEquals("hi@trader4.net", btc.results().path("email").asText());
    }

    @Test
    void theSpecExampleAddressIsRefusedClearly() {
        Answer answer = api.sign("bc1uw48ht4287287");
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("invalid_identifier", answer.error());
        assertTrue(answer.message().contains("not a valid Bitcoin address"), answer.message());
        assertEquals("invalid_identifier", api.sign("0x52908400098527886E0F7030069857D2E4169Ee7").error(), "bad EIP-55 checksum");
    }

    private static String ethereumSignature(String message, ECKeyPair keys) {
        Sign.SignatureData signature = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), keys);
        byte[] bytes = new byte[65];
        System.arraycopy(signature.getR(), 0, bytes, 0, 32);
        System.arraycopy(signature.getS(), 0, bytes, 32, 32);
        bytes[64] = signature.getV()[0];
        return Numeric.toHexString(bytes);
    }

    /** An account holding wallet addresses, as an operator would link them (admin API). */
    private String userWithWallets(String... addresses) {
        String username = "w-" + UUID.randomUUID().toString().substring(0, 10);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@wallet.test");
        user.setEnabled(true);
        user.setAttributes(Map.of("crypto_address", List.of(addresses)));
        try (Response response = realm.admin().users().create(user)) {
            assertEquals(201, response.getStatus(), response.readEntity(String.class));
        }
        return username;
    }
}
