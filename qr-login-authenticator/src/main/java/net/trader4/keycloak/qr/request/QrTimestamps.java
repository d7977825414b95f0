package net.trader4.keycloak.qr.request;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as the published contract writes them: ISO 8601 UTC with microseconds. */
public final class QrTimestamps {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private QrTimestamps() {
    }

    public static String iso(long epochMillis) {
        return MICROS.format(Instant.ofEpochMilli(epochMillis));
    }
}
