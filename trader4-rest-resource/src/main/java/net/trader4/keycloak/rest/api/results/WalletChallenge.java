package net.trader4.keycloak.rest.api.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a wallet signs: the whole message the server wrote, and when it stops being accepted. */
public record WalletChallenge(@JsonProperty("message") String message, @JsonProperty("expired_at") String expiredAt) {
}
