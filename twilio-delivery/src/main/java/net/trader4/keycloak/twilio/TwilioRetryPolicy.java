package net.trader4.keycloak.twilio;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * When a call to Twilio may be made again. Every call we make creates something that costs money
 * and reaches a person (an SMS, a phone call), and Twilio's Messages and Calls APIs take no
 * idempotency key, so a repeat is allowed only where the first attempt did nothing:
 * <ul>
 *   <li>no connection was made (refused, unroutable, unknown host, connect timeout, no free
 *       pooled connection): the request never left this JVM;</li>
 *   <li>Twilio answered 429, 500 or 503: 429 and 503 are refusals before any work, and Twilio's
 *       guidance ("Handling Twilio REST API Error Codes and Implementing Retry Logic") lists 500
 *       with them as transient and safe to repeat. The attempts are bounded, so the worst case
 *       of a 500 that did send is an extra SMS of the same code.</li>
 * </ul>
 * Not repeated, because the first attempt may already have sent the SMS or started the call: a
 * read timeout or a connection lost mid-answer (the request reached Twilio), and 502 and 504 (a
 * gateway stopped waiting while Twilio may have carried on). Those fail at once; the user can
 * ask for a new code, which beats texting a code twice.
 */
final class TwilioRetryPolicy {

    private static final Set<Integer> REPEATABLE_STATUSES = Set.of(429, 500, 503);

    private final int maxAttempts;
    private final Duration initialBackoff;

    TwilioRetryPolicy(int maxAttempts, Duration initialBackoff) {
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    boolean mayRepeat(int statusCode) {
        return REPEATABLE_STATUSES.contains(statusCode);
    }

    /** Whether a failure proves that the request was never sent. */
    boolean mayRepeat(Throwable failure) {
        return failure instanceof ConnectException          // includes HttpHostConnectException
                || failure instanceof ConnectTimeoutException
                || failure instanceof NoRouteToHostException
                || failure instanceof UnknownHostException
                || failure instanceof ConnectionRequestTimeoutException;
    }

    /** How long to wait before the given attempt (2 for the first repeat). */
    Duration delayBefore(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 2, 10));
        return initialBackoff.multipliedBy(1L << doublings);
    }
}
