package net.trader4.keycloak.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.it.support.ForgedHost.SentSms;
import net.trader4.keycloak.it.support.ForgedHost;
import net.trader4.keycloak.it.support.NoHostnameServerConfig;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.TwilioStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server with no hostname builds its URLs from the request's {@code Host}: there, what would
 * bind a sign-in to whatever host a phishing proxy sends is off (wallet sign-in, QR codes) or left
 * out (the SMS autofill line), and says so, until the operator configures a hostname, a realm
 * Frontend URL, or says the realm trusts the request's host.
 */
@KeycloakIntegrationTest(config = NoHostnameServerConfig.class)
class NoHostnameIT {

    private static final String QR_CLIENT = "qr-web-no-hostname";

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
    void untrusted() {
        TestUsers.removeRealmAttribute(realm, "trader4.requestHostTrusted");
    }

    @Test
    void walletSignInIsOffAndSaysWhy() {
        Answer wallet = phishing.signWithWallet();
        assertEquals(503, wallet.status(), wallet.toString());
        assertEquals("hostname_not_configured", wallet.error());
        assertTrue(wallet.message().contains("hostname"), wallet.message());
    }

    @Test
    void qrCodesAreOffInTheApiAndOnTheLoginPage() throws Exception {
        Answer qr = phishing.createQr();
        assertEquals(503, qr.status(), qr.toString());
        assertEquals("hostname_not_configured", qr.error());

        String loginPage = loginPageOfTheQrFlow();
        assertTrue(loginPage.contains("QR sign-in is not available on this server"), loginPage);
        assertFalse(loginPage.contains("data:image/png"), "no QR code on the page");
    }

    @Test
    void anSmsCarriesNoAutofillLineButItsCodeStillSignsIn() {
        SentSms sms = phishing.signWithMobile();
        assertFalse(sms.text().contains("@"), "no host to bind the code to: " + sms.text());
        Matcher code = Pattern.compile("\\b([0-9]{6})\\b").matcher(sms.text());
        assertTrue(code.find(), sms.text());
        assertEquals(200, new ApiClient(realm.getBaseUrl()).verify(sms.mobile(), code.group(1)).status());
    }

    @Test
    void aRealmThatTrustsTheRequestHostGetsItsLinksFromIt() {
        TestUsers.setRealmAttributes(realm, Map.of("trader4.requestHostTrusted", "true"));
        Answer wallet = phishing.signWithWallet();
        assertEquals(200, wallet.status(), wallet.toString());
        assertTrue(wallet.results().path("message").asText().startsWith(ForgedHost.PHISHING_HOST + " wants you"),
                "what the operator chose: " + wallet);
        assertEquals(200, phishing.createQr().status());
    }

    /** The first page of the demo realm's QR-first browser flow, through a client bound to it. */
    private String loginPageOfTheQrFlow() throws Exception {
        String redirect = realm.getBaseUrl() + "/.well-known/openid-configuration";
        if (realm.admin().clients().findByClientId(QR_CLIENT).isEmpty()) {
            String flowId = realm.admin().flows().getFlows().stream().filter(f -> "trader4 QR browser".equals(f.getAlias()))
                    .findFirst().orElseThrow().getId();
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(QR_CLIENT);
            client.setPublicClient(true);
            client.setStandardFlowEnabled(true);
            client.setRedirectUris(List.of(redirect));
            client.setAuthenticationFlowBindingOverrides(Map.of("browser", flowId));
            try (Response response = realm.admin().clients().create(client)) {
                assertEquals(201, response.getStatus());
            }
        }
        HttpResponse<String> page = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(
                HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/protocol/openid-connect/auth?client_id=" + QR_CLIENT
                        + "&response_type=code&scope=openid&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)))
                        .header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        return page.body();
    }
}
