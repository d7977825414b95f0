package net.trader4.keycloak.otp.channel.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionPoolTest {

    private static final long MAX_IDLE = TimeUnit.SECONDS.toNanos(60);
    private static final long WAIT_MILLIS = 5_000;

    /** A connection that counts what it carried and whether it was closed. */
    static final class Conn {
        final int serial;
        final List<String> sent = new ArrayList<>();
        volatile boolean closed;
        volatile boolean dead;

        Conn(int serial) {
            this.serial = serial;
        }
    }

    private final List<Conn> opened = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private ConnectionPool<Conn> pool(int max) {
        return new ConnectionPool<>(c -> c.closed = true, max, MAX_IDLE, clock::get);
    }

    private synchronized Conn open() {
        Conn conn = new Conn(opened.size());
        opened.add(conn);
        return conn;
    }

    private void send(ConnectionPool<Conn> pool, String mail) throws Exception {
        pool.use(this::open, c -> {
            if (c.dead) {
                throw new IOException("connection reset");
            }
            c.sent.add(mail);
        }, e -> true, WAIT_MILLIS);
    }

    @Test
    void oneConnectionCarriesMailAfterMail() throws Exception {
        ConnectionPool<Conn> pool = pool(4);
        send(pool, "a");
        send(pool, "b");
        send(pool, "c");

        assertEquals(1, opened.size());
        assertEquals(List.of("a", "b", "c"), opened.get(0).sent);
        assertEquals(1, pool.idleCount());
        assertTrue(!opened.get(0).closed);
    }

    @Test
    void aKeptConnectionThatDiedIsClosedAndTheMailGoesOnAFreshOne() throws Exception {
        ConnectionPool<Conn> pool = pool(4);
        send(pool, "a");
        opened.get(0).dead = true;

        send(pool, "b");

        assertEquals(2, opened.size());
        assertTrue(opened.get(0).closed, "the dead one is closed");
        assertEquals(List.of("b"), opened.get(1).sent);
        assertEquals(1, pool.idleCount(), "only the fresh one is kept");
        send(pool, "c");
        assertEquals(List.of("b", "c"), opened.get(1).sent);
        assertEquals(2, opened.size());
    }

    @Test
    void aFreshConnectionThatFailsIsNotTriedAgain() {
        ConnectionPool<Conn> pool = pool(4);
        IOException failure = new IOException("refused");

        IOException thrown = assertThrows(IOException.class,
                () -> pool.use(this::open, c -> { throw failure; }, e -> true, WAIT_MILLIS));

        assertSame(failure, thrown);
        assertEquals(1, opened.size());
        assertTrue(opened.get(0).closed);
        assertEquals(0, pool.idleCount());
    }

    @Test
    void aFailureTheConnectionCannotHaveCausedIsNotTriedAgain() throws Exception {
        ConnectionPool<Conn> pool = pool(4);
        send(pool, "a");
        IllegalArgumentException refused = new IllegalArgumentException("550 recipient rejected");

        assertThrows(IllegalArgumentException.class, () -> pool.use(this::open, c -> { throw refused; },
                e -> !(e instanceof IllegalArgumentException), WAIT_MILLIS));

        assertEquals(1, opened.size(), "no second connection for the same refusal");
        assertTrue(opened.get(0).closed, "a connection that failed is not kept");
        assertEquals(0, pool.idleCount());
    }

    @Test
    void aConnectionThatCannotBeOpenedLeavesNothingTaken() throws Exception {
        ConnectionPool<Conn> pool = pool(1);
        assertThrows(IOException.class, () -> pool.use(() -> { throw new IOException("down"); }, c -> { }, e -> true, WAIT_MILLIS));

        send(pool, "a");

        assertEquals(List.of("a"), opened.get(0).sent, "the only permit was given back");
    }

    @Test
    void noMoreThanMaxConnectionsAtOnce() throws Exception {
        ConnectionPool<Conn> pool = pool(2);
        CountDownLatch bothInside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> busy = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            busy.add(threads.submit(() -> {
                pool.use(this::open, c -> {
                    bothInside.countDown();
                    release.await();
                }, e -> true, WAIT_MILLIS);
                return null;
            }));
        }
        assertTrue(bothInside.await(10, TimeUnit.SECONDS));

        assertThrows(ConnectionPool.Exhausted.class, () -> pool.use(this::open, c -> { }, e -> true, 50));
        assertEquals(2, opened.size());

        release.countDown();
        for (Future<?> f : busy) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertEquals(2, pool.idleCount());
        send(pool, "a");
        assertEquals(2, opened.size(), "a kept one is used");
    }

    @Test
    void aConnectionIdleTooLongIsClosedRatherThanUsed() throws Exception {
        ConnectionPool<Conn> pool = pool(4);
        send(pool, "a");
        clock.addAndGet(MAX_IDLE + 1);

        send(pool, "b");

        assertEquals(2, opened.size());
        assertTrue(opened.get(0).closed);
        assertEquals(List.of("a"), opened.get(0).sent);
        assertEquals(List.of("b"), opened.get(1).sent);
    }

    @Test
    void closingIdleTooLongLeavesRecentOnes() throws Exception {
        ConnectionPool<Conn> pool = pool(4);
        send(pool, "a");
        clock.addAndGet(MAX_IDLE);

        pool.closeIdleTooLong();
        assertEquals(1, pool.idleCount());
        clock.addAndGet(1);
        pool.closeIdleTooLong();

        assertEquals(0, pool.idleCount());
        assertTrue(opened.get(0).closed);
    }

    @Test
    void retiringClosesIdleAndInUseConnectionsWhenGivenBack() throws Exception {
        ConnectionPool<Conn> pool = pool(4);
        send(pool, "a");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> inUse = threads.submit(() -> {
            pool.use(this::open, c -> {
                inside.countDown();
                release.await();
            }, e -> true, WAIT_MILLIS);
            return null;
        });
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        Conn busy = opened.get(0);

        pool.retire();
        assertEquals(0, pool.idleCount());
        assertTrue(!busy.closed, "a connection in use is not pulled away");
        release.countDown();
        inUse.get(10, TimeUnit.SECONDS);

        assertTrue(busy.closed, "closed when given back");
        assertEquals(0, pool.idleCount());
    }
}
