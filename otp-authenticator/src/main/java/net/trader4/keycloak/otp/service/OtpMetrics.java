package net.trader4.keycloak.otp.service;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import net.trader4.keycloak.otp.error.SendGuard;

/**
 * The meters of one-time codes on Keycloak's {@code /metrics}: codes sent, sends refused, code
 * checks and deliveries. Registered on Micrometer's global registry, as Keycloak's own providers do
 * (providers are no CDI beans); with metrics off it holds no registry and counting costs nothing.
 * Every tag has a bounded set of values: no identifier, address or account ever becomes one.
 */
final class OtpMetrics {

    static final String CODES_SENT = "trader4.otp.codes.sent";
    static final String SENDS_REFUSED = "trader4.otp.sends.refused";
    static final String VERIFIES = "trader4.otp.verifies";
    static final String DELIVERY = "trader4.otp.delivery";

    static final String SIGN_IN = "sign_in";
    static final String PHONE_NUMBER = "phone_number";
    static final String SUCCESS = "success";
    /** The outcome of a code typed for an account Keycloak's brute-force detection has locked. */
    static final String ACCOUNT_LOCKED = "account_locked";
    /** The country of everything that is no phone number of a country. */
    static final String NO_COUNTRY = "none";

    private static final OtpMetrics GLOBAL = new OtpMetrics(Metrics.globalRegistry);

    private final Meter.MeterProvider<Counter> codesSent;
    private final Meter.MeterProvider<Counter> sendsRefused;
    private final Meter.MeterProvider<Counter> verifies;
    private final Meter.MeterProvider<Timer> delivery;

    OtpMetrics(MeterRegistry registry) {
        codesSent = Counter.builder(CODES_SENT)
                .description("One-time codes sent, and messages to sign written for wallets")
                .withRegistry(registry);
        sendsRefused = Counter.builder(SENDS_REFUSED)
                .description("Codes and wallet messages refused by a limit before anything was sent")
                .withRegistry(registry);
        verifies = Counter.builder(VERIFIES)
                .description("Codes and wallet signatures checked, by outcome")
                .withRegistry(registry);
        delivery = Timer.builder(DELIVERY)
                .description("Hand-overs of a code to its channel (mail server, Twilio), by outcome")
                .withRegistry(registry);
    }

    static OtpMetrics global() {
        return GLOBAL;
    }

    void codeSent(String realm, String channel, Identifier destination, String purpose) {
        codesSent.withTags(Tags.of("realm", realm, "channel", channel, "country", country(destination), "purpose", purpose))
                .increment();
    }

    void sendRefused(String realm, SendGuard guard, String purpose) {
        sendsRefused.withTags(Tags.of("realm", realm, "guard", guard.tag(), "purpose", purpose)).increment();
    }

    /** @param failure why the channel did not take the code, {@code null} when it did */
    void delivered(String realm, String channel, long nanos, DeliveryException failure) {
        String outcome = failure == null ? SUCCESS : failure.reason().name().toLowerCase(Locale.ROOT);
        delivery.withTags(Tags.of("realm", realm, "channel", channel, "outcome", outcome)).record(nanos, TimeUnit.NANOSECONDS);
    }

    void verified(String realm, IdentifierType type, String purpose, String outcome) {
        verifies.withTags(Tags.of("realm", realm, "identifier_type", type.name().toLowerCase(Locale.ROOT),
                "purpose", purpose, "outcome", outcome)).increment();
    }

    /** The outcome tag of a refused check: the API's error code, but plainer for the commonest two. */
    static String outcome(OtpError refusal) {
        return switch (refusal) {
            case INVALID_CODE -> "wrong_code";
            case EXPIRED_CODE -> "expired";
            default -> refusal.code();
        };
    }

    /**
     * The ISO 3166-1 alpha-2 country of a phone number, {@value #NO_COUNTRY} for emails, wallets
     * and numbers of no country (international freephone and the like).
     */
    static String country(Identifier destination) {
        String region = destination.type().isPhone() ? destination.regionCode() : null;
        return region != null && region.matches("[A-Z]{2}") && !region.equals("ZZ") ? region : NO_COUNTRY;
    }
}
