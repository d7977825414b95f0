package net.trader4.keycloak.rest.api.results;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The pending second step of a sign-in by code: the ticket to complete it with, and how. */
public record SecondFactorStepResult(@JsonProperty("mfa_token") String mfaToken, @JsonProperty("expires_in") long expiresIn,
                                     @JsonProperty("methods") List<String> methods) {
}
