package net.trader4.keycloak.rest.api.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A signed-in user as the published contract answers them: profile fields in its order, then the
 * tokens. Unknown fields are JSON {@code null}, never absent.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"first_name", "middle_name", "last_name", "email", "mobile", "phone_number", "country", "language",
        "timezone", "currency", "last_connection", "private", "avatar", "access_token", "token_type", "expires_in",
        "refresh_token", "refresh_expires_in", "id_token", "scope"})
public record Profile(
        @JsonProperty("first_name") String firstName,
        @JsonProperty("middle_name") String middleName,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("email") String email,
        @JsonProperty("mobile") String mobile,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("country") String country,
        @JsonProperty("language") String language,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("currency") String currency,
        @JsonProperty("last_connection") String lastConnection,
        @JsonProperty("private") Boolean isPrivate,
        @JsonProperty("avatar") String avatar,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("refresh_expires_in") long refreshExpiresIn,
        @JsonProperty("id_token") String idToken,
        @JsonProperty("scope") String scope) {
}
