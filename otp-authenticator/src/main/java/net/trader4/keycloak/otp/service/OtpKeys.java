package net.trader4.keycloak.otp.service;

import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The secret that code hashes are keyed with: the realm's own HMAC signing key, which Keycloak
 * generates, stores in its database for every node and rotates. The key id travels with each
 * challenge so a rotation never breaks a pending code.
 */
final class OtpKeys {

    record Key(String kid, byte[] secret) {
    }

    private static final String[] ALGORITHMS = {Algorithm.HS512, Algorithm.HS256};

    private final KeycloakSession session;
    private final RealmModel realm;

    OtpKeys(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    Key active() throws OtpException {
        for (String algorithm : ALGORITHMS) {
            KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, algorithm);
            if (key != null && key.getSecretKey() != null) {
                return new Key(algorithm + ":" + key.getKid(), key.getSecretKey().getEncoded());
            }
        }
        throw new OtpException(OtpError.CLIENT_NOT_CONFIGURED,
                "The realm has no active HMAC key (HS512 or HS256); add one under Realm settings > Keys.");
    }

    byte[] byKid(String qualifiedKid) {
        int colon = qualifiedKid.indexOf(':');
        if (colon < 0) {
            return null;
        }
        KeyWrapper key = session.keys().getKey(realm, qualifiedKid.substring(colon + 1), KeyUse.SIG,
                qualifiedKid.substring(0, colon));
        return key == null || key.getSecretKey() == null ? null : key.getSecretKey().getEncoded();
    }
}
