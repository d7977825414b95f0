package net.trader4.keycloak.rest.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import net.trader4.keycloak.otp.identifier.UserLookup;
import net.trader4.keycloak.rest.api.results.Profile;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessTokenResponse;

/**
 * The profile of the published contract ({@link Profile}) from the account's user-profile
 * attributes, and the "last connection" it reports.
 */
public final class ProfileView {

    public static final String LAST_CONNECTION_ATTRIBUTE = "last_connection";

    private ProfileView() {
    }

    /**
     * @param lastConnection the previous successful sign-in, read before this one was recorded
     */
    public static Profile of(UserModel user, String lastConnection, AccessTokenResponse tokens) {
        String isPrivate = user.getFirstAttribute("private");
        return new Profile(user.getFirstName(), user.getFirstAttribute("middle_name"), user.getLastName(), user.getEmail(),
                user.getFirstAttribute(UserLookup.MOBILE_ATTRIBUTE), user.getFirstAttribute(UserLookup.PHONE_ATTRIBUTE),
                CountryCodes.alpha3(user.getFirstAttribute("country")), user.getFirstAttribute(UserModel.LOCALE), user.getFirstAttribute("timezone"),
                user.getFirstAttribute("currency"), lastConnection, isPrivate == null ? null : Boolean.valueOf(isPrivate),
                user.getFirstAttribute("avatar"), tokens.getToken(), "bearer", tokens.getExpiresIn(), tokens.getRefreshToken(),
                tokens.getRefreshExpiresIn(), tokens.getIdToken(), tokens.getScope());
    }

    /** Records this sign-in and answers the profile with the one before it: how every sign-in through the API ends. */
    public static Profile signedIn(UserModel user, AccessTokenResponse tokens) {
        return of(user, recordConnection(user), tokens);
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
