package net.trader4.keycloak.rest;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.common.error.SignInException;
import net.trader4.keycloak.common.settings.CommonSettings;
import net.trader4.keycloak.rest.api.ApiError;
import net.trader4.keycloak.rest.api.Envelope;
import net.trader4.keycloak.common.origin.PublicBaseUrl;
import net.trader4.keycloak.rest.api.RestError;
import net.trader4.keycloak.rest.token.TokenIssuer;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** What every resource of the API does the same way: answering in the envelope, the API client, the caller's address, form fields. */
final class ApiCalls {

    private static final Logger LOG = Logger.getLogger(ApiCalls.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    ApiCalls(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The body of an endpoint. */
    @FunctionalInterface
    interface Endpoint {
        Response handle() throws ApiError, SignInException;
    }

    /** A step of a sign-in whose refusal becomes the API's error. */
    @FunctionalInterface
    interface SignInCall<T> {
        T call() throws SignInException;
    }

    /**
     * Runs an endpoint and turns every outcome into an envelope. Refusals keep what they wrote on
     * purpose (attempt counters, error events); an unexpected fault rolls the request back so no
     * half-done state survives it.
     */
    Response answer(Endpoint endpoint) {
        try {
            return endpoint.handle();
        } catch (ApiError e) {
            return Envelope.failure(e);
        } catch (SignInException e) {
            return Envelope.failure(ApiError.from(e));
        } catch (RuntimeException e) {
            rollback();
            LOG.errorf(e, "Unexpected failure in the trader4 API of realm %s", realm.getName());
            return Envelope.failure(new ApiError(RestError.SERVER_ERROR, "The request could not be completed. Please try again."));
        }
    }

    static <T> T signInCall(SignInCall<T> call) throws ApiError {
        try {
            return call.call();
        } catch (SignInException e) {
            throw ApiError.from(e);
        }
    }

    String apiClientId() {
        return CommonSettings.apiClientId(realm);
    }

    /** The realm's public base URL of this API ({@value PublicBaseUrl#ATTRIBUTE}), when it sets a valid one. */
    Optional<PublicBaseUrl> publicBaseUrl() {
        return PublicBaseUrl.read(realm.getId(), realm.getName(), realm.getAttribute(PublicBaseUrl.ATTRIBUTE), LOG::warn);
    }

    /** The client the API issues tokens to, checked as fit for it. */
    ClientModel apiClient() throws ApiError {
        return signInCall(() -> new TokenIssuer(session, realm).apiClient(apiClientId()));
    }

    String clientIp() {
        return session.getContext().getConnection().getRemoteAddr();
    }

    Supplier<MultivaluedMap<String, String>> formFields() {
        return () -> session.getContext().getHttpRequest().getDecodedFormParameters();
    }

    private void rollback() {
        if (session.getTransactionManager().isActive()) {
            session.getTransactionManager().setRollbackOnly();
        }
    }
}
