package net.trader4.keycloak.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.trader4.keycloak.testsupport.QrCodes;
import net.trader4.keycloak.it.support.BehindProxyServerConfig;
import net.trader4.keycloak.it.support.LoopbackCaller;
import net.trader4.keycloak.it.support.LoopbackCaller.Reply;
import net.trader4.keycloak.it.support.ShippedApiProxy;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.IdentityProviderResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The realm's public base URL of the API ({@code trader4.api.publicBaseUrl}) behind the shipped
 * proxy ({@code docker/nginx.conf} in the real nginx), which serves the contract's own paths: the
 * addresses the API hands out are the proxy's, and they work through it. The QR code itself keeps
 * sending the phone to Keycloak's host, where its SSO cookie is.
 */
@KeycloakIntegrationTest(config = BehindProxyServerConfig.class)
class PublicBaseUrlIT {

    private static final String SETTING = "trader4.api.publicBaseUrl";

    static ShippedApiProxy proxy;

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @BeforeEach
    void startProxy() throws IOException {
        if (proxy == null) {
            proxy = ShippedApiProxy.start(realm.getBaseUrl());
        }
        TestUsers.liftPerIpCaps(realm);
    }

    @AfterEach
    void removeTheSetting() {
        TestUsers.removeRealmAttribute(realm, SETTING);
    }

    @AfterAll
    static void stopProxy() {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }

    @Test
    void theQrUrlIsOnThePublicBaseAndItsImageLoadsThroughTheProxy() throws Exception {
        TestUsers.setRealmAttributes(realm, Map.of(SETTING, proxy.url() + "/"));
        Reply created = LoopbackCaller.fresh().get(proxy.url() + "/v1/oauth/qr");
        assertEquals(200, created.status(), created.toString());
        String token = created.body().at("/results/token").asText();
        String url = created.body().at("/results/url").asText();
        assertEquals(proxy.url() + "/v1/oauth/qr/" + token + ".png", url);

        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertEquals(realm.getBaseUrl() + "/trader4/v1/oauth/qr/" + token, QrCodes.read(png.body()),
                "the phone opens the approval page on Keycloak's host, where its sign-in cookie is");
    }

    @Test
    void withoutTheSettingTheQrUrlStaysKeycloaksOwn() throws IOException {
        Reply created = LoopbackCaller.fresh().get(proxy.url() + "/v1/oauth/qr");
        assertEquals(200, created.status(), created.toString());
        assertEquals(realm.getBaseUrl() + "/trader4/v1/oauth/qr/" + created.body().at("/results/token").asText() + ".png",
                created.body().at("/results/url").asText());
    }

    @Test
    void anInvalidSettingIsIgnoredAndKeycloaksOwnAddressesAreHandedOut() throws IOException {
        TestUsers.setRealmAttributes(realm, Map.of(SETTING, "http://api.example.com"));
        Reply created = LoopbackCaller.fresh().get(proxy.url() + "/v1/oauth/qr");
        assertEquals(200, created.status(), created.toString());
        assertTrue(created.body().at("/results/url").asText().startsWith(realm.getBaseUrl() + "/trader4/v1/oauth/qr/"),
                created.toString());
    }

    @Test
    void theServedContractNamesThePublicBaseAsItsServer() throws IOException {
        assertEquals(Trader4ServerConfig.HOSTNAME + "/realms/" + realm.getName() + "/trader4", servedServer());
        TestUsers.setRealmAttributes(realm, Map.of(SETTING, proxy.url()));
        assertEquals(proxy.url(), servedServer());
    }

    @Test
    void googleSignInComesBackToTheCallbackOnThePublicBaseOnceTheApiClientRegistersIt() throws IOException {
        IdentityProviderResource google = realm.admin().identityProviders().get("google");
        ClientResource apiClient = realm.admin().clients().get(
                realm.admin().clients().findByClientId("trader4-api").get(0).getId());
        List<String> registered = apiClient.toRepresentation().getRedirectUris();
        String callback = proxy.url() + "/v1/oauth/google/callback";
        setGoogleEnabled(google, true);
        try {
            TestUsers.setRealmAttributes(realm, Map.of(SETTING, proxy.url()));
            Reply unregistered = LoopbackCaller.fresh().get(proxy.url() + "/v1/oauth/google");
            assertEquals(503, unregistered.status(), unregistered.toString());
            assertEquals("client_not_configured", unregistered.error());
            assertTrue(unregistered.body().path("message").asText().contains(callback), unregistered.toString());

            setRedirectUris(apiClient, withAlso(registered, callback));
            Reply started = LoopbackCaller.fresh().get(proxy.url() + "/v1/oauth/google");
            assertEquals(303, started.status(), started.toString());
            URI login = URI.create(started.header("Location"));
            assertEquals(realm.getBaseUrl() + "/protocol/openid-connect/auth", login.getScheme() + "://" + login.getRawAuthority()
                    + login.getRawPath(), "the login itself stays on Keycloak's host");
            assertEquals(callback, queryParameter(login, "redirect_uri"));

            Reply back = LoopbackCaller.fresh().get(callback + "?code=forged&state=" + queryParameter(login, "state") + "x");
            assertEquals(400, back.status(), "the callback answers through the proxy: " + back);
            assertEquals("invalid_state", back.error());
        } finally {
            setRedirectUris(apiClient, registered);
            setGoogleEnabled(google, false);
        }
    }

    private String servedServer() throws IOException {
        Reply contract = LoopbackCaller.fresh().get(proxy.url() + "/v1/oauth/openapi.json");
        assertEquals(200, contract.status(), contract.head());
        return contract.body().at("/servers/0/url").asText();
    }

    private static void setGoogleEnabled(IdentityProviderResource google, boolean enabled) {
        IdentityProviderRepresentation representation = google.toRepresentation();
        representation.setEnabled(enabled);
        google.update(representation);
    }

    private static void setRedirectUris(ClientResource client, List<String> uris) {
        ClientRepresentation representation = client.toRepresentation();
        representation.setRedirectUris(uris);
        client.update(representation);
    }

    private static List<String> withAlso(List<String> uris, String another) {
        List<String> all = new ArrayList<>(uris);
        all.add(another);
        return all;
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }
}
