package net.trader4.keycloak.qr.request;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;

/**
 * The meters of QR logins on Keycloak's {@code /metrics}: each step's outcome, and the checks now
 * waiting on this node. Registered on Micrometer's global registry, as Keycloak's own providers do.
 */
public final class QrMetrics {

    static final String REQUESTS = "trader4.qr.requests";
    static final String LONG_POLLS_OPEN = "trader4.qr.long.polls.open";

    static final String CREATE = "create";
    static final String AUTHORIZE = "authorize";
    static final String CHECK = "check";
    static final String COLLECT = "collect";

    private static final QrMetrics GLOBAL = new QrMetrics(Metrics.globalRegistry, LongPollSeats.ofThisNode());

    private final Meter.MeterProvider<Counter> requests;

    QrMetrics(MeterRegistry registry, LongPollSeats seats) {
        requests = Counter.builder(REQUESTS)
                .description("QR login steps (create, authorize, check, collect) by outcome")
                .withRegistry(registry);
        Gauge.builder(LONG_POLLS_OPEN, seats, LongPollSeats::taken)
                .description("Checks of this node now waiting for a phone, of " + LongPollSeats.PER_NODE + " seats")
                .register(registry);
    }

    /** The meters on the global registry; the first call shows the waiting checks on {@code /metrics}. */
    public static QrMetrics global() {
        return GLOBAL;
    }

    void step(String realm, String step, QrOrigin origin, String outcome) {
        requests.withTags(Tags.of("realm", realm, "step", step, "origin", origin.name().toLowerCase(Locale.ROOT),
                "outcome", outcome)).increment();
    }
}
