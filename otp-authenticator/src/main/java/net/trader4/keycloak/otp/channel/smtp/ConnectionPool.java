package net.trader4.keycloak.otp.channel.smtp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * At most {@code maxConnections} open connections to one server, kept between uses. A use takes
 * the most recently returned idle connection or opens one; a use that fails on a kept connection
 * (the server may have dropped it meanwhile) is tried once more on a fresh one. A connection that
 * failed is closed, never kept. Once {@linkplain #retire() retired}, the pool closes what is idle
 * and every connection given back.
 *
 * @param <C> the connection
 */
final class ConnectionPool<C> {

    /** Opens a connection; called in the thread of the use that needs it. */
    @FunctionalInterface
    interface Opener<C> {
        C open() throws Exception;
    }

    /** What a use does with a connection. */
    @FunctionalInterface
    interface Use<C> {
        void on(C connection) throws Exception;
    }

    /** Closes a connection quietly. */
    @FunctionalInterface
    interface Closer<C> {
        void close(C connection);
    }

    /** No connection became free within the wait. */
    static final class Exhausted extends Exception {
        Exhausted(int maxConnections) {
            super("All " + maxConnections + " connections to the mail server are busy");
        }
    }

    private record Idle<C>(C connection, long sinceNanos) {
    }

    private final Closer<C> closer;
    private final int maxConnections;
    private final long maxIdleNanos;
    private final LongSupplier nanoClock;
    private final Semaphore permits;
    private final Deque<Idle<C>> idle = new ArrayDeque<>();
    private boolean retired;

    /**
     * @param maxIdleNanos a connection idle longer is closed rather than used: mail servers drop
     *                     idle clients after a few minutes, and a send should not find out first
     * @param nanoClock    the time as {@link System#nanoTime()} gives it
     */
    ConnectionPool(Closer<C> closer, int maxConnections, long maxIdleNanos, LongSupplier nanoClock) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
        this.closer = closer;
        this.maxConnections = maxConnections;
        this.maxIdleNanos = maxIdleNanos;
        this.nanoClock = nanoClock;
        this.permits = new Semaphore(maxConnections, true);
    }

    /**
     * Runs {@code use} on a kept connection or a fresh one.
     *
     * @param waitMillis     how long to wait for a connection when all are in use
     * @param worthAnotherTry whether a failure on a kept connection may be the connection's fault
     *                       (a refused recipient is not)
     * @throws Exhausted when no connection became free within {@code waitMillis}
     */
    void use(Opener<C> opener, Use<C> use, Predicate<Exception> worthAnotherTry, long waitMillis) throws Exception {
        if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
            throw new Exhausted(maxConnections);
        }
        try {
            C kept = takeIdle();
            if (kept != null) {
                try {
                    use.on(kept);
                    giveBack(kept);
                    return;
                } catch (Exception e) {
                    closer.close(kept);
                    if (!worthAnotherTry.test(e)) {
                        throw e;
                    }
                }
            }
            C fresh = opener.open();
            try {
                use.on(fresh);
            } catch (Exception e) {
                closer.close(fresh);
                throw e;
            }
            giveBack(fresh);
        } finally {
            permits.release();
        }
    }

    /** Closes what is idle now and every connection given back from now on. */
    void retire() {
        List<Idle<C>> closing;
        synchronized (this) {
            retired = true;
            closing = new ArrayList<>(idle);
            idle.clear();
        }
        closing.forEach(i -> closer.close(i.connection()));
    }

    /** Closes the connections idle longer than allowed. */
    void closeIdleTooLong() {
        List<Idle<C>> closing = new ArrayList<>();
        synchronized (this) {
            long now = nanoClock.getAsLong();
            idle.removeIf(i -> tooLong(i, now) && closing.add(i));
        }
        closing.forEach(i -> closer.close(i.connection()));
    }

    synchronized int idleCount() {
        return idle.size();
    }

    private C takeIdle() {
        closeIdleTooLong();
        synchronized (this) {
            Idle<C> warmest = idle.pollFirst();
            return warmest == null ? null : warmest.connection();
        }
    }

    private void giveBack(C connection) {
        synchronized (this) {
            if (!retired) {
                idle.addFirst(new Idle<>(connection, nanoClock.getAsLong()));
                return;
            }
        }
        closer.close(connection);
    }

    private boolean tooLong(Idle<C> i, long now) {
        return now - i.sinceNanos() > maxIdleNanos;
    }
}
