package net.trader4.keycloak.common.error;

/**
 * A stable, machine-readable reason a sign-in step was refused, with the HTTP status the API
 * answers it with. Clients may branch on {@link #code()}; a code never changes meaning.
 */
public interface ErrorCode {

    String code();

    int status();
}
