package net.trader4.keycloak.qr.approval;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The approval form's CSRF token: an HMAC, keyed with the realm's own HMAC key, of the phone's
 * user session and the QR token. Another site can neither read nor compute it, and it is useless
 * for any other session or QR code. Nothing needs to be stored.
 */
public final class CsrfTokens {

    private static final String[] ALGORITHMS = {Algorithm.HS512, Algorithm.HS256};

    private final byte[] key;

    CsrfTokens(byte[] key) {
        this.key = key;
    }

    /** @return the realm's tokens, or {@code null} when the realm has no active HMAC key */
    public static CsrfTokens forRealm(KeycloakSession session, RealmModel realm) {
        for (String algorithm : ALGORITHMS) {
            KeyWrapper active = session.keys().getActiveKey(realm, KeyUse.SIG, algorithm);
            if (active != null && active.getSecretKey() != null) {
                return new CsrfTokens(active.getSecretKey().getEncoded());
            }
        }
        return null;
    }

    public String issue(String userSessionId, String qrToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] tag = mac.doFinal(("trader4-qr-approval|" + userSessionId + "|" + qrToken).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(String presented, String userSessionId, String qrToken) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(issue(userSessionId, qrToken).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
