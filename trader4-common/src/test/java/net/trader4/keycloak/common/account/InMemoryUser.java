package net.trader4.keycloak.common.account;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.storage.adapter.AbstractInMemoryUserAdapter;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * An account for unit tests: Keycloak's own in-memory user (attributes, email, enabled, required
 * actions behave as on a stored user), with credentials that only say which kinds are enrolled.
 * New accounts are disabled until {@link #setEnabled} says otherwise, as Keycloak's are.
 */
public class InMemoryUser extends AbstractInMemoryUserAdapter {

    private final SubjectCredentialManager credentials = mock(SubjectCredentialManager.class);

    public InMemoryUser(KeycloakSession session, RealmModel realm, String id, String username) {
        super(session, realm, id);
        setUsername(username);
    }

    /** Enrols a credential of this type, e.g. {@code OTPCredentialModel.TYPE} for an authenticator app. */
    public InMemoryUser withCredential(String type) {
        when(credentials.isConfiguredFor(type)).thenReturn(true);
        return this;
    }

    @Override
    public SubjectCredentialManager credentialManager() {
        return credentials;
    }
}
