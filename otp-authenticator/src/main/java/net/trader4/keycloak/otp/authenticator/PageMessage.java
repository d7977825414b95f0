package net.trader4.keycloak.otp.authenticator;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * A message for the login page: a key of the theme's messages, its parameters, and the form field
 * it belongs to ({@code null} for a page-wide alert).
 */
public record PageMessage(String key, String field, Object... parameters) {

    /** Puts the message on the page: as a note, as a field's error, or as a page-wide error. */
    public LoginFormsProvider applyTo(LoginFormsProvider form, boolean info) {
        if (info) {
            form.setInfo(key, parameters);
        } else if (field != null) {
            form.addError(new FormMessage(field, key, parameters));
        } else {
            form.setError(key, parameters);
        }
        return form;
    }
}
