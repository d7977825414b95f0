package net.trader4.keycloak.qr.request;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ws.rs.core.HttpHeaders;
import net.trader4.keycloak.common.account.InMemoryUser;
import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.common.limit.InMemorySingleUseObjects;
import net.trader4.keycloak.qr.config.QrConfig;
import net.trader4.keycloak.qr.config.QrConfigProperties;
import org.keycloak.common.ClientConnection;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A realm for {@link QrLoginService}, without a server: realm attributes in a map, Keycloak's
 * single-use object store in memory, the API client, and the request of whoever calls now
 * ({@link #callFrom}). Events are recorded by a mock of {@link QrEvents} ({@link #events}) instead of
 * Keycloak's event machinery.
 *
 * <p>The clock ({@link Time}) starts each test a few seconds into a fresh hour, so that the
 * hourly window of the create limit never rolls over while a test runs; {@link #advance} moves it on.
 */
final class QrLoginFixture {

    static final String REQUESTER_IP = "203.0.113.7";
    static final String REQUESTER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";

    final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    final ClientModel apiClient = mock(ClientModel.class);
    final QrEvents events = mock(QrEvents.class);
    /** What the service counted; the waiting checks are this node's, as on a server. */
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final QrMetrics metrics = new QrMetrics(meters, LongPollSeats.ofThisNode());

    private final Map<String, String> realmAttributes = new HashMap<>();
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);
    private String callerIp = REQUESTER_IP;
    private int users;

    QrLoginFixture() {
        startInAFreshHour();
        when(realm.getId()).thenReturn("realm-id");
        when(realm.getName()).thenReturn("trader4");
        when(realm.getAttributes()).thenReturn(realmAttributes);
        when(realm.getAttribute(anyString())).thenAnswer(call -> realmAttributes.get(call.<String>getArgument(0)));
        when(apiClient.getClientId()).thenReturn("trader4-api");
        when(session.singleUseObjects()).thenReturn(store);

        KeycloakContext context = mock(KeycloakContext.class);
        ClientConnection connection = mock(ClientConnection.class);
        when(connection.getRemoteAddr()).thenAnswer(call -> callerIp);
        when(context.getConnection()).thenReturn(connection);
        HttpHeaders headers = mock(HttpHeaders.class);
        when(headers.getHeaderString(HttpHeaders.USER_AGENT)).thenReturn(REQUESTER_AGENT);
        when(context.getRequestHeaders()).thenReturn(headers);
        when(session.getContext()).thenReturn(context);
    }

    /** Sets the realm attribute {@code trader4.qr.<name>}. */
    QrLoginFixture setting(String name, Object value) {
        realmAttributes.put(QrConfigProperties.PREFIX + name, String.valueOf(value));
        return this;
    }

    /** The service as a request would build it, with the realm's settings as they are now. */
    QrLoginService service() {
        return new QrLoginService(session, realm, QrConfig.forRealm(realm), events, metrics);
    }

    /** How often a step of the QR logins counted the outcome. */
    double counted(String step, String origin, String outcome) {
        Counter counter = meters.find(QrMetrics.REQUESTS).tags("realm", "trader4", "step", step, "origin", origin, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Requests from now on come from this address. */
    QrLoginFixture callFrom(String ip) {
        this.callerIp = ip;
        return this;
    }

    /** An account signed in on a phone. */
    InMemoryUser phoneUser() {
        users++;
        InMemoryUser user = new InMemoryUser(session, realm, "user-" + users, "phone-user-" + users);
        user.setEnabled(true);
        return user;
    }

    /** The phone's sign-in session; {@code provedSecondFactor} as when it passed an authenticator app. */
    UserSessionModel phoneSession(boolean provedSecondFactor) {
        UserSessionModel phoneSession = mock(UserSessionModel.class);
        when(phoneSession.getId()).thenReturn("phone-session");
        if (provedSecondFactor) {
            when(phoneSession.getNote(SecondFactor.SESSION_NOTE)).thenReturn("otp");
        }
        return phoneSession;
    }

    /** Moves the clock on. */
    void advance(int seconds) {
        Time.setOffset(Time.getOffset() + seconds);
    }

    private static void startInAFreshHour() {
        Time.setOffset(0);
        Time.setOffset((int) (3600 - Time.currentTime() % 3600) + 5);
    }
}
