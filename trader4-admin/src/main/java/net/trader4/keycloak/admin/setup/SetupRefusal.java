package net.trader4.keycloak.admin.setup;

import jakarta.ws.rs.core.Response;

/** Setup cannot go ahead: the realm or the request holds something it must not overwrite or guess. */
final class SetupRefusal extends RuntimeException {

    private final Response.Status status;

    SetupRefusal(Response.Status status, String message) {
        super(message);
        this.status = status;
    }

    static SetupRefusal badRequest(String message) {
        return new SetupRefusal(Response.Status.BAD_REQUEST, message);
    }

    static SetupRefusal conflict(String message) {
        return new SetupRefusal(Response.Status.CONFLICT, message);
    }

    Response.Status status() {
        return status;
    }
}
