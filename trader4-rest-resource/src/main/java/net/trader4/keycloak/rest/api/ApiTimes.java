package net.trader4.keycloak.rest.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the published samples write them: ISO 8601 UTC with microseconds. */
public final class ApiTimes {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ApiTimes() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    public static String ofEpochSeconds(long epochSeconds) {
        return format(Instant.ofEpochSecond(epochSeconds));
    }
}
