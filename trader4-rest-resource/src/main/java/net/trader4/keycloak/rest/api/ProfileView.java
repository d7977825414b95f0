package net.trader4.keycloak.rest.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import net.trader4.keycloak.otp.identifier.UserLookup;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessTokenResponse;

/**
 * The profile fields of the published contract, in its order, from the account's user-profile
 * attributes. Unknown fields are JSON {@code null}, never absent.
 */
public final class ProfileView {

    public static final String LAST_CONNECTION_ATTRIBUTE = "last_connection";

    private ProfileView() {
    }

    /**
     * @param lastConnection the previous successful sign-in, read before this one was recorded
     */
    public static Map<String, Object> of(UserModel user, String lastConnection, AccessTokenResponse tokens) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("first_name", user.getFirstName());
        profile.put("middle_name", user.getFirstAttribute("middle_name"));
        profile.put("last_name", user.getLastName());
        profile.put("email", user.getEmail());
        profile.put("mobile", user.getFirstAttribute(UserLookup.MOBILE_ATTRIBUTE));
        profile.put("phone_number", user.getFirstAttribute(UserLookup.PHONE_ATTRIBUTE));
        profile.put("country", user.getFirstAttribute("country"));
        profile.put("language", user.getFirstAttribute(UserModel.LOCALE));
        profile.put("timezone", user.getFirstAttribute("timezone"));
        profile.put("currency", user.getFirstAttribute("currency"));
        profile.put("last_connection", lastConnection);
        String isPrivate = user.getFirstAttribute("private");
        profile.put("private", isPrivate == null ? null : Boolean.valueOf(isPrivate));
        profile.put("avatar", user.getFirstAttribute("avatar"));
        profile.put("access_token", tokens.getToken());
        profile.put("token_type", "bearer");
        profile.put("expires_in", tokens.getExpiresIn());
        profile.put("refresh_token", tokens.getRefreshToken());
        profile.put("refresh_expires_in", tokens.getRefreshExpiresIn());
        profile.put("id_token", tokens.getIdToken());
        profile.put("scope", tokens.getScope());
        return profile;
    }

    /** Sign-ins closer together than this share one recorded time. */
    static final Duration RECORD_GRANULARITY = Duration.ofMinutes(1);

    /**
     * Records this sign-in and returns the one before it. The write is skipped when the recorded
     * time is less than a minute old: every attribute write is a database update and evicts the
     * user from Keycloak's cache (the benchmark's profile showed 8–15% of a verify spent there),
     * and "last connection" needs no finer grain.
     */
    public static String recordConnection(UserModel user) {
        String previous = user.getFirstAttribute(LAST_CONNECTION_ATTRIBUTE);
        Instant now = Instant.now();
        if (previous == null || isOlderThan(previous, now.minus(RECORD_GRANULARITY))) {
            user.setSingleAttribute(LAST_CONNECTION_ATTRIBUTE, now.truncatedTo(ChronoUnit.MICROS).toString());
        }
        return previous;
    }

    private static boolean isOlderThan(String recorded, Instant limit) {
        try {
            return Instant.parse(recorded).isBefore(limit);
        } catch (DateTimeParseException e) {
            return true;
        }
    }
}
