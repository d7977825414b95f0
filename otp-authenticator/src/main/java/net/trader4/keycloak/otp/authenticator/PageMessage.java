package net.trader4.keycloak.otp.authenticator;

/**
 * A message for the login page: a key of the theme's messages, its parameters, and the form field
 * it belongs to ({@code null} for a page-wide alert).
 */
record PageMessage(String key, String field, Object... parameters) {
}
