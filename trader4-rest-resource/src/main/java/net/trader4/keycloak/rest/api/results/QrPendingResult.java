package net.trader4.keycloak.rest.api.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A QR login nobody has decided on yet: check again after this many seconds. */
public record QrPendingResult(@JsonProperty("interval") long interval) {
}
