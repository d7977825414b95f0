package net.trader4.keycloak.rest;

import jakarta.ws.rs.WebApplicationException;
import net.trader4.keycloak.rest.api.Envelope;

/**
 * The 405 envelope for a method a path does not take, thrown from a sub-resource locator. A
 * locator has no HTTP method, so Keycloak reads no body before it runs; a PUT, PATCH or POST
 * resource method would have its form body parsed first, and a broken one answered with a 500,
 * before it could refuse the method. An exception that carries its answer is sent as it is
 * (Jakarta REST 3.3.4): no exception mapper turns it into another shape.
 */
final class MethodNotAllowed extends WebApplicationException {

    MethodNotAllowed(String allowed) {
        super(Envelope.methodNotAllowed(allowed));
    }
}
