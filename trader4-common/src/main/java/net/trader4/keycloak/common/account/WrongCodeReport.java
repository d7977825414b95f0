package net.trader4.keycloak.common.account;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;

import jakarta.ws.rs.core.UriInfo;
import org.keycloak.common.ClientConnection;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * Tells Keycloak's brute-force detector about a wrong one-time code, on every supported release.
 * Keycloak 26.6 added the credential categories a failure counts in ({@code otp} also counts
 * towards "maximum secondary authentication failures"); 26.5 only has the form without them, where
 * a wrong code counts as any failed login. Looked up once, so that an older Keycloak gets the
 * older call instead of a {@link NoSuchMethodError} at the first wrong code.
 */
public final class WrongCodeReport {

    private static final MethodHandle BY_CATEGORY = lookUp(MethodType.methodType(void.class,
            RealmModel.class, UserModel.class, ClientConnection.class, UriInfo.class, Set.class));
    private static final MethodHandle UNCATEGORISED = lookUp(MethodType.methodType(void.class,
            RealmModel.class, UserModel.class, ClientConnection.class, UriInfo.class));
    private static final Set<String> ONE_TIME_CODE = Set.of(OTPCredentialModel.TYPE);

    private WrongCodeReport() {
    }

    /** True where the detector counts a wrong code as a one-time-code failure (Keycloak 26.6 and later). */
    public static boolean countsByCategory() {
        return BY_CATEGORY != null;
    }

    /** Counts one wrong code against {@code user}, when the realm has brute-force detection on. */
    public static void record(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!realm.isBruteForceProtected()) {
            return;
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        ClientConnection connection = session.getContext().getConnection();
        UriInfo uri = session.getContext().getUri();
        try {
            if (BY_CATEGORY != null) {
                BY_CATEGORY.invoke(protector, realm, user, connection, uri, ONE_TIME_CODE);
            } else {
                UNCATEGORISED.invoke(protector, realm, user, connection, uri);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Keycloak's brute-force detector failed", e);
        }
    }

    private static MethodHandle lookUp(MethodType type) {
        try {
            return MethodHandles.publicLookup().findVirtual(BruteForceProtector.class, "failedLogin", type);
        } catch (NoSuchMethodException | IllegalAccessException absentInThisRelease) {
            return null;
        }
    }
}
