package net.trader4.keycloak.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.it.support.BrowserLogin;
import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.OtpLoginPages;
import net.trader4.keycloak.it.support.RequireChromium;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.util.JsonSerialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The realm's trader4 settings through {@code /admin/realms/{realm}/trader4/settings}: a change
 * made there rules the API and the browser step alike; a bad value is refused whole and nothing
 * is stored; secrets are never answered, by us or by Keycloak; only realm administrators read or change them.
 */
@ExtendWith(RequireChromium.class)
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class RealmSettingsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String CODE_LENGTH = "trader4.otp.codeLength";
    /** The component type of the realm's secret store. */
    private static final String SECRET_STORE = "net.trader4.keycloak.common.settings.SecretSettings";

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectOAuthClient
    OAuthClient oauth;

    ApiClient api;

    @BeforeEach
    void relaxNetworkLimits() {
        api = new ApiClient(realm.getBaseUrl());
        TestUsers.liftPerIpCaps(realm);
    }

    @AfterEach
    void defaultsAgain() {
        TestUsers.removeRealmAttribute(realm, CODE_LENGTH);
    }

    @Test
    void aCodeLengthSetByTheAdminRulesTheApiAndTheBrowserStep() {
        HttpResponse<String> put = settings("PUT", adminToken(), "{\"" + CODE_LENGTH + "\": 8}");
        assertEquals(200, put.statusCode(), put.body());
        JsonNode shown = setting(ApiClient.parse(settings("GET", adminToken(), null).body()), CODE_LENGTH);
        assertEquals(8, shown.path("value").asInt());
        assertFalse(shown.path("isDefault").asBoolean(true));
        assertEquals(6, shown.path("default").asInt());
        assertEquals("8", realm.admin().toRepresentation().getAttributes().get(CODE_LENGTH), "stored where realm imports carry it");

        String byApi = TestUsers.newEmailUser(realm);
        int seen = Mailbox.messagesTo(mail, byApi).length;
        Answer sign = api.sign(byApi);
        assertEquals(200, sign.status(), sign.toString());
        String apiCode = Mailbox.codeSentTo(mail, byApi, seen);
        assertTrue(apiCode.matches("[0-9]{8}"), "the API mails 8 digits: " + apiCode.length());
        Answer verify = api.verify(byApi, apiCode);
        assertEquals(200, verify.status(), verify.toString());

        OtpLoginPages pages = BrowserLogin.fresh(browser, realm, oauth);
        String byBrowser = TestUsers.newEmailUser(realm);
        oauth.openLoginForm();
        seen = Mailbox.messagesTo(mail, byBrowser).length;
        pages.sendCodeTo(byBrowser);
        pages.waitForPage(OtpLoginPages.CODE_PAGE);
        String browserCode = Mailbox.codeSentTo(mail, byBrowser, seen);
        assertTrue(browserCode.matches("[0-9]{8}"), "the browser step mails 8 digits: " + browserCode.length());
        pages.enterCode(browserCode);
        pages.waitForRedirectTo(oauth.config().getRedirectUri());
        assertNotNull(oauth.parseLoginResponse().getCode(), browser.getCurrentUrl());

        HttpResponse<String> unset = settings("PUT", adminToken(), "{\"" + CODE_LENGTH + "\": null}");
        assertEquals(200, unset.statusCode(), unset.body());
        assertTrue(setting(ApiClient.parse(unset.body()), CODE_LENGTH).path("isDefault").asBoolean());
        assertNull(realm.admin().toRepresentation().getAttributes().get(CODE_LENGTH));
    }

    @Test
    void aBadValueRefusesTheWholeChangeAndNothingIsStored() {
        HttpResponse<String> put = settings("PUT", adminToken(),
                "{\"" + CODE_LENGTH + "\": 8, \"trader4.otp.maxAttempts\": 100, \"trader4.qr.ttlSeconds\": \"two minutes\"}");
        assertEquals(400, put.statusCode(), put.body());
        JsonNode error = ApiClient.parse(put.body());
        assertEquals("invalid_setting", error.path("error").asText());
        assertEquals("trader4.otp.maxAttempts", error.path("field").asText());
        assertTrue(error.path("errorMessage").asText().contains("from 1 to 10"), put.body());
        assertEquals(2, error.path("errors").size(), put.body());

        Map<String, String> attributes = realm.admin().toRepresentation().getAttributes();
        assertNull(attributes.get(CODE_LENGTH), "the valid value of a refused change is not stored either");
        assertNull(attributes.get("trader4.otp.maxAttempts"));
        assertNull(attributes.get("trader4.qr.ttlSeconds"));

        HttpResponse<String> unknown = settings("PUT", adminToken(), "{\"trader4.otp.codeLenght\": 8}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertEquals("trader4.otp.codeLenght", ApiClient.parse(unknown.body()).path("field").asText());

        HttpResponse<String> broken = settings("PUT", adminToken(), "{\"" + CODE_LENGTH + "\": ");
        assertEquals(400, broken.statusCode(), broken.body());
        assertEquals("invalid_request", ApiClient.parse(broken.body()).path("error").asText());
    }

    @Test
    void aSecretIsTakenButNeverAnswered() throws IOException {
        String token = "realm-token-" + UUID.randomUUID();
        String sid = "AC" + "0123456789abcdef".repeat(2);
        RealmRepresentation events = realm.admin().toRepresentation();
        events.setAdminEventsEnabled(true);
        events.setAdminEventsDetailsEnabled(true);
        realm.admin().update(events);
        try {
            HttpResponse<String> put = settings("PUT", adminToken(), "{\"trader4.twilio.authToken\": \"" + token + "\"}");
            assertEquals(400, put.statusCode(), "a token without its account is no complete set: " + put.body());
            assertFalse(put.body().contains(token), "the refusal does not echo the secret");
            assertNull(realm.admin().toRepresentation().getAttributes().get("trader4.twilio.authToken"));

            put = settings("PUT", adminToken(), "{\"trader4.twilio.accountSid\": \"" + sid + "\", "
                    + "\"trader4.twilio.authToken\": \"${vault.realm_twilio_token}\"}");
            assertEquals(200, put.statusCode(), "a vault reference is taken: " + put.body());
            assertFalse(put.body().contains("realm_twilio_token"), "the answer shows no vault reference either: " + put.body());

            put = settings("PUT", adminToken(), "{\"trader4.twilio.accountSid\": \"" + sid + "\", "
                    + "\"trader4.twilio.authToken\": \"" + token + "\"}");
            assertEquals(200, put.statusCode(), put.body());
            assertFalse(put.body().contains(token), "the answer to the change holds no secret");
            assertNull(realm.admin().toRepresentation().getAttributes().get("trader4.twilio.authToken"),
                    "no realm attribute, which anyone who may view the realm reads");
            List<ComponentRepresentation> stores = realm.admin().components().query(realmId(), SECRET_STORE);
            assertEquals(1, stores.size(), "the realm's secret store");
            assertEquals(List.of(ComponentRepresentation.SECRET_VALUE), stores.get(0).getConfig().get("trader4.twilio.authToken"),
                    "Keycloak masks the stored secret: " + stores.get(0).getConfig());
            String exported = JsonSerialization.writeValueAsString(realm.admin().partialExport(true, true));
            assertFalse(exported.contains(token), "a partial export holds no secret");
            HttpResponse<String> get = settings("GET", adminToken(), null);
            assertFalse(get.body().contains(token), "GET holds no secret");
            JsonNode shown = setting(ApiClient.parse(get.body()), "trader4.twilio.authToken");
            assertTrue(shown.path("set").asBoolean(), get.body());
            assertTrue(shown.path("value").isMissingNode(), get.body());

            AdminEventRepresentation recorded = realm.admin().getAdminEvents().stream()
                    .filter(event -> event.getResourcePath() != null && event.getResourcePath().endsWith("trader4/settings")
                            && event.getRepresentation() != null && event.getRepresentation().contains("trader4.twilio.authToken"))
                    .findFirst().orElseThrow(() -> new AssertionError("no admin event of the change"));
            assertEquals("UPDATE", recorded.getOperationType());
            assertFalse(recorded.getRepresentation().contains(token), recorded.getRepresentation());
            assertTrue(recorded.getRepresentation().contains(sid), "what changed is recorded: " + recorded.getRepresentation());
        } finally {
            RealmRepresentation quiet = realm.admin().toRepresentation();
            quiet.setAdminEventsEnabled(false);
            quiet.setAdminEventsDetailsEnabled(false);
            realm.admin().update(quiet);
            assertEquals(200, settings("PUT", adminToken(),
                    "{\"trader4.twilio.accountSid\": null, \"trader4.twilio.authToken\": null}").statusCode());
        }
    }

    @Test
    void aSecretLeftInARealmAttributeIsStillUsedUntilItIsWrittenAgain() {
        String sid = "AC" + "fedcba9876543210".repeat(2);
        TestUsers.setRealmAttributes(realm, Map.of("trader4.twilio.accountSid", sid, "trader4.twilio.authToken", "imported-token"));
        try {
            JsonNode shown = setting(ApiClient.parse(settings("GET", adminToken(), null).body()), "trader4.twilio.authToken");
            assertTrue(shown.path("set").asBoolean(), "a token imported as an attribute counts: " + shown);

            HttpResponse<String> put = settings("PUT", adminToken(), "{\"trader4.twilio.authToken\": \"rewritten-token\"}");
            assertEquals(200, put.statusCode(), put.body());
            assertNull(realm.admin().toRepresentation().getAttributes().get("trader4.twilio.authToken"),
                    "written again, the secret leaves the realm's attributes");
            assertTrue(setting(ApiClient.parse(put.body()), "trader4.twilio.authToken").path("set").asBoolean(), put.body());

            ComponentRepresentation sneaked = new ComponentRepresentation();
            sneaked.setName("trader4 secrets");
            sneaked.setProviderType(SECRET_STORE);
            sneaked.setProviderId("trader4-secrets");
            sneaked.setParentId(realmId());
            sneaked.setConfig(new MultivaluedHashMap<>(Map.of("trader4.otp.codeLength", List.of("4"))));
            try (Response refused = realm.admin().components().add(sneaked)) {
                assertEquals(400, refused.getStatus(), "Keycloak's components API checks the store as our resource does");
            }
        } finally {
            assertEquals(200, settings("PUT", adminToken(),
                    "{\"trader4.twilio.accountSid\": null, \"trader4.twilio.authToken\": null}").statusCode());
            TestUsers.removeRealmAttribute(realm, "trader4.twilio.authToken");
        }
        assertNull(realm.admin().toRepresentation().getAttributes().get("trader4.twilio.accountSid"));
        assertFalse(setting(ApiClient.parse(settings("GET", adminToken(), null).body()), "trader4.twilio.authToken")
                .path("set").asBoolean(), "unset, the token is gone from the store too");
    }

    @Test
    void onlyRealmAdministratorsReadOrChangeTheSettings() {
        assertEquals(401, settings("GET", null, null).statusCode());

        String nobody = TestUsers.newEmailUser(realm);
        String nobodyToken = passwordToken(nobody);
        assertEquals(403, settings("GET", nobodyToken, null).statusCode());
        assertEquals(403, settings("PUT", nobodyToken, "{\"" + CODE_LENGTH + "\": 8}").statusCode());

        String viewer = TestUsers.newEmailUser(realm);
        String realmManagement = realm.admin().clients().findByClientId("realm-management").get(0).getId();
        RoleRepresentation viewRealm = realm.admin().clients().get(realmManagement).roles().get("view-realm").toRepresentation();
        realm.admin().users().get(TestUsers.byEmail(realm, viewer).getId()).roles().clientLevel(realmManagement)
                .add(List.of(viewRealm));
        String viewerToken = passwordToken(viewer);
        assertEquals(200, settings("GET", viewerToken, null).statusCode(), "view-realm reads");
        assertEquals(403, settings("PUT", viewerToken, "{\"" + CODE_LENGTH + "\": 8}").statusCode(), "only manage-realm changes");
        assertNull(realm.admin().toRepresentation().getAttributes().get(CODE_LENGTH));
    }

    private String passwordToken(String email) {
        String password = "pw-" + UUID.randomUUID();
        TestUsers.setPassword(realm, email, password);
        String clientId = "settings-reader-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.newDirectGrantClient(realm, clientId);
        return TestUsers.passwordGrant(realm, clientId, email, password);
    }

    private String realmId() {
        return realm.admin().toRepresentation().getId();
    }

    private String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    private static JsonNode setting(JsonNode view, String name) {
        for (JsonNode group : view.path("groups")) {
            for (JsonNode setting : group.path("settings")) {
                if (name.equals(setting.path("name").asText())) {
                    return setting;
                }
            }
        }
        throw new AssertionError(name + " not shown: " + view);
    }

    private HttpResponse<String> settings(String method, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                realm.getBaseUrl().replace("/realms/", "/admin/realms/") + "/trader4/settings")).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
