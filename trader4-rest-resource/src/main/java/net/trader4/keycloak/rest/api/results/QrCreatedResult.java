package net.trader4.keycloak.rest.api.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A new QR login: its token, when it expires, its image, and the secret only the requester holds. */
public record QrCreatedResult(@JsonProperty("token") String token, @JsonProperty("expired_at") String expiredAt,
                              @JsonProperty("url") String url, @JsonProperty("secret") String secret) {
}
