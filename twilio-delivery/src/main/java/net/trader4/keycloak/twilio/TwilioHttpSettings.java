package net.trader4.keycloak.twilio;

import java.time.Duration;
import java.util.Objects;

/**
 * How calls to Twilio's API travel: where to, how long to wait, how often to repeat. Realms
 * with equal settings share one HTTP client, so this record is also that client's key.
 *
 * @param baseUrl        where to send calls instead of Twilio, or {@code null} for Twilio itself
 * @param connectTimeout how long to wait for a connection (and for a free pooled one)
 * @param readTimeout    how long to wait for each read of the answer
 * @param maxAttempts    attempts per call, the first included
 * @param retryBackoff   wait before the first repeat, doubled for each further one
 */
public record TwilioHttpSettings(TwilioBaseUrl baseUrl, Duration connectTimeout, Duration readTimeout,
                                 int maxAttempts, Duration retryBackoff) {

    public TwilioHttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static TwilioHttpSettings defaults() {
        return new TwilioHttpSettings(null,
                Duration.ofMillis(TwilioConfigProperties.DEFAULT_CONNECT_TIMEOUT_MILLIS),
                Duration.ofMillis(TwilioConfigProperties.DEFAULT_READ_TIMEOUT_MILLIS),
                TwilioConfigProperties.DEFAULT_MAX_ATTEMPTS,
                Duration.ofMillis(TwilioConfigProperties.DEFAULT_RETRY_BACKOFF_MILLIS));
    }
}
