package net.trader4.keycloak.qr.request;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.trader4.keycloak.common.account.InMemoryUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the QR login engine counts on {@code /metrics}. */
class QrMetricsTest {

    private final QrLoginFixture realm = new QrLoginFixture();

    @AfterEach
    void resetClock() {
        Time.setOffset(0);
    }

    @Test
    void eachStepOfALoginIsCountedWithItsOutcome() throws QrException {
        QrCreated created = realm.service().create(QrOrigin.API, realm.apiClient, null);
        QrLoginRequest request = created.request();
        assertEquals(QrState.PENDING, realm.service().await(request, 0));

        InMemoryUser phoneUser = realm.phoneUser();
        realm.service().decide(request, phoneUser, realm.phoneSession(false), true);
        assertThrows(QrException.class, () -> realm.service().decide(request, phoneUser, realm.phoneSession(false), false));
        assertEquals(QrState.APPROVED, realm.service().await(request, 0));
        realm.service().claim(request);
        assertThrows(QrException.class, () -> realm.service().claim(request));

        assertEquals(1, realm.counted("create", "api", "created"));
        assertEquals(1, realm.counted("check", "api", "pending"));
        assertEquals(1, realm.counted("authorize", "api", "approved"));
        assertEquals(1, realm.counted("authorize", "api", "already_decided"));
        assertEquals(1, realm.counted("check", "api", "approved"));
        assertEquals(1, realm.counted("collect", "api", "collected"));
        assertEquals(0, realm.counted("collect", "api", "already_claimed"),
                "a login no longer approved is the check's answer, not a collect");
    }

    @Test
    void refusedCreateIsCountedAsRateLimited() throws QrException {
        realm.setting("createsPerIpPerHour", 1);
        realm.service().create(QrOrigin.API, realm.apiClient, null);

        assertThrows(QrException.class, () -> realm.service().create(QrOrigin.API, realm.apiClient, null));

        assertEquals(1, realm.counted("create", "api", "created"));
        assertEquals(1, realm.counted("create", "api", "rate_limited"));
    }

    @Test
    void waitingChecksAreGaugedAsTheyTakeAndFreeSeats() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LongPollSeats seats = new LongPollSeats(3);
        new QrMetrics(registry, seats);
        Gauge open = registry.find(QrMetrics.LONG_POLLS_OPEN).gauge();

        LongPollSeats.Seat one = seats.take("token-1", "203.0.113.7", 2);
        LongPollSeats.Seat two = seats.take("token-2", "203.0.113.7", 2);
        assertEquals(2, open.value());
        one.close();
        assertEquals(1, open.value());
        two.close();
        assertEquals(0, open.value());
    }
}
