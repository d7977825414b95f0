package net.trader4.keycloak.common.account;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.keycloak.common.ClientConnection;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakUriInfo;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

class WrongCodeReportTest {

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final UserModel user = mock(UserModel.class);
    private final BruteForceProtector protector = mock(BruteForceProtector.class);
    private final ClientConnection connection = mock(ClientConnection.class);
    private final KeycloakUriInfo uri = mock(KeycloakUriInfo.class);

    WrongCodeReportTest() {
        KeycloakContext context = mock(KeycloakContext.class);
        when(session.getContext()).thenReturn(context);
        when(context.getConnection()).thenReturn(connection);
        when(context.getUri()).thenReturn(uri);
        when(session.getProvider(BruteForceProtector.class)).thenReturn(protector);
    }

    @Test
    void onTheKeycloakItIsBuiltForAWrongCodeCountsAsAOneTimeCodeFailure() {
        when(realm.isBruteForceProtected()).thenReturn(true);
        assertTrue(WrongCodeReport.countsByCategory());

        WrongCodeReport.record(session, realm, user);

        verify(protector).failedLogin(realm, user, connection, uri, Set.of("otp"));
    }

    @Test
    void aRealmWithoutBruteForceDetectionIsNotAsked() {
        when(realm.isBruteForceProtected()).thenReturn(false);

        WrongCodeReport.record(session, realm, user);

        verify(protector, never()).failedLogin(any(), any(), any(), any(), any());
    }
}
