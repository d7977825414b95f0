package net.trader4.keycloak.rest;

import java.io.InputStream;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import net.trader4.keycloak.rest.api.ApiError;
import net.trader4.keycloak.rest.api.Envelope;
import net.trader4.keycloak.rest.api.ProfileView;
import net.trader4.keycloak.rest.api.RequestFields;
import net.trader4.keycloak.rest.api.RestError;
import net.trader4.keycloak.rest.api.results.Profile;
import net.trader4.keycloak.rest.google.AppChallenge;
import net.trader4.keycloak.rest.google.GoogleSignIn;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /v1/oauth/google}: start a Google sign-in, Google's return to the callback, and the
 * app's exchange of the one-time code it got for the result.
 */
@Produces(MediaType.APPLICATION_JSON)
public class GoogleSignInResource {

    /** The methods the Google paths take; HEAD follows GET, OPTIONS is the framework's. */
    private static final Set<String> START_AND_CALLBACK = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> TOKEN = Set.of("POST", "OPTIONS");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiCalls calls;

    GoogleSignInResource(KeycloakSession session, RealmModel realm, ApiCalls calls) {
        this.session = session;
        this.realm = realm;
        this.calls = calls;
    }

    @GET
    public Response start(@QueryParam("redirect_uri") String redirectUri, @QueryParam("state") String state,
                          @QueryParam("code_challenge") String codeChallenge,
                          @QueryParam("code_challenge_method") String codeChallengeMethod) {
        return calls.answer(() -> googleSignIn().start(redirectUri, state, AppChallenge.parse(codeChallenge, codeChallengeMethod)));
    }

    @GET
    @Path("callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error) {
        return calls.answer(() -> {
            GoogleSignIn google = googleSignIn();
            GoogleSignIn.Outcome outcome = google.callback(code, state, error);
            if (outcome.error() != null) {
                if (outcome.answersInEnvelope()) {
                    throw new ApiError(RestError.LOGIN_CANCELLED, "The Google sign-in was cancelled or refused (" + outcome.error() + ").");
                }
                return toApp(outcome, OAuth2Constants.ERROR, "access_denied");
            }
            Profile profile = ProfileView.signedIn(outcome.user(), outcome.tokens());
            if (outcome.answersInEnvelope()) {
                return Envelope.ok(SignInCompletion.SIGNED_IN, profile);
            }
            return toApp(outcome, OAuth2Constants.CODE, google.handOff(outcome, profile));
        });
    }

    @POST
    @Path("token")
    public Response token(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return calls.answer(() -> {
            RequestFields fields = RequestFields.read(contentType, body, calls.formFields());
            return Envelope.ok(SignInCompletion.SIGNED_IN,
                    googleSignIn().redeemHandOff(fields.required("code"), fields.optional("code_verifier")));
        });
    }

    private GoogleSignIn googleSignIn() throws ApiError {
        return new GoogleSignIn(session, realm, calls.apiClient(), calls.publicBaseUrl());
    }

    /** Back to the app's registered redirect URI with one parameter and its state; never tokens. */
    private static Response toApp(GoogleSignIn.Outcome outcome, String name, String value) {
        UriBuilder target = UriBuilder.fromUri(outcome.appRedirect()).queryParam(name, value);
        if (!outcome.appState().isEmpty()) {
            target.queryParam(OAuth2Constants.STATE, outcome.appState());
        }
        return Response.seeOther(target.build()).header("Cache-Control", "no-store").build();
    }

    /** Whether a Google path takes this method. */
    static boolean takes(String method, String requestPath) {
        return (isToken(requestPath) ? TOKEN : START_AND_CALLBACK).contains(method);
    }

    /** The {@code Allow} of a Google path, for a method it does not take. */
    static String allowedOn(String requestPath) {
        return isToken(requestPath) ? "POST" : "GET";
    }

    private static boolean isToken(String requestPath) {
        return requestPath.endsWith("/google/token") || requestPath.endsWith("/google/token/");
    }
}
