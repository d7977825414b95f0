package net.trader4.keycloak.qr.request;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import net.trader4.keycloak.common.limit.InMemorySingleUseObjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QrLoginStoreTest {

    private final InMemorySingleUseObjects objects = new InMemorySingleUseObjects();
    private final QrLoginStore store = new QrLoginStore(objects, "realm-1");

    @AfterEach
    void resetClock() {
        Time.setOffset(0);
    }

    private QrLoginRequest saved(long ttlMillis) {
        long now = Time.currentTimeMillis();
        QrLoginRequest request = new QrLoginRequest(QrSecrets.newToken(), QrSecrets.hash("s"), QrOrigin.API, "trader4-api",
                "10.0.0.1", "curl/8", null, now, now + ttlMillis);
        store.save(request, now);
        return request;
    }

    private QrState state(QrLoginRequest request) {
        return store.state(store.find(request.token()), Time.currentTimeMillis());
    }

    @Test
    void pendingThenApprovedThenClaimedOnce() {
        QrLoginRequest request = saved(120_000);
        assertEquals(QrState.PENDING, state(request));
        assertTrue(store.decide(request, new QrDecision(true, "user-1", Time.currentTimeMillis()), Time.currentTimeMillis()));
        assertEquals(QrState.APPROVED, state(request));
        QrDecision claimed = store.claim(request, Time.currentTimeMillis());
        assertNotNull(claimed);
        assertEquals("user-1", claimed.userId());
        assertEquals(QrState.CLAIMED, state(request));
        assertNull(store.claim(request, Time.currentTimeMillis()), "an approval is collected once");
    }

    @Test
    void firstDecisionWins() {
        QrLoginRequest request = saved(120_000);
        assertTrue(store.decide(request, new QrDecision(false, "user-1", 1), Time.currentTimeMillis()));
        assertFalse(store.decide(request, new QrDecision(true, "user-2", 2), Time.currentTimeMillis()));
        assertEquals(QrState.DENIED, state(request));
        assertFalse(store.decision(request).approved());
    }

    @Test
    void unknownTokenIsUnknown() {
        assertNull(store.find(QrSecrets.newToken()));
        assertEquals(QrState.UNKNOWN, store.state(null, Time.currentTimeMillis()));
    }

    @Test
    void ownExpiryIsCheckedOnEveryRead() {
        QrLoginRequest request = saved(10_000);
        Time.setOffset(11);
        assertNotNull(store.find(request.token()), "the entry outlives the request, so the answer is 'expired'");
        assertEquals(QrState.EXPIRED, state(request));
    }

    @Test
    void anApprovalCanBeCollectedShortlyAfterExpiryOnly() {
        QrLoginRequest request = saved(10_000);
        store.decide(request, new QrDecision(true, "user-1", Time.currentTimeMillis()), Time.currentTimeMillis());
        Time.setOffset(15);
        assertEquals(QrState.APPROVED, state(request));
        Time.setOffset(10 + 31);
        assertEquals(QrState.EXPIRED, state(request));
    }

    @Test
    void ofConcurrentClaimsExactlyOneWins() throws Exception {
        QrLoginRequest request = saved(120_000);
        store.decide(request, new QrDecision(true, "user-1", 1), Time.currentTimeMillis());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<QrDecision>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Callable<QrDecision> claim = () -> {
                    start.await();
                    return store.claim(request, Time.currentTimeMillis());
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<QrDecision> claim : claims) {
                if (claim.get() != null) {
                    won++;
                }
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ofConcurrentDecisionsExactlyOneWins() throws Exception {
        QrLoginRequest request = saved(120_000);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> decisions = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                boolean approve = i % 2 == 0;
                String user = "user-" + i;
                decisions.add(pool.submit(() -> {
                    start.await();
                    return store.decide(request, new QrDecision(approve, user, 1), Time.currentTimeMillis());
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> decision : decisions) {
                if (decision.get()) {
                    won++;
                }
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }
}
