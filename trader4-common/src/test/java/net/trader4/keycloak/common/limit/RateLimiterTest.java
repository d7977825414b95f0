package net.trader4.keycloak.common.limit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    private final RateLimiter limiter = new RateLimiter(new InMemorySingleUseObjects());

    @AfterEach
    void resetClock() {
        Time.setOffset(0);
    }

    @Test
    void windowAllowsTheLimitThenSaysHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("b", 3, 3600));
        }
        long wait = limiter.acquire("b", 3, 3600);
        assertTrue(wait >= 1 && wait <= 3600, "wait " + wait);
        assertEquals(wait, limiter.exhaustedFor("b", 3, 3600), 1);
    }

    @Test
    void nextWindowStartsAfresh() {
        for (int i = 0; i < 2; i++) {
            limiter.acquire("b", 2, 60);
        }
        assertTrue(limiter.acquire("b", 2, 60) > 0);
        Time.setOffset(61);
        assertEquals(0, limiter.exhaustedFor("b", 2, 60));
        assertEquals(0, limiter.acquire("b", 2, 60));
    }

    @Test
    void bucketsAreIndependent() {
        limiter.acquire("a", 1, 60);
        assertTrue(limiter.acquire("a", 1, 60) > 0);
        assertEquals(0, limiter.acquire("b", 1, 60));
    }

    @Test
    void slotsAreHandedOutOnceEvenUnderConcurrency() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> slots = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Callable<Integer> take = () -> limiter.takeSlot("attempts", 5, 300);
                slots.add(pool.submit(take));
            }
            List<Integer> taken = new ArrayList<>();
            for (Future<Integer> slot : slots) {
                int s = slot.get();
                if (s >= 0) {
                    taken.add(s);
                }
            }
            assertEquals(5, taken.size(), "exactly the limit: " + taken);
            assertEquals(5, taken.stream().distinct().count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLargeBudgetCostsLogarithmicallyManyStoreCalls() {
        AtomicInteger calls = new AtomicInteger();
        InMemorySingleUseObjects store = new InMemorySingleUseObjects() {
            @Override
            public boolean putIfAbsent(String key, long lifespan) {
                calls.incrementAndGet();
                return super.putIfAbsent(key, lifespan);
            }

            @Override
            public boolean contains(String key) {
                calls.incrementAndGet();
                return super.contains(key);
            }
        };
        RateLimiter budget = new RateLimiter(store);
        for (int i = 0; i < 999; i++) {
            assertEquals(0, budget.acquire("budget", 1000, 3600));
        }
        calls.set(0);
        assertEquals(0, budget.acquire("budget", 1000, 3600), "the last slot is still there");
        assertTrue(calls.get() <= 12, "store calls for the 1000th send: " + calls.get());
        assertTrue(budget.acquire("budget", 1000, 3600) > 0, "and then the budget is spent");
    }

    @Test
    void cooldownRunsOutAndCanBeEndedEarly() {
        assertTrue(limiter.startCooldown("c", 30));
        assertFalse(limiter.startCooldown("c", 30));
        limiter.endCooldown("c");
        assertTrue(limiter.startCooldown("c", 30));
        Time.setOffset(31);
        assertTrue(limiter.startCooldown("c", 30));
        assertTrue(limiter.startCooldown("none", 0), "a zero cooldown never blocks");
    }
}
