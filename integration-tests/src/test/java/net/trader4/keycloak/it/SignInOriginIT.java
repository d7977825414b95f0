package net.trader4.keycloak.it;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.trader4.keycloak.testsupport.QrCodes;
import net.trader4.keycloak.it.support.ForgedHost.SentSms;
import net.trader4.keycloak.it.support.ForgedHost;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.TwilioStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A phishing proxy forwards the API with a {@code Host} of its own: on a server with a configured
 * hostname, or a realm with a Frontend URL, nothing a sign-in is bound to follows it — not the
 * wallet message's domain and URI, not the SMS autofill line, not the QR code's link.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class SignInOriginIT {

    private static final String FRONTEND = "https://signin.example.test";

    @RegisterExtension
    static final TwilioStandIn twilio = TwilioStandIn.forTestClass(Trader4ServerConfig.TWILIO_PORT);

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    ForgedHost phishing;

    @BeforeEach
    void setUp() {
        TestUsers.liftPerIpCaps(realm);
        phishing = new ForgedHost(realm, twilio);
    }

    @AfterEach
    void noFrontendUrl() {
        TestUsers.removeRealmAttribute(realm, "frontendUrl");
    }

    @Test
    void aForgedHostNamesNeitherTheWalletMessageNorTheSmsLineNorTheQrLink() {
        assertBoundTo(Trader4ServerConfig.HOSTNAME);
    }

    @Test
    void aRealmsFrontendUrlIsWhatTheyNameWhateverTheHost() {
        TestUsers.setRealmAttributes(realm, Map.of("frontendUrl", FRONTEND));
        assertBoundTo(FRONTEND);
    }

    private void assertBoundTo(String origin) {
        String authority = java.net.URI.create(origin).getAuthority();
        String host = java.net.URI.create(origin).getHost();

        Answer wallet = phishing.signWithWallet();
        assertEquals(200, wallet.status(), wallet.toString());
        String message = wallet.results().path("message").asText();
        assertTrue(message.startsWith(authority + " wants you to sign in with your Ethereum account:"), message);
        assertTrue(message.contains("\nURI: " + origin + "/realms/trader4\n"), message);
        assertFalse(message.contains(ForgedHost.PHISHING_HOST), message);

        SentSms sms = phishing.signWithMobile();
        Matcher autofill = Pattern.compile("\n\n@(\\S+) #([0-9]{6})$").matcher(sms.text());
        assertTrue(autofill.find(), "the SMS ends with its autofill line: " + sms.text());
        assertEquals(host, autofill.group(1), "the autofill line names the server");
        assertEquals(200, new ApiClient(realm.getBaseUrl()).verify(sms.mobile(), autofill.group(2)).status());

        Answer qr = phishing.createQr();
        assertEquals(200, qr.status(), qr.toString());
        String token = qr.results().path("token").asText();
        String page = origin + "/realms/trader4/trader4/v1/oauth/qr/" + token;
        assertEquals(page + ".png", qr.results().path("url").asText());
        assertEquals(page, QrCodes.read(phishing.qrImage(token).body()), "the phone opens the server, not the proxy");
    }
}
