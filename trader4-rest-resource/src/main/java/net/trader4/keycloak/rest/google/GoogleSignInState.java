package net.trader4.keycloak.rest.google;

import java.util.HashMap;
import java.util.Map;

/**
 * What a started Google sign-in remembers until Keycloak sends the browser back: the PKCE verifier
 * (which never leaves the server) and where the app wants the result.
 *
 * @param codeVerifier PKCE verifier of the authorization request
 * @param appRedirect  the app's registered redirect URI, or empty for an answer in the envelope
 * @param appState     the app's own {@code state}, handed back unchanged
 * @param appChallenge the app's PKCE challenge (S256) for the hand-off code, or empty
 * @param callback     the redirect URI of the authorization request, which the code is redeemed
 *                     with; empty in a state stored before it was kept
 */
record GoogleSignInState(String codeVerifier, String appRedirect, String appState, String appChallenge, String callback) {

    Map<String, String> toNotes() {
        Map<String, String> notes = new HashMap<>();
        notes.put("verifier", codeVerifier);
        notes.put("redirect", appRedirect == null ? "" : appRedirect);
        notes.put("state", appState == null ? "" : appState);
        notes.put("challenge", appChallenge == null ? "" : appChallenge);
        notes.put("callback", callback == null ? "" : callback);
        return notes;
    }

    static GoogleSignInState fromNotes(Map<String, String> notes) {
        if (notes == null || notes.get("verifier") == null) {
            return null;
        }
        return new GoogleSignInState(notes.get("verifier"), notes.getOrDefault("redirect", ""), notes.getOrDefault("state", ""),
                notes.getOrDefault("challenge", ""), notes.getOrDefault("callback", ""));
    }

    /** The callback the sign-in started with, so a change of the setting meanwhile does not break it. */
    String callbackOr(String current) {
        return callback == null || callback.isEmpty() ? current : callback;
    }

    boolean answersInEnvelope() {
        return appRedirect == null || appRedirect.isEmpty();
    }
}
