package net.trader4.keycloak.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-time-code grant at Keycloak's token endpoint, driven by a standard OAuth library
 * (Nimbus OAuth 2.0 SDK) as an app would: {@code /sign} mails a code, the library sends
 * {@code grant_type=urn:trader4:params:oauth:grant-type:otp} with {@code id} and {@code code}, and
 * the tokens are the calling client's. Every other test is an attack that must be refused.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class OtpGrantIT {

    static final String GRANT_ENABLED = "trader4.otp.grantEnabled";
    private static final String PUBLIC_APP = "otp-grant-app";
    private static final String SERVER_APP = "otp-grant-server";
    private static final String SERVER_SECRET = "otp-grant-server-secret";
    private static final String DPOP_APP = "otp-grant-dpop";
    private static final String NOT_ALLOWED_APP = "otp-grant-not-allowed";

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    ApiClient api;
    URI tokenEndpoint;
    URI userinfoEndpoint;

    /**
     * The grant's request: Nimbus sends the parameters a grant names, as it does for its own grants.
     * It leaves a {@link TokenRequest}'s scope out for grant types it does not know, so the scope
     * travels with the grant.
     */
    static final class OtpGrant extends AuthorizationGrant {

        static final GrantType OTP = new GrantType("urn:trader4:params:oauth:grant-type:otp");

        private final String id;
        private final String code;
        private final Scope scope;

        OtpGrant(String id, String code, Scope scope) {
            super(OTP);
            this.id = id;
            this.code = code;
            this.scope = scope;
        }

        @Override
        public Map<String, List<String>> toParameters() {
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            parameters.put("grant_type", List.of(OTP.getValue()));
            parameters.put("id", List.of(id));
            parameters.put("code", List.of(code));
            if (scope != null) {
                parameters.put("scope", List.of(scope.toString()));
            }
            return parameters;
        }
    }

    @BeforeEach
    void clientsAndEndpoints() {
        api = new ApiClient(realm.getBaseUrl());
        tokenEndpoint = URI.create(realm.getBaseUrl() + "/protocol/openid-connect/token");
        userinfoEndpoint = URI.create(realm.getBaseUrl() + "/protocol/openid-connect/userinfo");
        TestUsers.liftPerIpCaps(realm);
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.resendCooldownSeconds", "0"));
        ensureClient(PUBLIC_APP, true, null, Map.of(GRANT_ENABLED, "true"));
        ensureClient(SERVER_APP, false, SERVER_SECRET, Map.of(GRANT_ENABLED, "true"));
        ensureClient(DPOP_APP, true, null, Map.of(GRANT_ENABLED, "true", "dpop.bound.access.tokens", "true"));
        ensureClient(NOT_ALLOWED_APP, true, null, Map.of());
    }

    @Test
    void aStandardOAuthLibraryGetsTheCallingClientsTokensWhichUserinfoAccepts() throws Exception {
        String email = TestUsers.newEmailUser(realm);
        String code = sign(email);

        TokenResponse answer = publicGrant(PUBLIC_APP, email, code, new Scope("openid", "email"));
        assertTrue(answer.indicatesSuccess(), describe(answer));
        OIDCTokenResponse tokens = (OIDCTokenResponse) answer.toSuccessResponse();
        JsonNode claims = ApiClient.claims(tokens.getTokens().getAccessToken().getValue());
        assertEquals(PUBLIC_APP, claims.path("azp").asText(), "issued to the client that asked, not the API client");
        assertEquals(realm.getBaseUrl(), claims.path("iss").asText());
        assertTrue(claims.path("scope").asText().contains("email"), claims.toString());
        assertNotNull(tokens.getOIDCTokens().getIDToken(), "openid asked for: an ID token");
        assertEquals(PUBLIC_APP, tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getAudience().get(0));

        UserInfo userInfo = userinfo(tokens.getTokens().getAccessToken());
        assertEquals(email, userInfo.getEmailAddress());
        assertEquals(claims.path("sub").asText(), userInfo.getSubject().getValue());

        TokenResponse refreshed = TokenResponse.parse(new TokenRequest(tokenEndpoint, new ClientID(PUBLIC_APP),
                new RefreshTokenGrant(tokens.getTokens().getRefreshToken()), null).toHTTPRequest().send());
        assertTrue(refreshed.indicatesSuccess(), "Keycloak refreshes them like any others: " + describe(refreshed));
    }

    @Test
    void aConfidentialClientAuthenticatesAndAWrongSecretIsRefusedBeforeTheCodeIsChecked() throws Exception {
        String email = TestUsers.newEmailUser(realm);
        String code = sign(email);

        TokenResponse wrongSecret = confidentialGrant(new Secret("not-" + SERVER_SECRET), email, code);
        assertFalse(wrongSecret.indicatesSuccess());
        assertEquals(401, status(wrongSecret), describe(wrongSecret));
        assertTrue(Set.of("unauthorized_client", "invalid_client").contains(error(wrongSecret).getCode()),
                "Keycloak's own client authentication refused it: " + describe(wrongSecret));

        TokenResponse rightSecret = confidentialGrant(new Secret(SERVER_SECRET), email, code);
        assertTrue(rightSecret.indicatesSuccess(), "the code was not touched by the refused request: " + describe(rightSecret));
        assertEquals(SERVER_APP, azp(rightSecret));
    }

    @Test
    void aClientWithoutTheSettingIsRefusedAndTheCodeStaysUsable() throws Exception {
        String email = TestUsers.newEmailUser(realm);
        String code = sign(email);

        TokenResponse refused = publicGrant(NOT_ALLOWED_APP, email, code, null);
        assertEquals(400, status(refused), describe(refused));
        assertEquals("unauthorized_client", error(refused).getCode());
        assertTrue(error(refused).getDescription().contains(GRANT_ENABLED), describe(refused));

        TokenResponse allowed = publicGrant(PUBLIC_APP, email, code, null);
        assertTrue(allowed.indicatesSuccess(), describe(allowed));
    }

    @Test
    void wrongCodesAreInvalidGrantsAndAfterTheLastOneEvenTheRightCodeFails() throws Exception {
        // Keycloak's brute-force detection would lock the account after two quick failures and
        // hide the code's own limit, which must hold without it.
        RealmRepresentation settings = realm.admin().toRepresentation();
        settings.setBruteForceProtected(false);
        realm.admin().update(settings);
        try {
            String email = TestUsers.newEmailUser(realm);
            String code = sign(email);
            String wrong = wrongCodeFor(code);
            for (int left = 4; left >= 1; left--) {
                TokenResponse refused = publicGrant(PUBLIC_APP, email, wrong, null);
                assertEquals(400, status(refused), describe(refused));
                assertEquals("invalid_grant", error(refused).getCode());
                assertTrue(error(refused).getDescription().contains(left + (left == 1 ? " try" : " tries") + " left"),
                        describe(refused));
            }
            TokenResponse last = publicGrant(PUBLIC_APP, email, wrong, null);
            assertEquals("invalid_grant", error(last).getCode(), describe(last));
            assertTrue(error(last).getDescription().contains("Too many wrong codes"), describe(last));

            TokenResponse tooLate = publicGrant(PUBLIC_APP, email, code, null);
            assertFalse(tooLate.indicatesSuccess(), "the code is used up: " + describe(tooLate));
            assertEquals("invalid_grant", error(tooLate).getCode());
        } finally {
            settings.setBruteForceProtected(true);
            realm.admin().update(settings);
        }
    }

    @Test
    void aWrongCodeCountsForTheAccountsBruteForceLockOut() throws Exception {
        String email = TestUsers.newEmailUser(realm);
        String code = sign(email);
        TokenResponse refused = publicGrant(PUBLIC_APP, email, wrongCodeFor(code), null);
        assertEquals("invalid_grant", error(refused).getCode(), describe(refused));

        String userId = TestUsers.byEmail(realm, email).getId();
        Waits.until("the wrong code reaches Keycloak's brute-force detection (asynchronous)",
                () -> ((Number) realm.admin().attackDetection().bruteForceUserStatus(userId).get("numFailures")).intValue() >= 1);
    }

    @Test
    void aCodeSentForOneIdentifierSignsNoOtherIn() throws Exception {
        String attacker = TestUsers.newEmailUser(realm);
        String victim = TestUsers.newEmailUser(realm);
        String attackersCode = sign(attacker);

        TokenResponse nothingPending = publicGrant(PUBLIC_APP, victim, attackersCode, null);
        assertEquals("invalid_grant", error(nothingPending).getCode(), describe(nothingPending));

        String victimsCode = sign(victim);
        String notTheVictims = attackersCode.equals(victimsCode) ? wrongCodeFor(victimsCode) : attackersCode;
        TokenResponse otherCode = publicGrant(PUBLIC_APP, victim, notTheVictims, null);
        assertEquals("invalid_grant", error(otherCode).getCode(), describe(otherCode));

        TokenResponse own = publicGrant(PUBLIC_APP, attacker, attackersCode, null);
        assertTrue(own.indicatesSuccess(), describe(own));
        assertEquals(attacker, ApiClient.claims(accessToken(own).getValue()).path("email").asText(),
                "the code signs in only the identifier it was sent to");
    }

    @Test
    void aReplayedCodeIsRefused() throws Exception {
        String email = TestUsers.newEmailUser(realm);
        String code = sign(email);
        assertTrue(publicGrant(PUBLIC_APP, email, code, null).indicatesSuccess());

        TokenResponse replay = publicGrant(PUBLIC_APP, email, code, null);
        assertEquals(400, status(replay), describe(replay));
        assertEquals("invalid_grant", error(replay).getCode());
        assertTrue(error(replay).getDescription().contains("Request a new code"), describe(replay));
    }

    @Test
    void anAccountWithASecondFactorCannotSkipIt() throws Exception {
        String email = SecondFactorIT.newUserWithApp(realm);
        String code = sign(email);

        TokenResponse refused = publicGrant(PUBLIC_APP, email, code, null);
        assertEquals(400, status(refused), describe(refused));
        assertEquals("invalid_grant", error(refused).getCode());
        assertTrue(error(refused).getDescription().contains("authenticator app"), describe(refused));
    }

    @Test
    void missingParametersAreAnInvalidRequestAndConsumeNothing() throws Exception {
        String email = TestUsers.newEmailUser(realm);
        String code = sign(email);

        HTTPRequest noCode = new TokenRequest(tokenEndpoint, new ClientID(PUBLIC_APP), new OtpGrant(email, code, null), null)
                .toHTTPRequest();
        noCode.setBody("grant_type=" + OtpGrant.OTP.getValue() + "&client_id=" + PUBLIC_APP + "&id="
                + URLEncoder.encode(email, StandardCharsets.UTF_8));
        TokenResponse refused = TokenResponse.parse(noCode.send());
        assertEquals(400, status(refused), describe(refused));
        assertEquals("invalid_request", error(refused).getCode());
        assertEquals("Missing parameter: code", error(refused).getDescription());

        TokenResponse malformed = publicGrant(PUBLIC_APP, email, "12ab", null);
        assertEquals("invalid_request", error(malformed).getCode(), describe(malformed));

        assertTrue(publicGrant(PUBLIC_APP, email, code, null).indicatesSuccess(), "no try was taken");
    }

    @Test
    void aDpopClientsTokensAreBoundToItsKey() throws Exception {
        String email = TestUsers.newEmailUser(realm);
        String code = sign(email);
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        DefaultDPoPProofFactory proofs = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);

        TokenResponse withoutProof = publicGrant(DPOP_APP, email, code, null);
        assertEquals("invalid_request", error(withoutProof).getCode(), describe(withoutProof));
        assertTrue(error(withoutProof).getDescription().contains("DPoP proof"), describe(withoutProof));

        HTTPRequest request = new TokenRequest(tokenEndpoint, new ClientID(DPOP_APP), new OtpGrant(email, code, new Scope("openid")), null)
                .toHTTPRequest();
        request.setDPoP(proofs.createDPoPJWT("POST", tokenEndpoint));
        TokenResponse bound = OIDCTokenResponseParser.parse(request.send());
        assertTrue(bound.indicatesSuccess(), "the refused request left the code unused: " + describe(bound));
        DPoPAccessToken token = bound.toSuccessResponse().getTokens().getDPoPAccessToken();
        assertNotNull(token, "a DPoP token type: " + describe(bound));
        assertEquals(key.computeThumbprint().toString(), ApiClient.claims(token.getValue()).path("cnf").path("jkt").asText());

        HTTPRequest asked = new UserInfoRequest(userinfoEndpoint, token).toHTTPRequest();
        asked.setDPoP(proofs.createDPoPJWT("GET", userinfoEndpoint, token));
        UserInfoResponse userInfo = UserInfoResponse.parse(asked.send());
        assertTrue(userInfo.indicatesSuccess(), "userinfo takes it with a proof of the key");
        assertEquals(email, userInfo.toSuccessResponse().getUserInfo().getEmailAddress());
    }

    private String sign(String email) {
        int seen = Mailbox.messagesTo(mail, email).length;
        ApiClient.Answer sent = api.sign(email);
        assertEquals(200, sent.status(), sent.toString());
        return Mailbox.codeSentTo(mail, email, seen);
    }

    private TokenResponse publicGrant(String clientId, String id, String code, Scope scope) throws IOException, ParseException {
        return OIDCTokenResponseParser.parse(new TokenRequest(tokenEndpoint, new ClientID(clientId), new OtpGrant(id, code, scope), null)
                .toHTTPRequest().send());
    }

    private TokenResponse confidentialGrant(Secret secret, String id, String code) throws IOException, ParseException {
        return OIDCTokenResponseParser.parse(new TokenRequest(tokenEndpoint, new ClientSecretBasic(new ClientID(SERVER_APP), secret),
                new OtpGrant(id, code, new Scope("openid")), null).toHTTPRequest().send());
    }

    private UserInfo userinfo(AccessToken token) throws IOException, ParseException {
        HTTPResponse answer = new UserInfoRequest(userinfoEndpoint, token).toHTTPRequest().send();
        UserInfoResponse parsed = UserInfoResponse.parse(answer);
        assertTrue(parsed.indicatesSuccess(), "userinfo accepts the token: " + answer.getStatusCode() + " " + answer.getBody());
        return parsed.toSuccessResponse().getUserInfo();
    }

    private static AccessToken accessToken(TokenResponse answer) {
        Tokens tokens = answer.toSuccessResponse().getTokens();
        return tokens.getAccessToken();
    }

    private static String azp(TokenResponse answer) {
        return ApiClient.claims(accessToken(answer).getValue()).path("azp").asText();
    }

    private static ErrorObject error(TokenResponse answer) {
        assertFalse(answer.indicatesSuccess(), "expected a refusal");
        return answer.toErrorResponse().getErrorObject();
    }

    private static int status(TokenResponse answer) {
        return answer.indicatesSuccess() ? 200 : answer.toErrorResponse().getErrorObject().getHTTPStatusCode();
    }

    private static String describe(TokenResponse answer) {
        if (answer.indicatesSuccess()) {
            return "200 " + answer.toSuccessResponse().toJSONObject().keySet();
        }
        ErrorObject error = answer.toErrorResponse().getErrorObject();
        return error.getHTTPStatusCode() + " " + error.getCode() + ": " + error.getDescription();
    }

    /** A code of the same length that is not {@code code}. */
    private static String wrongCodeFor(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }

    private void ensureClient(String clientId, boolean publicClient, String secret, Map<String, String> attributes) {
        if (!realm.admin().clients().findByClientId(clientId).isEmpty()) {
            return;
        }
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setProtocol("openid-connect");
        client.setPublicClient(publicClient);
        client.setSecret(secret);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setAttributes(new LinkedHashMap<>(attributes));
        try (Response response = realm.admin().clients().create(client)) {
            assertEquals(201, response.getStatus(), response.readEntity(String.class));
        }
    }

}
