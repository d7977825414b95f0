package net.trader4.keycloak.testsupport;

import java.time.Duration;

/**
 * How long a test waits for a state it expects (a page, a mail, a redirect). Waits end as soon as
 * the state arrives; this bound is only the safety net, generous enough for a loaded 2-core machine.
 */
public final class Waits {

    public static final Duration BOUND = Duration.ofSeconds(60);

    private Waits() {
    }
}
