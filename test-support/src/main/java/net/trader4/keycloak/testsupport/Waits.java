package net.trader4.keycloak.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How long a test waits for a state it expects (a page, a mail, a redirect). Waits end as soon as
 * the state arrives; this bound is only the safety net, generous enough for a loaded 2-core machine.
 */
public final class Waits {

    public static final Duration BOUND = Duration.ofSeconds(60);

    private Waits() {
    }

    /** Polls {@code state} until it holds; fails naming {@code what} once {@link #BOUND} has passed. */
    public static void until(String what, BooleanSupplier state) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!state.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + BOUND.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(100); // the poll interval, not a wait for the state
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
