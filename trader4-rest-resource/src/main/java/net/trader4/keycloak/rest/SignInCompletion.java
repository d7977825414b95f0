package net.trader4.keycloak.rest;

import java.util.Map;

import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.rest.api.ApiError;
import net.trader4.keycloak.rest.api.Envelope;
import net.trader4.keycloak.rest.api.ProfileView;
import net.trader4.keycloak.rest.token.TokenIssuer;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessTokenResponse;

/**
 * How every sign-in through the API ends once its proof is accepted: a new session and its
 * tokens, the LOGIN event recorded as a success only after them, and the profile.
 */
final class SignInCompletion {

    static final String SIGNED_IN = "User logged in successfully";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiCalls calls;

    SignInCompletion(KeycloakSession session, RealmModel realm, ApiCalls calls) {
        this.session = session;
        this.realm = realm;
        this.calls = calls;
    }

    Response complete(ClientModel client, UserModel user, EventBuilder event, Map<String, String> sessionNotes) throws ApiError {
        AccessTokenResponse tokens = ApiCalls.signInCall(
                () -> new TokenIssuer(session, realm).issue(client, user, calls.clientIp(), event, sessionNotes));
        var profile = ProfileView.signedIn(user, tokens);
        event.success();
        return Envelope.ok(SIGNED_IN, profile);
    }
}
